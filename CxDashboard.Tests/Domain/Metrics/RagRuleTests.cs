using CxDashboard.Domain.Metrics;

namespace CxDashboard.Tests.Domain.Metrics;

public class RagRuleTests
{
    [Theory]
    [InlineData(40, Rag.Green)]
    [InlineData(45, Rag.Green)]
    [InlineData(39, Rag.Amber)]
    [InlineData(35, Rag.Amber)]
    [InlineData(34.9, Rag.Red)]
    [InlineData(10, Rag.Red)]
    public void When_higher_is_better_falling_short_turns_amber_then_red(double value, Rag expected) =>
        Assert.Equal(expected, RagRule.Evaluate(value, 40, Direction.HigherIsBetter, 5));

    [Theory]
    [InlineData(24, Rag.Green)]
    [InlineData(12, Rag.Green)]
    [InlineData(25, Rag.Amber)]
    [InlineData(26, Rag.Amber)]
    [InlineData(26.1, Rag.Red)]
    [InlineData(48, Rag.Red)]
    public void When_lower_is_better_going_over_turns_amber_then_red(double hoursToDeliver, Rag expected) =>
        Assert.Equal(expected, RagRule.Evaluate(hoursToDeliver, 24, Direction.LowerIsBetter, 2));

    [Theory]
    [InlineData(Direction.HigherIsBetter)]
    [InlineData(Direction.LowerIsBetter)]
    public void Exactly_on_target_is_green(Direction direction) =>
        Assert.Equal(Rag.Green, RagRule.Evaluate(40, 40, direction, 5));

    [Fact]
    public void With_no_tolerance_any_miss_is_red()
    {
        Assert.Equal(Rag.Green, RagRule.Evaluate(40, 40, Direction.HigherIsBetter, 0));
        Assert.Equal(Rag.Red, RagRule.Evaluate(39.99, 40, Direction.HigherIsBetter, 0));
        Assert.Equal(Rag.Red, RagRule.Evaluate(40.01, 40, Direction.LowerIsBetter, 0));
    }

    [Fact]
    public void A_rounding_hair_below_target_is_still_green() =>
        Assert.Equal(Rag.Green, RagRule.Evaluate(0.1 + 0.2, 0.3, Direction.HigherIsBetter, 0));

    [Fact]
    public void A_negative_tolerance_counts_as_its_size() =>
        Assert.Equal(Rag.Amber, RagRule.Evaluate(37, 40, Direction.HigherIsBetter, -5));

    [Theory]
    [InlineData(null, 40.0)]
    [InlineData(40.0, null)]
    [InlineData(null, null)]
    [InlineData(double.NaN, 40.0)]
    [InlineData(40.0, double.NaN)]
    public void Without_a_value_or_a_target_there_is_no_rag(double? value, double? target) =>
        Assert.Equal(Rag.None, RagRule.Evaluate(value, target, Direction.HigherIsBetter, 5));
}
