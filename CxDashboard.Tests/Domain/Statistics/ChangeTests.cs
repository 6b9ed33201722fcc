using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Statistics;

namespace CxDashboard.Tests.Domain.Statistics;

public class ChangeTests
{
    // Welch's test on Student's sleep data (R: t.test(extra ~ group, data = sleep)):
    // t = −1.8608 on 17.776 degrees of freedom, p = 0.079: not significant at 95%.
    [Fact]
    public void Welchs_test_matches_the_sleep_data_and_calls_it_noise()
    {
        var drug1 = MeanSampleTests.Sums([0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0]);
        var drug2 = MeanSampleTests.Sums([1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]);

        var change = drug2.ChangeFrom(drug1, minimumSampleSize: 2);

        Assert.Equal(1.58, change.Delta, 9);
        Assert.Equal(1.8608, change.Statistic!.Value, 4);
        Assert.False(change.IsReal);
        Assert.Equal(ChangeVerdict.WithinNoise, change.Verdict(Direction.HigherIsBetter));
    }

    // Pooled two-proportion z-test, worked by hand: 150 of 200 satisfied, then 180 of 210.
    // Pooled p = 330/410 = .8049; SE = √(.8049 × .1951 × (1/200 + 1/210)) = .03916;
    // difference .8571 − .75 = .1071; z = 2.74 > 1.96.
    [Fact]
    public void The_two_proportion_test_finds_a_ten_point_rise_on_two_hundred_answers_real()
    {
        var change = new ProportionSample(180, 210).ChangeFrom(new ProportionSample(150, 200), minimumSampleSize: 30);

        Assert.Equal(10.71, change.Delta, 2);
        Assert.Equal(2.736, change.Statistic!.Value, 3);
        Assert.Equal(ChangeVerdict.RealImprovement, change.Verdict(Direction.HigherIsBetter));
    }

    [Fact]
    public void A_one_point_rise_in_csat_on_eight_hundred_answers_is_noise()
    {
        var change = new ProportionSample(609, 800).ChangeFrom(new ProportionSample(600, 800), minimumSampleSize: 30);

        Assert.Equal(0.524, change.Statistic!.Value, 3);
        Assert.Equal(ChangeVerdict.WithinNoise, change.Verdict(Direction.HigherIsBetter));
    }

    // The adjusted-Wald difference of two NPS (MeasuringU, "How to compare two Net Promoter Scores"),
    // worked by hand: 800/600/600 (NPS +10.0) then 868/600/532 (+16.8). Adjusted NPS .1001 and .1678,
    // variances .6897 and .6712 over n + 3 = 2003 each: SE = .02607, z = 2.60.
    [Fact]
    public void The_adjusted_Wald_difference_of_two_nps_finds_a_real_rise()
    {
        var change = new NpsSample(868, 600, 532).ChangeFrom(new NpsSample(800, 600, 600), minimumSampleSize: 30);

        Assert.Equal(6.8, change.Delta, 9);
        Assert.Equal(2.604, change.Statistic!.Value, 3);
        Assert.Equal(ChangeVerdict.RealImprovement, change.Verdict(Direction.HigherIsBetter));
    }

    [Fact]
    public void Swinging_from_0_to_plus_67_on_a_handful_of_answers_is_noise()
    {
        var change = new NpsSample(2, 1, 0).ChangeFrom(new NpsSample(1, 1, 1), minimumSampleSize: 1);

        Assert.Equal(66.67, change.Delta, 2);
        Assert.Equal(ChangeVerdict.WithinNoise, change.Verdict(Direction.HigherIsBetter));
    }

    [Fact]
    public void Below_the_minimum_sample_a_change_is_not_judged()
    {
        var change = new NpsSample(9, 0, 0).ChangeFrom(new NpsSample(0, 0, 9), minimumSampleSize: 30);

        Assert.False(change.EnoughAnswers);
        Assert.Equal(200, change.Delta);
        Assert.Equal(ChangeVerdict.TooFewAnswers, change.Verdict(Direction.HigherIsBetter));
    }

    [Fact]
    public void A_period_without_answers_cannot_be_compared()
    {
        var change = new ProportionSample(40, 50).ChangeFrom(new ProportionSample(0, 0), minimumSampleSize: 1);

        Assert.Equal(ChangeVerdict.TooFewAnswers, change.Verdict(Direction.HigherIsBetter));
        Assert.True(double.IsNaN(change.Delta));
    }

    [Fact]
    public void A_fall_in_a_lower_is_better_score_is_an_improvement()
    {
        var before = new MeanSample(400, 400 * 4.0, 400 * (16 + 1.0) + 1);
        var after = new MeanSample(400, 400 * 3.6, 400 * (3.6 * 3.6 + 1.0));

        var change = after.ChangeFrom(before, minimumSampleSize: 30);

        Assert.Equal(-0.4, change.Delta, 9);
        Assert.Equal(ChangeVerdict.RealImprovement, change.Verdict(Direction.LowerIsBetter));
        Assert.Equal(ChangeVerdict.RealDecline, change.Verdict(Direction.HigherIsBetter));
    }

    [Fact]
    public void Figures_typed_in_with_intervals_are_compared_by_their_margins()
    {
        var before = new Estimate(40, 500, 36, 44);
        var real = Change.Between(before, new Estimate(47, 500, 43, 51), minimumSampleSize: 30);
        var noise = Change.Between(before, new Estimate(42, 500, 38, 46), minimumSampleSize: 30);

        Assert.Equal(ChangeVerdict.RealImprovement, real.Verdict(Direction.HigherIsBetter));
        Assert.Equal(ChangeVerdict.WithinNoise, noise.Verdict(Direction.HigherIsBetter));
    }

    [Fact]
    public void Figures_typed_in_without_intervals_are_not_judged()
    {
        var change = Change.Between(new Estimate(40, null, null, null), new Estimate(47, null, null, null), minimumSampleSize: 30);

        Assert.Equal(7, change.Delta);
        Assert.Equal(ChangeVerdict.Untested, change.Verdict(Direction.HigherIsBetter));
    }

    [Fact]
    public void Different_kinds_of_figure_cannot_be_compared() =>
        Assert.Throws<ArgumentException>(() => new NpsSample(1, 1, 1).ChangeFrom(new ProportionSample(1, 3), 1));
}
