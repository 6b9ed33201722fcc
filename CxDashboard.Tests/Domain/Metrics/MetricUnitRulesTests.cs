using CxDashboard.Domain.Common;
using CxDashboard.Domain.Metrics;

namespace CxDashboard.Tests.Domain.Metrics;

public class MetricUnitRulesTests
{
    [Theory]
    [InlineData(MetricUnit.NpsScore, -100)]
    [InlineData(MetricUnit.NpsScore, 0)]
    [InlineData(MetricUnit.NpsScore, 100)]
    [InlineData(MetricUnit.Percent, 0)]
    [InlineData(MetricUnit.Percent, 100)]
    [InlineData(MetricUnit.RatingOutOf5, 1)]
    [InlineData(MetricUnit.RatingOutOf5, 5)]
    [InlineData(MetricUnit.RatingOutOf7, 1)]
    [InlineData(MetricUnit.RatingOutOf7, 7)]
    [InlineData(MetricUnit.Number, 0)]
    [InlineData(MetricUnit.Number, 1_000_000_000)]
    [InlineData(MetricUnit.Currency, 0)]
    [InlineData(MetricUnit.Hours, 0.5)]
    public void Values_inside_the_unit_range_are_accepted(MetricUnit unit, double value)
    {
        Assert.Null(MetricUnitRules.Problem(unit, value));
        MetricUnitRules.Check(unit, value);
    }

    [Theory]
    [InlineData(MetricUnit.NpsScore, -100.5, "An NPS must be between -100 and 100.")]
    [InlineData(MetricUnit.NpsScore, 101, "An NPS must be between -100 and 100.")]
    [InlineData(MetricUnit.Percent, -0.1, "A percentage must be between 0 and 100.")]
    [InlineData(MetricUnit.Percent, 100.1, "A percentage must be between 0 and 100.")]
    [InlineData(MetricUnit.RatingOutOf5, 0.9, "A rating out of 5 must be between 1 and 5.")]
    [InlineData(MetricUnit.RatingOutOf5, 5.1, "A rating out of 5 must be between 1 and 5.")]
    [InlineData(MetricUnit.RatingOutOf7, 0, "A rating out of 7 must be between 1 and 7.")]
    [InlineData(MetricUnit.RatingOutOf7, 7.5, "A rating out of 7 must be between 1 and 7.")]
    [InlineData(MetricUnit.Number, -1, "A value cannot be negative.")]
    [InlineData(MetricUnit.Currency, -0.01, "An amount cannot be negative.")]
    [InlineData(MetricUnit.Hours, -2, "A duration cannot be negative.")]
    public void Values_outside_the_unit_range_are_refused_with_the_range(MetricUnit unit, double value, string message)
    {
        Assert.Equal(message, MetricUnitRules.Problem(unit, value));
        Assert.Equal(message, Assert.Throws<DomainException>(() => MetricUnitRules.Check(unit, value)).Message);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_value_that_is_not_a_number_is_refused(double value) =>
        Assert.Equal("The value must be a number.", MetricUnitRules.Problem(MetricUnit.Number, value));

    [Theory]
    [InlineData(MetricUnit.NpsScore, 12.4, "+12")]
    [InlineData(MetricUnit.Percent, 3.456, "3.5%")]
    [InlineData(MetricUnit.RatingOutOf5, 4.2, "4.20")]
    [InlineData(MetricUnit.Hours, 26, "26.0 h")]
    [InlineData(MetricUnit.Currency, 1234.5, "1,234.50")]
    public void Values_read_in_their_unit(MetricUnit unit, double value, string expected) =>
        Assert.Equal(expected, MetricUnitRules.Format(unit, value));

    [Fact]
    public void A_missing_value_reads_as_a_dash() => Assert.Equal("—", MetricUnitRules.Format(MetricUnit.Percent, null));
}
