using System.Globalization;
using CxDashboard.Domain.Metrics;

namespace CxDashboard.Domain.Scorecards;

/// <summary>
/// What a scorecard's headline counts: the metrics' totals by RAG, taking only figures with enough
/// answers; those with too few are named as left out rather than counted as on or off target.
/// </summary>
public sealed record ScorecardStanding(int Counted, int Green, int Amber, int Red, int TooFewAnswers)
{
    public static ScorecardStanding Of(IEnumerable<ScorecardLine> lines)
    {
        var totals = lines.Where(l => l.ChannelId is null && l.Actual is not null).ToList();
        var counted = totals.Where(l => !l.HasTooFewAnswers).ToList();
        return new ScorecardStanding(counted.Count,
            counted.Count(l => l.Rag == Rag.Green), counted.Count(l => l.Rag == Rag.Amber), counted.Count(l => l.Rag == Rag.Red),
            totals.Count - counted.Count);
    }

    /// <summary>"5 of 9 metrics with enough answers on target in total (2 amber, 1 red); 2 left out with too few answers."</summary>
    public string Describe()
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{Green} of {Counted} {(Counted == 1 ? "metric" : "metrics")} with enough answers on target in total");
        if (Amber + Red > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" ({Amber} amber, {Red} red)");
        }
        if (TooFewAnswers > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"; {TooFewAnswers} left out with too few answers");
        }
        return text;
    }
}
