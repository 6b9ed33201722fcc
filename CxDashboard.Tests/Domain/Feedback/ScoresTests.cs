using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;

namespace CxDashboard.Tests.Domain.Feedback;

public class ScoresTests
{
    [Fact]
    public void Nps_is_the_share_of_promoters_less_the_share_of_detractors() =>
        Assert.Equal(30, Scores.Nps(promoters: 50, passives: 30, detractors: 20));

    [Theory]
    [InlineData(10, 0, 0, 100)]
    [InlineData(0, 0, 10, -100)]
    [InlineData(0, 10, 0, 0)]
    [InlineData(1, 1, 1, 0)]
    [InlineData(2, 1, 0, 66.666666666666671)]
    public void Nps_runs_from_minus_100_to_100(int promoters, int passives, int detractors, double expected) =>
        Assert.Equal(expected, Scores.Nps(promoters, passives, detractors)!.Value, 9);

    [Fact]
    public void Without_responses_there_is_no_score()
    {
        Assert.Null(Scores.Nps(0, 0, 0));
        Assert.Null(Scores.Csat(0, 0));
        Assert.Null(Scores.Ces(0, 0));
    }

    [Fact]
    public void Csat_is_the_share_of_satisfied_answers() => Assert.Equal(75, Scores.Csat(satisfied: 150, total: 200));

    [Fact]
    public void Ces_is_the_mean_effort_score() => Assert.Equal(5.5, Scores.Ces(sumOfScores: 11, total: 2));

    [Theory]
    [InlineData(0, ScoreBand.Detractor)]
    [InlineData(6, ScoreBand.Detractor)]
    [InlineData(7, ScoreBand.Passive)]
    [InlineData(8, ScoreBand.Passive)]
    [InlineData(9, ScoreBand.Promoter)]
    [InlineData(10, ScoreBand.Promoter)]
    public void Nps_bands_change_at_7_and_9(int score, ScoreBand band) => Assert.Equal(band, Scores.Band(ScoreScale.Nps, score));

    [Theory]
    [InlineData(ScoreScale.Csat, 1, ScoreBand.Detractor)]
    [InlineData(ScoreScale.Csat, 2, ScoreBand.Detractor)]
    [InlineData(ScoreScale.Csat, 3, ScoreBand.Passive)]
    [InlineData(ScoreScale.Csat, 4, ScoreBand.Passive)]
    [InlineData(ScoreScale.Csat, 5, ScoreBand.Promoter)]
    [InlineData(ScoreScale.Ces, 4, ScoreBand.Detractor)]
    [InlineData(ScoreScale.Ces, 5, ScoreBand.Passive)]
    [InlineData(ScoreScale.Ces, 6, ScoreBand.Promoter)]
    [InlineData(ScoreScale.StarRating, 2, ScoreBand.Detractor)]
    [InlineData(ScoreScale.StarRating, 3, ScoreBand.Passive)]
    [InlineData(ScoreScale.StarRating, 5, ScoreBand.Promoter)]
    public void Other_scales_have_their_own_bands(ScoreScale scale, int score, ScoreBand band) =>
        Assert.Equal(band, Scores.Band(scale, score));

    [Theory]
    [InlineData(ScoreScale.Nps, 0, true)]
    [InlineData(ScoreScale.Nps, 6, true)]
    [InlineData(ScoreScale.Nps, 7, false)]
    [InlineData(ScoreScale.Nps, 10, false)]
    [InlineData(ScoreScale.Csat, 1, true)]
    [InlineData(ScoreScale.Csat, 2, true)]
    [InlineData(ScoreScale.Csat, 3, false)]
    [InlineData(ScoreScale.Ces, 1, false)]
    [InlineData(ScoreScale.StarRating, 1, false)]
    public void Only_nps_detractors_and_csat_of_1_or_2_need_a_follow_up(ScoreScale scale, int score, bool needed) =>
        Assert.Equal(needed, Scores.NeedsFollowUp(scale, score));

    [Theory]
    [InlineData(ScoreScale.Nps, -1, "An NPS score must be between 0 and 10.")]
    [InlineData(ScoreScale.Nps, 11, "An NPS score must be between 0 and 10.")]
    [InlineData(ScoreScale.Csat, 0, "A CSAT score must be between 1 and 5.")]
    [InlineData(ScoreScale.Csat, 6, "A CSAT score must be between 1 and 5.")]
    [InlineData(ScoreScale.Ces, 8, "A CES score must be between 1 and 7.")]
    [InlineData(ScoreScale.StarRating, 0, "A star rating score must be between 1 and 5.")]
    public void A_score_outside_its_scale_is_refused(ScoreScale scale, int score, string message)
    {
        Assert.Equal(message, Assert.Throws<DomainException>(() => Scores.Check(scale, score)).Message);
        Assert.Equal(message, Assert.Throws<DomainException>(() => Scores.Band(scale, score)).Message);
    }
}
