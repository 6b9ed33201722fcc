using CxDashboard.Domain.Statistics;

namespace CxDashboard.Domain.Themes;

/// <summary>
/// What a theme does to the score: the NPS of those who mention it against the NPS of those who do not,
/// the difference with its 95% interval, and whether that difference is more than noise.
/// </summary>
public sealed record ThemeEffect
{
    public ThemeEffect(NpsSample mentioning, NpsSample others, int minimumSampleSize = MinimumSample.Default)
    {
        Mentioning = mentioning;
        Others = others;
        Points = mentioning.DifferenceFrom(others);
        var change = mentioning.ChangeFrom(others, minimumSampleSize);
        IsReal = change.IsReal;
        EnoughAnswers = change.EnoughAnswers;
    }

    public NpsSample Mentioning { get; }
    public NpsSample Others { get; }

    /// <summary>NPS of those who mention the theme less NPS of those who do not, in points, with its interval; null without answers on both sides.</summary>
    public Estimate? Points { get; }

    public bool EnoughAnswers { get; }

    /// <summary>Whether the difference is significant at 95%.</summary>
    public bool IsReal { get; }

    /// <summary>
    /// The points the overall NPS loses to the theme: how much higher it would be if those who mention the
    /// theme scored as the others do. Zero when the theme lifts the score or there are no answers.
    /// </summary>
    public double Cost
    {
        get
        {
            var all = new NpsSample(Mentioning.Promoters + Others.Promoters, Mentioning.Passives + Others.Passives,
                Mentioning.Detractors + Others.Detractors);
            return all.Estimate() is { } overall && Others.Estimate() is { } without ? Math.Max(0, without.Value - overall.Value) : 0;
        }
    }
}
