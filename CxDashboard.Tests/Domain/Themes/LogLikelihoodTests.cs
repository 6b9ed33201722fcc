using CxDashboard.Domain.Themes;

namespace CxDashboard.Tests.Domain.Themes;

public sealed class LogLikelihoodTests
{
    [Fact]
    public void G2_matches_a_count_by_hand_of_the_two_by_two_table()
    {
        // 20 of 100 recent verbatims and 10 of 900 earlier ones: expected with the term 3 and 27, without it 97 and 873.
        var byHand = 2 * (20 * Math.Log(20 / 3.0) + 80 * Math.Log(80 / 97.0) + 10 * Math.Log(10 / 27.0) + 890 * Math.Log(890 / 873.0));

        Assert.Equal(byHand, LogLikelihood.G2(20, 100, 10, 900), 9);
    }

    [Fact]
    public void The_same_rate_in_both_windows_scores_nothing() => Assert.Equal(0, LogLikelihood.G2(5, 100, 40, 800), 9);
}
