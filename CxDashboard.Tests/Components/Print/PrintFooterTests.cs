using Bunit;
using CxDashboard.Web.Components.Print;

namespace CxDashboard.Tests.Components.Print;

/// <summary>The page rule that puts what a page is, and its page numbers, at the foot of every printed sheet.</summary>
public sealed class PrintFooterTests : BunitContext
{
    [Fact]
    public void A_title_that_tries_to_end_the_style_element_stays_words_in_the_footer()
    {
        var title = "Returns \"lost\" </style><script>alert(1)</script> \\ O'Brien's café";

        var rule = Render<PrintFooter>(p => p.Add(f => f.Text, title)).Find("style").TextContent;

        Assert.DoesNotContain("<", rule, StringComparison.Ordinal);
        Assert.DoesNotContain("'", rule, StringComparison.Ordinal);
        var content = System.Text.RegularExpressions.Regex.Match(rule, "@bottom-left \\{ content: (\"[^\"]*\"); \\}").Groups[1].Value;
        Assert.Equal(title, Unescaped(content));
    }

    [Fact]
    public void A_wide_page_asks_for_landscape_sheets_and_every_sheet_is_numbered()
    {
        var rule = Render<PrintFooter>(p => p.Add(f => f.Text, "CX scorecard 2026-Q3").Add(f => f.Landscape, true)).Find("style").TextContent;

        Assert.Contains("size: A4 landscape;", rule, StringComparison.Ordinal);
        Assert.Contains("content: \"Page \" counter(page) \" of \" counter(pages);", rule, StringComparison.Ordinal);
    }

    // CSS reads "\1F600 " as the character U+1F600; the space after the digits ends the escape.
    private static string Unescaped(string quoted) =>
        System.Text.RegularExpressions.Regex.Replace(quoted[1..^1], @"\\([0-9A-F]+) ",
            m => char.ConvertFromUtf32(Convert.ToInt32(m.Groups[1].Value, 16)));
}
