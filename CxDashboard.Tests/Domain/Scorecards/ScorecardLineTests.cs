using CxDashboard.Domain.Metrics;
using CxDashboard.Tests.Domain.Builders;

namespace CxDashboard.Tests.Domain.Scorecards;

public class ScorecardLineTests
{
    [Theory]
    [InlineData(42, Rag.Green)]
    [InlineData(40, Rag.Green)]
    [InlineData(36, Rag.Amber)]
    [InlineData(30, Rag.Red)]
    public void A_line_gets_its_rag_from_actual_target_and_tolerance(double actual, Rag rag) =>
        Assert.Equal(rag, A.ScorecardLine().WithActual(actual).WithTarget(40, tolerance: 5).Build().Rag);

    [Fact]
    public void A_line_where_lower_is_better_is_green_below_target() =>
        Assert.Equal(Rag.Green, A.ScorecardLine().WithDirection(Direction.LowerIsBetter).WithActual(20).WithTarget(24).Build().Rag);

    [Fact]
    public void A_line_without_a_target_or_actual_has_no_rag()
    {
        Assert.Equal(Rag.None, A.ScorecardLine().WithTarget(null).Build().Rag);
        Assert.Equal(Rag.None, A.ScorecardLine().WithActual(null).Build().Rag);
    }

    [Fact]
    public void The_trend_runs_oldest_first_and_ends_with_this_quarter() =>
        Assert.Equal([30, 35, 38, 42], A.ScorecardLine().WithHistory(30, 35, 38).WithActual(42).Build().Trend);

    [Fact]
    public void The_trend_keeps_gaps_where_a_quarter_has_no_value() =>
        Assert.Equal([null, 35, null, 42], A.ScorecardLine().WithHistory(null, 35, null).WithActual(42).Build().Trend);

    [Fact]
    public void The_change_on_the_previous_quarter_is_actual_less_previous()
    {
        Assert.Equal(4, A.ScorecardLine().WithHistory(30, 35, 38).WithActual(42).Build().ChangeOnPreviousQuarter);
        Assert.Equal(-3, A.ScorecardLine().WithHistory(30, 35, 38).WithActual(35).Build().ChangeOnPreviousQuarter);
    }

    [Fact]
    public void There_is_no_change_without_both_quarters()
    {
        Assert.Null(A.ScorecardLine().WithHistory(30, 35, null).WithActual(42).Build().ChangeOnPreviousQuarter);
        Assert.Null(A.ScorecardLine().WithActual(null).Build().ChangeOnPreviousQuarter);
    }
}
