using Bunit;
using CxDashboard.Domain.Metrics;
using CxDashboard.Web.Features.Metrics;

namespace CxDashboard.Tests.Components.Metrics;

public sealed class MetricMarksTests : BunitContext
{
    [Theory]
    [InlineData(Rag.Green, "success")]
    [InlineData(Rag.Amber, "warning")]
    [InlineData(Rag.Red, "error")]
    public void A_rated_value_reads_its_status_in_words_on_a_chip_of_its_colour(Rag rag, string colour)
    {
        var chip = Render(MetricMarks.Rag(rag)).Find("[data-rag]");

        Assert.Equal(rag.ToString(), chip.TextContent.Trim());
        Assert.Contains($"mud-chip-color-{colour}", chip.ClassList);
    }

    [Fact]
    public void A_value_without_a_target_says_it_is_not_rated()
    {
        var mark = Render(MetricMarks.Rag(Rag.None));

        Assert.Empty(mark.FindAll("[data-rag]"));
        Assert.Equal("Not rated", mark.Find("span").TextContent);
    }

    [Theory]
    [InlineData(-6.8, Direction.HigherIsBetter, "worse", "−6.8", "mud-error-text")]
    [InlineData(-0.4, Direction.LowerIsBetter, "better", "−0.4", "mud-success-text")]
    [InlineData(2.27, Direction.HigherIsBetter, "better", "+2.27", "mud-success-text")]
    [InlineData(0.0, Direction.HigherIsBetter, "unchanged", "0", "mud-default-text")]
    public void The_change_on_the_previous_quarter_says_whether_it_is_better_or_worse(double delta, Direction direction, string verdict,
        string shown, string colour)
    {
        var change = Render(MetricMarks.Change(delta, direction)).Find("[data-change]");

        Assert.Equal(verdict, change.GetAttribute("data-change"));
        Assert.Equal($"{shown} ({verdict})", change.TextContent.Trim());
        Assert.Contains(colour, change.QuerySelector("span")!.ClassList);
        Assert.Equal("true", change.QuerySelector("svg")!.GetAttribute("aria-hidden"));
    }

    [Fact]
    public void No_previous_value_shows_a_dash_rather_than_a_change()
    {
        var mark = Render(MetricMarks.Change(null, Direction.HigherIsBetter));

        Assert.Empty(mark.FindAll("[data-change]"));
        Assert.Equal("—", mark.Find("span").TextContent);
    }

    [Fact]
    public void A_missing_period_leaves_a_gap_in_the_trend_line_instead_of_a_value()
    {
        var line = Render(MetricMarks.Sparkline([70, 78, null, 77], "NPS over four quarters")).Find("svg");

        Assert.Equal("NPS over four quarters", line.GetAttribute("aria-label"));
        Assert.Equal("2,22 32.7,2", line.QuerySelector("polyline")!.GetAttribute("points"));
        Assert.Single(line.QuerySelectorAll("polyline"));
        Assert.Single(line.QuerySelectorAll("circle"));
    }

    [Fact]
    public void A_metric_without_values_draws_no_line()
    {
        var line = Render(MetricMarks.Sparkline([null, null], "No values yet")).Find("svg");

        Assert.Empty(line.QuerySelectorAll("polyline, circle"));
    }
}
