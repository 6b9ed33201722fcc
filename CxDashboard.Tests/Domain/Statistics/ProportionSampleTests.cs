using CxDashboard.Domain.Common;
using CxDashboard.Domain.Statistics;

namespace CxDashboard.Tests.Domain.Statistics;

public class ProportionSampleTests
{
    // Newcombe, "Two-sided confidence intervals for the single proportion: comparison of seven methods",
    // Statistics in Medicine 17 (1998) 857–872, Table I, method 3 (Wilson score interval without continuity correction).
    [Theory]
    [InlineData(81, 263, 25.53, 36.62)]
    [InlineData(15, 148, 6.24, 16.05)]
    [InlineData(0, 20, 0.00, 16.11)]
    [InlineData(1, 29, 0.61, 17.18)]
    public void The_interval_matches_Newcombes_Wilson_examples(int successes, int total, double low, double high)
    {
        var figure = new ProportionSample(successes, total).Estimate()!.Value;

        Assert.Equal(100.0 * successes / total, figure.Value, 9);
        Assert.Equal(total, figure.SampleSize);
        Assert.Equal(low, figure.Low!.Value, 2);
        Assert.Equal(high, figure.High!.Value, 2);
    }

    [Fact]
    public void Without_answers_there_is_no_figure() => Assert.Null(new ProportionSample(0, 0).Estimate());

    [Fact]
    public void A_single_satisfied_answer_still_leaves_most_of_the_range_open()
    {
        var figure = new ProportionSample(1, 1).Estimate()!.Value;

        Assert.Equal(100, figure.Value);
        Assert.Equal(20.65, figure.Low!.Value, 2);
        Assert.Equal(100, figure.High!.Value, 9);
    }

    [Fact]
    public void Every_answer_satisfied_keeps_the_interval_inside_0_to_100()
    {
        var figure = new ProportionSample(40, 40).Estimate()!.Value;

        Assert.InRange(figure.Low!.Value, 80, 100);
        Assert.Equal(100, figure.High!.Value, 9);
    }

    [Fact]
    public void More_answers_counted_than_given_is_refused() =>
        Assert.Throws<DomainException>(() => new ProportionSample(5, 4));
}
