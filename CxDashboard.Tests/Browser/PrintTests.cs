using System.Globalization;
using System.Text.RegularExpressions;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Scorecards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using static CxDashboard.Tests.Browser.BrowserSteps;

namespace CxDashboard.Tests.Browser;

/// <summary>
/// The scorecard, the dashboard and a friction issue printed to PDF by Chromium, as a person's Print would: only the
/// page's content, tables whole with their header row on every sheet, and a footer saying what the sheet is and
/// which page of how many. The PDF's text is read back with PdfPig.
/// </summary>
public sealed class PrintTests(AppServerFixture app) : IClassFixture<AppServerFixture>, IDisposable
{
    public void Dispose() => app.AssertNoContentSecurityPolicyViolations();

    // CSS pixels (96 to the inch) across an A4 sheet less the 12 mm margins either side that print.css gives it.
    private const double PortraitWidth = (210 - 24) / 25.4 * 96;
    private const double LandscapeWidth = (297 - 24) / 25.4 * 96;

    [BrowserFact]
    public async Task The_published_scorecard_prints_on_a4_landscape_with_who_published_it_in_the_footer()
    {
        string quarter;
        string footer;
        await using (var db = app.CreateDbContext())
        {
            var published = (await db.Scorecards.Where(s => s.Status == ScorecardStatus.Published).ToListAsync())
                .MaxBy(s => s.Quarter)!;
            var by = await db.People.Where(p => p.Id == published.PublishedByPersonId).Select(p => p.DisplayName).SingleAsync();
            quarter = published.Quarter.ToString();
            footer = $"CX scorecard {quarter} · published on {published.PublishedAt!.Value.ToString("d MMM yyyy", CultureInfo.InvariantCulture)} by {by}";
        }
        var page = await app.NewPageAsync();
        await SignInAsync(page, "Margaret Osei", $"/scorecards/{quarter}");
        var rows = page.Locator("[data-scope] tbody tr");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();

        var sheets = await PrintAsync(page, landscape: true, footer);

        // Every sheet with lines of the scorecard starts them under the table's header row.
        foreach (var sheet in sheets.Where(s => s.Contains("Target", StringComparison.Ordinal)))
        {
            Assert.Matches(new Regex(@"Metric\s*Actual\s*Target\s*RAG"), sheet);
        }
    }

    [BrowserFact]
    public async Task The_dashboard_prints_dark_on_white_from_dark_mode_with_its_quarter_and_channel_in_the_footer()
    {
        var page = await app.NewPageAsync();
        await page.Context.AddCookiesAsync([new Cookie { Name = "cx-dark-mode", Value = "true", Url = app.BaseUrl }]);
        await SignInAsync(page, "Margaret Osei", "/");
        var quarter = await page.Locator("select[name=quarter] option").First.InnerTextAsync();
        await Assertions.Expect(page.Locator("[data-section=metrics] table").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("dark-mode-toggle")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        // The light palette's text colour, #1F2933, on the white of the sheet.
        Assert.Equal("rgb(31, 41, 51)", await page.Locator("h1").EvaluateAsync<string>("h => getComputedStyle(h).color"));

        await PrintAsync(page, landscape: false, $"CX Dashboard · {quarter} · All channels");
    }

    [BrowserFact]
    public async Task A_friction_issue_prints_with_its_number_and_where_it_came_from_in_the_footer()
    {
        string footer;
        int id;
        await using (var db = app.CreateDbContext())
        {
            var issue = await db.FrictionIssues.OrderBy(i => i.Id).FirstAsync();
            var by = await db.People.Where(p => p.Id == issue.CreatedByPersonId).Select(p => p.DisplayName).SingleAsync();
            id = issue.Id;
            footer = $"Friction issue #{id}: {issue.Title} · raised in {Period.Containing(DateOnly.FromDateTime(issue.CreatedAt), PeriodKind.Quarter)} by {by}";
        }
        var page = await app.NewPageAsync();
        await SignInAsync(page, "Eleanor Hartley", $"/friction/{id}");
        await Assertions.Expect(page.Locator("h1")).Not.ToHaveTextAsync(new Regex("^Friction issue #"));

        await PrintAsync(page, landscape: false, footer);
    }

    /// <summary>
    /// Checks the page laid out for paper (nothing but the content, nothing wider than the sheet), prints it, and
    /// checks every sheet's orientation and footer. Returns each sheet's words.
    /// </summary>
    private static async Task<IReadOnlyList<string>> PrintAsync(IPage page, bool landscape, string footer)
    {
        await page.SetViewportSizeAsync((int)(landscape ? LandscapeWidth : PortraitWidth), 900);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("header.mud-appbar")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#cx-navigation")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("button:visible, a.mud-button-root:visible")).ToHaveCountAsync(0);
        var wider = await page.EvaluateAsync<string[]>("""
            () => [...document.body.querySelectorAll('*')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
                .slice(0, 5)
                .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} (${Math.round(e.getBoundingClientRect().right)} px)`)
            """);
        Assert.True(wider.Length == 0, $"Wider than the sheet ({page.ViewportSize!.Width} px): {string.Join(", ", wider)}");
        var rowsBreak = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('main table')].flatMap(t => [
                getComputedStyle(t.querySelector('tr') ?? t).breakInside,
                t.tHead ? getComputedStyle(t.tHead).display : 'table-header-group'])
            """);
        Assert.All(rowsBreak, value => Assert.Contains(value, new[] { "avoid", "table-header-group" }));

        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true });
        await Accessibility.ScreenshotAsync(page, "print-" + Regex.Replace(new Uri(page.Url).AbsolutePath, "[^a-zA-Z0-9]+", "-").Trim('-'));
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(document.NumberOfPages, Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page\b").Count);
        var sheets = new List<string>();
        foreach (var sheet in document.GetPages())
        {
            Assert.True(landscape == sheet.Width > sheet.Height, $"Sheet {sheet.Number} is {sheet.Width} × {sheet.Height} points.");
            var words = string.Join(" ", sheet.GetWords().Select(w => w.Text));
            Assert.Contains(Squeezed(footer), Squeezed(words));
            Assert.Contains(Squeezed($"Page {sheet.Number} of {document.NumberOfPages}"), Squeezed(words));
            sheets.Add(words);
        }
        return sheets;
    }

    // PdfPig reads words as the PDF places its letters; spaces between them are not always there.
    private static string Squeezed(string text) => Regex.Replace(text, @"\s+", "");
}
