using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Scorecards;
using CxDashboard.Domain.Statistics;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Data.Seeding;

public sealed partial class DemoDataSeeder
{
    private const string AllChannels = "All channels";

    private sealed record ScoreTally(int ChannelId, ScoreScale Scale, int Count, int Promoters, int Detractors, int Satisfied, long Sum, long SumOfSquares);

    private async Task SeedScorecardsAsync(CxDbContext db, DemoState state, CancellationToken cancellationToken)
    {
        var computed = await ComputedActualsAsync(db, state, cancellationToken);
        Sample? Answers(string code, int quarter, int? channelId) =>
            quarter >= 0 && computed.TryGetValue((code, quarter, channelId), out var c) ? c : null;
        Estimate? Figure(string code, int quarter, int? channelId) =>
            quarter < 0 ? null
            : Answers(code, quarter, channelId) is { } answers ? answers.Estimate()
            : state.QuarterValues.TryGetValue((code, quarter, channelId), out var v) ? new Estimate(v, null, null, null)
            : null;
        double? Actual(string code, int quarter, int? channelId) =>
            Figure(code, quarter, channelId) is { } figure ? Math.Round(figure.Value, 2) : null;
        Change? ChangeOn(MetricDefinition metric, int quarter, int? channelId) =>
            Answers(metric.Code, quarter, channelId) is { } now && Answers(metric.Code, quarter - 1, channelId) is { } then
                ? now.ChangeFrom(then, metric.MinimumSampleSize)
                : Figure(metric.Code, quarter, channelId) is { } figure && Figure(metric.Code, quarter - 1, channelId) is { } before
                    ? Change.Between(before, figure, metric.MinimumSampleSize)
                    : null;

        var channelNames = state.Channels.Values.ToDictionary(c => c.Id, c => c.Name);
        var scorecards = new List<Scorecard>();
        for (var q = 0; q < state.Quarters.Count - 1; q++)
        {
            var quarter = state.Quarters[q];
            var publishAt = Earlier(quarter.EndExclusiveUtc.AddDays(15).AddHours(14), state.Now.AddHours(-1));
            var createdAt = Earlier(quarter.EndExclusiveUtc.AddDays(2).AddHours(9), publishAt.AddHours(-2));
            var scorecard = new Scorecard(quarter, state.CxLead.Id, createdAt);
            var lines = new List<ScorecardLine>();
            foreach (var metric in state.Metrics.Values)
            {
                if (metric.InForce is not { } revision || revision.AgreedAt > publishAt || metric.RetiredAt <= publishAt)
                {
                    continue;
                }
                var spec = DemoMetrics.All.Single(m => m.Code == metric.Code);
                var commentary = Commentary(spec, revision, Actual(metric.Code, q, null), Actual(metric.Code, q - 1, null),
                    revision.TargetFor(quarter, null), q);
                scorecard.WriteCommentary(metric.Id, commentary, metric.OwnerPersonId, Earlier(createdAt.AddDays(3), publishAt.AddHours(-1)));
                lines.Add(Line(metric, revision, q, null, AllChannels, commentary));
                lines.AddRange(revision.ChannelIds.Select(channelId => Line(metric, revision, q, channelId, channelNames[channelId], null)));
            }
            scorecard.WriteHeadline(Headline(lines));
            scorecard.Publish(lines, state.CxLead.Id, publishAt);
            scorecards.Add(scorecard);
        }

        var current = state.CurrentQuarter;
        var draftStarted = Earlier(current.StartUtc.AddDays(1).AddHours(9), state.Now.AddHours(-2));
        var draft = new Scorecard(current, state.CxLead.Id, draftStarted);
        var last = state.Quarters.Count - 1;
        foreach (var metric in state.Metrics.Values.Where(m => m.InForce is not null && m.Status == MetricStatus.Agreed).Take(4))
        {
            var spec = DemoMetrics.All.Single(m => m.Code == metric.Code);
            draft.WriteCommentary(metric.Id,
                "Quarter to date: " + Commentary(spec, metric.InForce!, Actual(metric.Code, last, null), Actual(metric.Code, last - 1, null),
                    metric.InForce!.TargetFor(current, null), last),
                metric.OwnerPersonId, Earlier(draftStarted.AddHours(3), state.Now.AddHours(-1)));
        }
        draft.WriteHeadline("Draft: owners are writing their commentary; figures are quarter to date.");
        scorecards.Add(draft);

        db.Scorecards.AddRange(scorecards);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded {Published} published scorecards and a draft for {Quarter}", scorecards.Count - 1, current);

        ScorecardLine Line(MetricDefinition metric, MetricRevision revision, int q, int? channelId, string channelName, string? commentary)
        {
            var target = revision.TargetFor(state.Quarters[q], channelId);
            return new ScorecardLine(metric.Id, metric.Code, metric.Name, metric.Dimension, revision.Unit, revision.Direction,
                channelId, channelName, Figure(metric.Code, q, channelId), target?.Value, target?.AmberTolerance ?? 0,
                Actual(metric.Code, q - 3, channelId), Actual(metric.Code, q - 2, channelId), Figure(metric.Code, q - 1, channelId),
                ChangeOn(metric, q, channelId), metric.MinimumSampleSize, commentary);
        }
    }

    /// <summary>
    /// NPS, CSAT and CES per quarter and channel, from the feedback just inserted, grouped in the
    /// database as the app's own pages do. Totals add up the tallies of every channel.
    /// </summary>
    private static async Task<Dictionary<(string Code, int Quarter, int? ChannelId), Sample>> ComputedActualsAsync(
        CxDbContext db, DemoState state, CancellationToken cancellationToken)
    {
        var results = new Dictionary<(string, int, int?), Sample>();
        var computedMetrics = state.Metrics.Values.Where(m => m.Current.ComputedFrom is not null).ToList();
        for (var q = 0; q < state.Quarters.Count; q++)
        {
            var from = state.Quarters[q].StartUtc;
            var to = state.Quarters[q].EndExclusiveUtc;
            var tallies = await db.Feedback.AsNoTracking()
                .Where(f => f.ScoreScale != null && f.ReceivedAt >= from && f.ReceivedAt < to)
                .GroupBy(f => new { f.ChannelId, f.ScoreScale })
                .Select(g => new ScoreTally(
                    g.Key.ChannelId,
                    g.Key.ScoreScale!.Value,
                    g.Count(),
                    g.Count(f => f.Score >= 9),
                    g.Count(f => f.Score <= 6),
                    g.Count(f => f.Score >= 4),
                    g.Sum(f => (long)(f.Score ?? 0)),
                    g.Sum(f => (long)(f.Score ?? 0) * (f.Score ?? 0))))
                .ToListAsync(cancellationToken);

            foreach (var metric in computedMetrics)
            {
                var scale = metric.Current.ComputedFrom!.Value;
                var ofScale = tallies.Where(t => t.Scale == scale).ToList();
                foreach (var channelId in metric.Current.ChannelIds)
                {
                    if (Score(scale, ofScale.Where(t => t.ChannelId == channelId)) is { } value)
                    {
                        results[(metric.Code, q, channelId)] = value;
                    }
                }
                if (Score(scale, ofScale) is { } total)
                {
                    results[(metric.Code, q, null)] = total;
                }
            }
        }
        return results;
    }

    private static Sample? Score(ScoreScale scale, IEnumerable<ScoreTally> tallies)
    {
        var list = tallies.ToList();
        var count = list.Sum(t => t.Count);
        if (count == 0)
        {
            return null;
        }
        return scale switch
        {
            ScoreScale.Nps => new NpsSample(list.Sum(t => t.Promoters), count - list.Sum(t => t.Promoters) - list.Sum(t => t.Detractors), list.Sum(t => t.Detractors)),
            ScoreScale.Csat => new ProportionSample(list.Sum(t => t.Satisfied), count),
            ScoreScale.Ces => new MeanSample(count, list.Sum(t => t.Sum), list.Sum(t => t.SumOfSquares)),
            _ => null,
        };
    }

    /// <summary>What a metric's owner would write: where it landed, against what, and why.</summary>
    private static string Commentary(DemoMetric spec, MetricRevision revision, double? actual, double? previous, MetricTarget? target, int quarter)
    {
        if (actual is not { } value)
        {
            return $"No {spec.Name.ToLowerInvariant()} figure this quarter: too few responses to report.";
        }
        var unit = revision.Unit;
        var better = previous is { } p && (revision.Direction == Direction.HigherIsBetter ? value > p : value < p);
        var moved = previous is null ? "stands at" : Math.Abs(value - previous.Value) < 1e-9 ? "held at" : better ? "improved to" : "slipped to";
        var text = $"{spec.Name} {moved} {MetricUnitRules.Format(unit, value)}";
        if (target is not null)
        {
            var rag = RagRule.Evaluate(value, target.Value, revision.Direction, target.AmberTolerance);
            text += rag switch
            {
                Rag.Green => $", on target ({MetricUnitRules.Format(unit, target.Value)}).",
                Rag.Amber => $", just short of the {MetricUnitRules.Format(unit, target.Value)} target.",
                _ => $", well short of the {MetricUnitRules.Format(unit, target.Value)} target.",
            };
        }
        else
        {
            text += ".";
        }
        if (spec.Drivers is { Length: > 0 } drivers)
        {
            text += " " + drivers[quarter % drivers.Length];
        }
        return text;
    }

    /// <summary>The standing counts only figures with enough answers, as the scorecard page's does; a change is named real or noise.</summary>
    private static string Headline(IReadOnlyList<ScorecardLine> lines)
    {
        var totals = lines.Where(l => l.ChannelId is null).ToList();
        var headline = ScorecardStanding.Of(lines).Describe();
        if (totals.FirstOrDefault(l => l.MetricCode == "NPS") is { Actual: { } nps, HasTooFewAnswers: false } npsLine)
        {
            headline += $"; NPS {MetricUnitRules.Format(MetricUnit.NpsScore, nps)}";
            if (npsLine.ChangeWording is { } change)
            {
                headline += $" ({change} on last quarter)";
            }
        }
        var worst = lines.Where(l => l.Rag == Rag.Red && l.ChannelId is not null).OrderBy(l => l.MetricName).FirstOrDefault();
        if (worst is not null)
        {
            headline += $". Furthest behind: {worst.MetricName.ToLowerInvariant()} in {worst.ChannelName.ToLowerInvariant()}";
        }
        return headline + ".";
    }
}
