using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Scorecards;
using CxDashboard.Domain.Statistics;
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

    [Fact]
    public void A_change_beyond_both_margins_of_error_is_frozen_as_a_real_improvement_in_words()
    {
        var line = A.ScorecardLine().WithHistory(30, 35, 35.2).WithAnswers(800, 3.4).WithPreviousAnswers(760, 3.5).WithActual(42).Build();

        Assert.Equal(ChangeVerdict.RealImprovement, line.ChangeVerdict);
        Assert.Equal("+6.8, a real improvement", line.ChangeWording);
        Assert.Equal((800, 38.6, 45.4), (line.SampleSize!.Value, line.Low!.Value, line.High!.Value));
        Assert.Equal(760, line.PreviousSampleSize);
    }

    [Fact]
    public void A_change_inside_the_margins_of_error_is_frozen_as_within_the_noise()
    {
        var line = A.ScorecardLine().WithHistory(30, 35, 40.9).WithAnswers(300, 5.6).WithPreviousAnswers(310, 5.5).WithActual(42).Build();

        Assert.Equal(ChangeVerdict.WithinNoise, line.ChangeVerdict);
        Assert.Equal("+1.1, within the noise", line.ChangeWording);
    }

    [Fact]
    public void A_figure_on_too_few_answers_has_no_rag_and_its_change_says_so()
    {
        var line = A.ScorecardLine().WithMinimumAnswers(30).WithAnswers(9, 40).WithPreviousAnswers(120, 9).WithActual(67).WithTarget(40).Build();

        Assert.True(line.HasTooFewAnswers);
        Assert.Equal(Rag.None, line.Rag);
        Assert.Null(line.AgainstTarget);
        Assert.Equal(ChangeVerdict.TooFewAnswers, line.ChangeVerdict);
        Assert.Equal("+29.0, too few answers to tell", line.ChangeWording);
    }

    [Theory]
    [InlineData(48, 3, TargetVerdict.OnTarget)]
    [InlineData(32, 3, TargetVerdict.MissingTarget)]
    [InlineData(42, 5, TargetVerdict.WithinMargin)]
    public void Against_its_target_a_figure_is_on_target_below_it_or_too_close_to_call(double actual, double margin, TargetVerdict verdict) =>
        Assert.Equal(verdict, A.ScorecardLine().WithTarget(40).WithAnswers(500, margin).WithActual(actual).Build().AgainstTarget);

    [Fact]
    public void The_standing_counts_only_totals_with_enough_answers_and_names_those_left_out()
    {
        ScorecardLine[] lines =
        [
            A.ScorecardLine().ForMetric(1).WithAnswers(500, 3).WithActual(48).WithTarget(40).Build(),
            A.ScorecardLine().ForMetric(2).WithAnswers(500, 3).WithActual(30).WithTarget(40).Build(),
            A.ScorecardLine().ForMetric(3).WithAnswers(9, 30).WithActual(90).WithTarget(40).Build(),
            A.ScorecardLine().ForMetric(4).WithActual(41).WithTarget(40).Build(),
        ];

        var standing = ScorecardStanding.Of(lines);

        Assert.Equal(new ScorecardStanding(3, 2, 0, 1, 1), standing);
        Assert.Equal("2 of 3 metrics with enough answers on target in total (0 amber, 1 red); 1 left out with too few answers", standing.Describe());
    }
}
