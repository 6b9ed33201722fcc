using Bunit;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Statistics;
using CxDashboard.Web.Features.Metrics;

namespace CxDashboard.Tests.Components.Metrics;

public sealed class FigureMarksTests : BunitContext
{
    [Fact]
    public void A_figure_shows_its_answers_and_margin_and_its_interval_on_hover()
    {
        var mark = Render(MetricMarks.Figure(MetricUnit.NpsScore, 19.44, new Estimate(19.44, 36, -6.28, 42.18), 30));

        Assert.Equal("+19", mark.Find("[data-value]").TextContent);
        Assert.Equal("n = 36, ±24.2", mark.Find("[data-sample]").TextContent);
        Assert.Equal("n = 36, 95% interval −6 to +42", mark.Find("[title]").GetAttribute("title"));
    }

    [Fact]
    public void A_figure_below_the_minimum_reads_as_too_few_answers_instead_of_a_figure()
    {
        var mark = Render(MetricMarks.Figure(MetricUnit.NpsScore, 0, new Estimate(0, 9, -45, 45), 30));

        Assert.Equal("too few answers (n = 9)", mark.Find("[data-too-few]").TextContent);
        Assert.Empty(mark.FindAll("[data-value]"));
    }

    [Fact]
    public void A_real_improvement_is_said_so_with_a_green_arrow()
    {
        var change = new NpsSample(868, 600, 532).ChangeFrom(new NpsSample(800, 600, 600), 30);

        var mark = Render(MetricMarks.Verdict(MetricUnit.NpsScore, change, Direction.HigherIsBetter)).Find("[data-verdict]");

        Assert.Equal("+6.8, a real improvement", mark.TextContent.Trim());
        Assert.NotNull(mark.QuerySelector("svg"));
        Assert.NotNull(mark.QuerySelector(".mud-success-text"));
    }

    [Fact]
    public void A_change_within_the_noise_gets_no_arrow_and_no_colour()
    {
        var change = new ProportionSample(609, 800).ChangeFrom(new ProportionSample(600, 800), 30);

        var mark = Render(MetricMarks.Verdict(MetricUnit.Percent, change, Direction.HigherIsBetter)).Find("[data-verdict]");

        Assert.Equal("+1.1, within the noise", mark.TextContent.Trim());
        Assert.Null(mark.QuerySelector("svg"));
    }

    [Fact]
    public void More_effort_is_a_real_decline_in_red()
    {
        var before = new MeanSample(400, 400 * 3.6, 400 * (3.6 * 3.6 + 1.0));
        var after = new MeanSample(400, 400 * 4.0, 400 * 17.0 + 1);

        var mark = Render(MetricMarks.Verdict(MetricUnit.RatingOutOf7, after.ChangeFrom(before, 30), Direction.LowerIsBetter)).Find("[data-verdict]");

        Assert.Equal("+0.40, a real decline", mark.TextContent.Trim());
        Assert.NotNull(mark.QuerySelector(".mud-error-text"));
    }

    [Fact]
    public void The_trend_chart_draws_the_interval_as_a_band_and_thin_points_hollow()
    {
        var chart = Render<LineChart>(p => p
            .Add(c => c.Labels, ["2026-09", "2026-10", "2026-11"])
            .Add(c => c.Lines, [new ChartLine("Total", "#212121", [31, 35, 12],
                Band: [new ChartBand(27, 35), new ChartBand(31, 39), null], Hollow: [false, false, true])]));

        Assert.Single(chart.FindAll("polygon[data-band]"));
        var points = chart.FindAll("circle");
        Assert.Equal(3, points.Count);
        Assert.Equal("true", points[2].GetAttribute("data-hollow"));
        Assert.Null(points[0].GetAttribute("data-hollow"));
        Assert.Contains("too few answers", points[2].TextContent);
    }
}
