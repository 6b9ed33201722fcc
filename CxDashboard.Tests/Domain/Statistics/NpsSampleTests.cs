using CxDashboard.Domain.Common;
using CxDashboard.Domain.Statistics;

namespace CxDashboard.Tests.Domain.Statistics;

public class NpsSampleTests
{
    // The adjusted-Wald method of Rocks (The American Statistician 70(3), 2016) as MeasuringU sets it out
    // (Sauro and Lewis, "Confidence Intervals for Net Promoter Scores", measuringu.com/nps-confidence-intervals):
    // 36 answers, 15 promoters, 13 passives, 8 detractors. n_adj = 39, promoters (15 + ¾)/39 = .404,
    // detractors (8 + ¾)/39 = .224, adjusted NPS .179, variance .404 + .224 − .179² = .596,
    // standard error √(.596/39) = .124, margin 1.96 × .124 = .242: from −6.3 to +42.2 around the raw +19.4.
    [Fact]
    public void The_interval_follows_the_adjusted_Wald_worked_example()
    {
        var figure = new NpsSample(promoters: 15, passives: 13, detractors: 8).Estimate()!.Value;

        Assert.Equal(19.44, figure.Value, 2);
        Assert.Equal(36, figure.SampleSize);
        Assert.Equal(-6.28, figure.Low!.Value, 2);
        Assert.Equal(42.18, figure.High!.Value, 2);
    }

    [Fact]
    public void Without_answers_there_is_no_figure() => Assert.Null(new NpsSample(0, 0, 0).Estimate());

    [Fact]
    public void A_single_promoter_gives_an_interval_spanning_most_of_the_scale()
    {
        var figure = new NpsSample(1, 0, 0).Estimate()!.Value;

        Assert.Equal(100, figure.Value);
        Assert.Equal(1, figure.SampleSize);
        Assert.Equal(-48.5, figure.Low!.Value, 1);
        Assert.Equal(98.5, figure.High!.Value, 1);
    }

    [Fact]
    public void All_promoters_give_an_interval_that_stops_at_plus_100()
    {
        var figure = new NpsSample(30, 0, 0).Estimate()!.Value;

        Assert.Equal(100, figure.Value);
        Assert.Equal(78.7, figure.Low!.Value, 1);
        Assert.Equal(100, figure.High);
    }

    [Fact]
    public void All_detractors_give_an_interval_that_stops_at_minus_100()
    {
        var figure = new NpsSample(0, 0, 30).Estimate()!.Value;

        Assert.Equal(-100, figure.Value);
        Assert.Equal(-100, figure.Low);
        Assert.Equal(-78.7, figure.High!.Value, 1);
    }

    [Fact]
    public void More_answers_narrow_the_interval()
    {
        var few = new NpsSample(50, 30, 20).Estimate()!.Value;
        var many = new NpsSample(500, 300, 200).Estimate()!.Value;

        Assert.True(many.MarginOfError < few.MarginOfError / 3);
    }

    [Fact]
    public void Negative_counts_are_refused() =>
        Assert.Throws<DomainException>(() => new NpsSample(-1, 0, 0));
}
