using CxDashboard.Domain.Common;
using CxDashboard.Domain.Friction;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Statistics;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Metrics;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Friction;

public sealed partial class FrictionService
{
    /// <summary>
    /// Raises an issue, links the feedback it was raised from and the metrics it should move, in one
    /// transaction: either all of it is saved or nothing is.
    /// </summary>
    public async Task<int> CreateAsync(FrictionDraft draft, Caller caller, CancellationToken ct)
    {
        FrictionRules.EnsureMayRaise(caller, draft.Details.OwningTeamId);
        var personId = caller.RequirePersonId();
        var feedbackIds = draft.FeedbackIds.Distinct().ToList();

        return await OwnTransaction.RunAsync(factory, async (attempt, token) =>
        {
            var feedback = await attempt.Feedback.Where(f => feedbackIds.Contains(f.Id)).ToListAsync(token);
            if (feedbackIds.Except(feedback.Select(f => f.Id)).FirstOrDefault() is var missing and > 0)
            {
                throw new DomainException($"Feedback #{missing} no longer exists.");
            }
            if (feedback.FirstOrDefault(f => f.FrictionIssueId is not null) is { } taken)
            {
                throw new DomainException($"Feedback #{taken.Id} is already evidence for friction issue #{taken.FrictionIssueId}.");
            }
            await EnsureMetricsExistAsync(attempt, draft.Metrics.Select(m => m.MetricId), token);

            var issue = new FrictionIssue(draft.Details, personId, Now);
            foreach (var metric in draft.Metrics)
            {
                issue.LinkMetric(metric.MetricId, metric.Before);
            }
            attempt.FrictionIssues.Add(issue);
            await attempt.SaveChangesAsync(caller.ToAuditActor(), clock, token);
            foreach (var item in feedback)
            {
                item.LinkTo(issue.Id);
            }
            await attempt.SaveChangesAsync(caller.ToAuditActor(), clock, token);
            return issue.Id;
        }, ct);
    }

    /// <summary>Changes what the issue says and who owns it, if nobody saved it since <paramref name="versionSeen"/>.</summary>
    public async Task UpdateDetailsAsync(int id, FrictionDetails details, int versionSeen, Caller caller, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var issue = await LoadAsync(db, id, ct);
        FrictionRules.EnsureMayChange(caller, issue.OwningTeamId);
        if (details.OwningTeamId != issue.OwningTeamId && !caller.IsCxLead)
        {
            throw new NotAllowedException("Only the head of CX hands an issue over to another team.");
        }
        issue.Describe(details);
        db.ExpectVersion(issue, versionSeen);
        await db.SaveAsAsync(caller, clock, "this issue", ct);
    }

    /// <summary>Moves the issue one step; resolve, reopen and won't fix need <paramref name="text"/>.</summary>
    public async Task ChangeStatusAsync(int id, FrictionMove move, string? text, Caller caller, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var issue = await LoadAsync(db, id, ct);
        FrictionRules.EnsureMayChange(caller, issue.OwningTeamId);
        var by = caller.RequirePersonId();
        switch (move)
        {
            case FrictionMove.Triage:
                issue.Triage(by, Now, text);
                break;
            case FrictionMove.Start:
                issue.Start(by, Now, text);
                break;
            case FrictionMove.Resolve:
                issue.Resolve(text ?? string.Empty, by, Now);
                break;
            case FrictionMove.Reopen:
                issue.Reopen(text ?? string.Empty, by, Now);
                break;
            case FrictionMove.WontFix:
                issue.WontFix(text ?? string.Empty, by, Now);
                break;
            case FrictionMove.Close:
                var actionStatuses = await db.Actions.Where(a => a.FrictionIssueId == id).Select(a => a.Status).ToListAsync(ct);
                issue.Close(actionStatuses, by, Now);
                break;
            default:
                throw new DomainException("Choose what should happen to the issue.");
        }
        await db.SaveAsAsync(caller, clock, "this issue", ct);
    }

    public Task WriteResolutionAsync(int id, string resolution, Caller caller, CancellationToken ct) =>
        ChangeAsync(id, caller, (_, issue) => { issue.WriteResolution(resolution); return Task.CompletedTask; }, ct);

    public Task RecordPeopleToldAsync(int id, ToldAudience who, string how, DateTime whenUtc, Caller caller, CancellationToken ct) =>
        ChangeAsync(id, caller, (_, issue) =>
        {
            if (whenUtc > Now.AddMinutes(5))
            {
                throw new DomainException("People cannot have been told in the future.");
            }
            issue.RecordPeopleTold(who, how, whenUtc);
            return Task.CompletedTask;
        }, ct);

    public Task LinkMetricAsync(int id, MetricLink link, Caller caller, CancellationToken ct) =>
        ChangeAsync(id, caller, async (db, issue) =>
        {
            await EnsureMetricsExistAsync(db, [link.MetricId], ct);
            issue.LinkMetric(link.MetricId, link.Before);
        }, ct);

    public Task UnlinkMetricAsync(int id, int metricId, Caller caller, CancellationToken ct) =>
        ChangeAsync(id, caller, (_, issue) => { issue.UnlinkMetric(metricId); return Task.CompletedTask; }, ct);

    /// <summary>
    /// Checks a linked metric: reads its total in the period before the fix and the period after, with
    /// the answers behind each and their intervals, and records them on the issue, which judges whether
    /// the change is a significant improvement.
    /// </summary>
    public Task RecordMetricCheckAsync(int id, int metricId, Period before, Period after, Caller caller, CancellationToken ct) =>
        ChangeAsync(id, caller, async (db, issue) =>
        {
            var minimum = await db.Metrics.AsNoTracking().Where(m => m.Id == metricId).Select(m => (int?)m.MinimumSampleSize).SingleOrDefaultAsync(ct)
                ?? throw new DomainException("That metric no longer exists.");
            var revision = await db.MetricRevisions.AsNoTracking()
                .Where(r => r.MetricDefinitionId == metricId)
                .OrderBy(r => r.Status == RevisionStatus.Agreed ? 0 : 1).ThenByDescending(r => r.Number)
                .FirstAsync(ct);
            var totals = await TotalsAsync(db, revision, [before, after], ct);
            var (then, now) = (Total(before), Total(after));
            issue.RecordMetricCheck(metricId, new MetricReading(before, then.Figure), new MetricReading(after, now.Figure),
                now.ChangeFrom(then, minimum), revision.Direction, revision.Unit, Now);

            SeriesValue Total(Period period) => totals.TryGetValue(period, out var total)
                ? total
                : throw new DomainException($"The metric has no total for {period}, so it cannot be checked against it.");
        }, ct);

    /// <summary>Lets the loop close without a significant improvement of the metric, for the reason given; the audit trail keeps it.</summary>
    public Task GiveReasonToCloseWithoutImprovementAsync(int id, int metricId, string reason, Caller caller, CancellationToken ct) =>
        ChangeAsync(id, caller, (_, issue) =>
        {
            issue.GiveReasonToCloseWithoutImprovement(metricId, reason, caller.RequirePersonId(), Now);
            return Task.CompletedTask;
        }, ct);

    /// <summary>The metric's totals in the given periods, at the periods' own grain, as the metric pages compute them.</summary>
    private static async Task<Dictionary<Period, SeriesValue>> TotalsAsync(CxDbContext db, MetricRevision revision,
        IReadOnlyList<Period> periods, CancellationToken ct)
    {
        var totals = new Dictionary<Period, SeriesValue>();
        foreach (var grain in periods.Select(p => p.Kind).Distinct())
        {
            if (revision.ComputedFrom is null && grain < revision.Cadence)
            {
                throw new DomainException($"The metric is recorded {MetricText.Of(revision.Cadence).ToLowerInvariant()}; check it over whole periods of that length or longer.");
            }
            var these = periods.Where(p => p.Kind == grain).ToList();
            var values = await MetricValueSeries.LoadAsync(db, [SeriesSource.Of(revision)], ChannelScope.Only(null), grain,
                these.Min(p => p.Start), these.Max(p => p.Next.Start), ct);
            foreach (var value in values.Where(v => v.ChannelId is null && these.Contains(v.Period)))
            {
                totals[value.Period] = value;
            }
        }
        return totals;
    }

    private async Task ChangeAsync(int id, Caller caller, Func<CxDbContext, FrictionIssue, Task> change, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var issue = await LoadAsync(db, id, ct);
        FrictionRules.EnsureMayChange(caller, issue.OwningTeamId);
        await change(db, issue);
        await db.SaveAsAsync(caller, clock, "this issue", ct);
    }

    // History is not loaded: the Domain only appends to it, and EF inserts what is appended.
    private static async Task<FrictionIssue> LoadAsync(CxDbContext db, int id, CancellationToken ct) =>
        await db.FrictionIssues
            .Include(i => i.Channels).Include(i => i.ContributingTeams).Include(i => i.LinkedMetrics)
            .AsSplitQuery()
            .SingleOrDefaultAsync(i => i.Id == id, ct)
        ?? throw new NotFoundException($"Friction issue #{id} does not exist.");

    private static async Task EnsureMetricsExistAsync(CxDbContext db, IEnumerable<int> metricIds, CancellationToken ct)
    {
        var ids = metricIds.Distinct().ToList();
        var known = await db.Metrics.Where(m => ids.Contains(m.Id)).Select(m => m.Id).ToListAsync(ct);
        if (ids.Except(known).FirstOrDefault() is var missing and > 0)
        {
            throw new DomainException($"Metric #{missing} does not exist.");
        }
    }
}
