using CxDashboard.Domain.Statistics;
using CxDashboard.Domain.Themes;

namespace CxDashboard.Tests.Domain.Themes;

public sealed class ThemeEffectTests
{
    [Fact]
    public void The_effect_is_the_NPS_of_those_who_mention_the_theme_less_that_of_those_who_do_not_with_its_interval()
    {
        // Mentioning: 10 promoters, 10 passives, 30 detractors: NPS (10 − 30) / 50 = −40.
        // Others: 60 promoters, 30 passives, 10 detractors: NPS (60 − 10) / 100 = +50.
        var effect = new ThemeEffect(new NpsSample(10, 10, 30), new NpsSample(60, 30, 10));

        Assert.Equal(-90, effect.Points!.Value.Value, 6);
        // Adjusted Wald by hand: mentioning n = 53, p = 10.75/53, d = 30.75/53; others n = 103, p = 60.75/103, d = 10.75/103.
        double p1 = 10.75 / 53, d1 = 30.75 / 53, p2 = 60.75 / 103, d2 = 10.75 / 103;
        var v1 = p1 + d1 - Math.Pow(p1 - d1, 2);
        var v2 = p2 + d2 - Math.Pow(p2 - d2, 2);
        var margin = 1.959963984540054 * Math.Sqrt(v1 / 53 + v2 / 103);
        Assert.Equal(100 * ((p1 - d1) - (p2 - d2) - margin), effect.Points.Value.Low!.Value, 6);
        Assert.Equal(100 * ((p1 - d1) - (p2 - d2) + margin), effect.Points.Value.High!.Value, 6);
        Assert.True(effect.IsReal);
        // All 150: NPS (70 − 40) / 150 = +20; without the theme it would be +50: it costs 30 points.
        Assert.Equal(30, effect.Cost, 6);
    }

    [Fact]
    public void A_theme_mentioned_by_too_few_answers_is_not_called_a_real_effect()
    {
        var effect = new ThemeEffect(new NpsSample(0, 0, 3), new NpsSample(60, 30, 10));

        Assert.False(effect.EnoughAnswers);
        Assert.False(effect.IsReal);
    }
}
