using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Statistics;

namespace CxDashboard.Tests.Domain.Statistics;

public class FigureWordingTests
{
    [Fact]
    public void A_significant_rise_is_read_out_as_a_real_improvement()
    {
        var change = new NpsSample(868, 600, 532).ChangeFrom(new NpsSample(800, 600, 600), 30);

        Assert.Equal("+6.8, a real improvement", FigureWording.Change(change, Direction.HigherIsBetter, 1));
    }

    [Fact]
    public void A_small_rise_is_read_out_as_within_the_noise()
    {
        var change = new ProportionSample(609, 800).ChangeFrom(new ProportionSample(600, 800), 30);

        Assert.Equal("+1.1, within the noise", FigureWording.Change(change, Direction.HigherIsBetter, 1));
    }

    [Fact]
    public void A_significant_fall_is_read_out_as_a_real_decline()
    {
        var change = new NpsSample(2105, 1500, 1395).ChangeFrom(new NpsSample(2210, 1500, 1290), 30);

        Assert.Equal("−4.2, a real decline", FigureWording.Change(change, Direction.HigherIsBetter, 1));
    }

    [Fact]
    public void Less_effort_is_read_out_as_a_real_improvement()
    {
        var before = new MeanSample(400, 400 * 4.0, 400 * 17.0 + 1);
        var after = new MeanSample(400, 400 * 3.6, 400 * (3.6 * 3.6 + 1.0));

        Assert.Equal("−0.40, a real improvement", FigureWording.Change(after.ChangeFrom(before, 30), Direction.LowerIsBetter, 2));
    }

    [Fact]
    public void A_change_on_too_few_answers_says_so()
    {
        var change = new NpsSample(6, 0, 0).ChangeFrom(new NpsSample(3, 3, 3), 30);

        Assert.Equal("+100.0, too few answers to tell", FigureWording.Change(change, Direction.HigherIsBetter, 1));
    }

    [Fact]
    public void A_change_between_figures_typed_in_without_intervals_says_it_was_not_tested()
    {
        var change = Change.Between(new Estimate(40, null, null, null), new Estimate(47, null, null, null), 30);

        Assert.Equal("+7.0, not tested", FigureWording.Change(change, Direction.HigherIsBetter, 1));
    }

    [Fact]
    public void A_figure_below_the_minimum_says_how_many_answers_it_has() =>
        Assert.Equal("too few answers (n = 9)", FigureWording.TooFewAnswers(9));

    [Theory]
    [InlineData(TargetVerdict.OnTarget, Direction.HigherIsBetter, "on target")]
    [InlineData(TargetVerdict.MissingTarget, Direction.HigherIsBetter, "below target")]
    [InlineData(TargetVerdict.MissingTarget, Direction.LowerIsBetter, "above target")]
    [InlineData(TargetVerdict.WithinMargin, Direction.HigherIsBetter, "target within the margin of error")]
    public void A_figure_against_its_target_is_read_out_in_the_metrics_direction(TargetVerdict verdict, Direction direction, string expected) =>
        Assert.Equal(expected, FigureWording.Target(verdict, direction));

    [Fact]
    public void The_sample_size_and_margin_read_together()
    {
        Assert.Equal("n = 1,204, ±4.8", FigureWording.SampleAndMargin(new Estimate(31, 1204, 26.2, 35.8), 1));
        Assert.Equal("n = 12", FigureWording.SampleAndMargin(new Estimate(4.1, 12, null, null), 2));
    }

    [Fact]
    public void No_change_reads_without_a_sign() => Assert.Equal("0.0", FigureWording.SignedNumber(-0.01, 1));
}
