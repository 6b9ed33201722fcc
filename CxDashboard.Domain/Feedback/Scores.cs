using CxDashboard.Domain.Common;

namespace CxDashboard.Domain.Feedback;

/// <summary>NPS, CSAT and CES from raw customer scores.</summary>
public static class Scores
{
    public static (int Min, int Max) RangeOf(ScoreScale scale) => scale switch
    {
        ScoreScale.Nps => (0, 10),
        ScoreScale.Csat => (1, 5),
        ScoreScale.Ces => (1, 7),
        ScoreScale.StarRating => (1, 5),
        _ => throw new ArgumentOutOfRangeException(nameof(scale)),
    };

    public static void Check(ScoreScale scale, int score)
    {
        var (min, max) = RangeOf(scale);
        if (score < min || score > max)
        {
            throw new DomainException($"{(scale == ScoreScale.Nps ? "An" : "A")} {Name(scale)} score must be between {min} and {max}.");
        }
    }

    public static string Name(ScoreScale scale) => scale switch
    {
        ScoreScale.Nps => "NPS",
        ScoreScale.Csat => "CSAT",
        ScoreScale.Ces => "CES",
        _ => "star rating",
    };

    /// <summary>
    /// Promoter, passive or detractor. NPS: 9–10, 7–8, 0–6. CSAT and stars: 5, 4 (CSAT) or 3–4 (stars), 1–2 (CSAT) or 1–2 (stars).
    /// CES: 6–7 easy, 5 neutral, 1–4 hard.
    /// </summary>
    public static ScoreBand Band(ScoreScale scale, int score)
    {
        Check(scale, score);
        return scale switch
        {
            ScoreScale.Nps => score >= 9 ? ScoreBand.Promoter : score >= 7 ? ScoreBand.Passive : ScoreBand.Detractor,
            ScoreScale.Csat => score >= 5 ? ScoreBand.Promoter : score >= 3 ? ScoreBand.Passive : ScoreBand.Detractor,
            ScoreScale.StarRating => score >= 5 ? ScoreBand.Promoter : score >= 3 ? ScoreBand.Passive : ScoreBand.Detractor,
            ScoreScale.Ces => score >= 6 ? ScoreBand.Promoter : score >= 5 ? ScoreBand.Passive : ScoreBand.Detractor,
            _ => ScoreBand.Passive,
        };
    }

    /// <summary>NPS = % promoters − % detractors, −100 to 100; null without responses.</summary>
    public static double? Nps(int promoters, int passives, int detractors)
    {
        var total = promoters + passives + detractors;
        return total == 0 ? null : 100.0 * (promoters - detractors) / total;
    }

    /// <summary>CSAT = share of satisfied answers (4 or 5 of 5), 0 to 100; null without responses.</summary>
    public static double? Csat(int satisfied, int total) => total == 0 ? null : 100.0 * satisfied / total;

    /// <summary>CES = the mean effort score on its 1–7 scale; null without responses.</summary>
    public static double? Ces(long sumOfScores, int total) => total == 0 ? null : (double)sumOfScores / total;

    /// <summary>Whether a score calls for a follow-up: an NPS detractor (0–6) or a CSAT of 1–2.</summary>
    public static bool NeedsFollowUp(ScoreScale scale, int score) => scale switch
    {
        ScoreScale.Nps => score <= 6,
        ScoreScale.Csat => score <= 2,
        _ => false,
    };
}
