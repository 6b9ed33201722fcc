using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Statistics;

namespace CxDashboard.Tests.Domain.Statistics;

public class TargetCheckTests
{
    [Theory]
    [InlineData(48, 44, 52, 40, TargetVerdict.OnTarget)]
    [InlineData(32, 28, 36, 40, TargetVerdict.MissingTarget)]
    [InlineData(38, 34, 42, 40, TargetVerdict.WithinMargin)]
    [InlineData(42, 38, 46, 40, TargetVerdict.WithinMargin)]
    public void A_higher_is_better_figure_is_judged_by_its_interval(double value, double low, double high, double target, TargetVerdict expected) =>
        Assert.Equal(expected, TargetCheck.Evaluate(new Estimate(value, 400, low, high), target, Direction.HigherIsBetter));

    [Theory]
    [InlineData(2.4, 2.2, 2.6, 3.0, TargetVerdict.OnTarget)]
    [InlineData(3.6, 3.4, 3.8, 3.0, TargetVerdict.MissingTarget)]
    [InlineData(3.1, 2.9, 3.3, 3.0, TargetVerdict.WithinMargin)]
    public void A_lower_is_better_figure_is_on_target_below_it(double value, double low, double high, double target, TargetVerdict expected) =>
        Assert.Equal(expected, TargetCheck.Evaluate(new Estimate(value, 400, low, high), target, Direction.LowerIsBetter));

    [Fact]
    public void A_figure_without_an_interval_is_judged_on_its_value()
    {
        Assert.Equal(TargetVerdict.OnTarget, TargetCheck.Evaluate(new Estimate(40, null, null, null), 40, Direction.HigherIsBetter));
        Assert.Equal(TargetVerdict.MissingTarget, TargetCheck.Evaluate(new Estimate(39.9, null, null, null), 40, Direction.HigherIsBetter));
    }
}
