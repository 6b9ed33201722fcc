using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Friction;
using CxDashboard.Domain.Metrics;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Metrics;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Dashboard;

/// <summary>The dashboard's queries. Every number is counted by the database (or summed from counts it keeps), never rows counted in memory.</summary>
public sealed class DashboardService(IDbContextFactory<CxDbContext> dbFactory, TimeProvider time)
{
    public async Task<HomeTiles> GetHomeTilesAsync(CancellationToken cancellationToken = default)
    {
        // Timestamps are stored in UTC, so "today" and the quarter's boundaries are UTC too.
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var quarter = Period.Containing(today, PeriodKind.Quarter);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // One context runs one query at a time, so the counts are awaited in turn.
        var metricsAgreed = await db.Metrics.AsNoTracking()
            .CountAsync(m => m.Status == MetricStatus.Agreed, cancellationToken);
        // Summed from the counts the database keeps per status (and due date): counting the rows reads every open
        // issue and every open action past its date, ten times as many at ten times the data.
        var openFriction = await TileCounts.OpenFrictionIssuesAsync(db, cancellationToken);
        var overdueActions = await TileCounts.OverdueActionsAsync(db, today, cancellationToken);
        // Summed from the feedback counted per day (a quarter's days × channels × sentiments, whatever the volume):
        // counting the feedback itself reads every item of the quarter, ten times as many at ten times the data.
        var (firstDay, dayAfter) = (quarter.Start, quarter.Next.Start);
        var feedbackThisQuarter = (int)await db.FeedbackDailyVolume.AsNoTracking()
            .Where(v => v.Day >= firstDay && v.Day < dayAfter)
            .SumAsync(v => v.Count, cancellationToken);

        return new HomeTiles(metricsAgreed, openFriction, overdueActions, feedbackThisQuarter, quarter);
    }

    /// <summary>The quarter's closed-loop counts, each a COUNT in the database.</summary>
    public async Task<ClosedLoopHealth> GetClosedLoopHealthAsync(Period quarter, CancellationToken cancellationToken = default)
    {
        var from = quarter.StartUtc;
        var to = quarter.EndExclusiveUtc;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var closed = db.FrictionIssues.AsNoTracking()
            .Where(i => i.Status == FrictionStatus.Closed && i.ClosedAt >= from && i.ClosedAt < to);
        var issuesClosed = await closed.CountAsync(cancellationToken);
        var issuesTold = await closed.CountAsync(i => i.Told != ToldAudience.None, cancellationToken);

        // A follow-up belongs to the quarter its SLA ran out in; it was in time when the customer was contacted by then.
        // The states are listed rather than "not None" so that the database seeks its (state, due, contacted) index.
        var due = db.Feedback.AsNoTracking()
            .Where(f => (f.FollowUpStatus == FollowUpStatus.Open || f.FollowUpStatus == FollowUpStatus.Contacted
                    || f.FollowUpStatus == FollowUpStatus.Resolved)
                && f.FollowUpDueAt >= from && f.FollowUpDueAt < to);
        // Both counts in one pass over the index range: the quarter's follow-ups are 200,000 index entries at ten times the
        // data, and reading them twice was the first visit's largest query.
        var followUps = await due.GroupBy(_ => 1)
            .Select(g => new { Due = g.Count(), WithinSla = g.Count(f => f.ContactedAt != null && f.ContactedAt <= f.FollowUpDueAt) })
            .SingleOrDefaultAsync(cancellationToken);

        return new ClosedLoopHealth(issuesClosed, issuesTold, followUps?.Due ?? 0, followUps?.WithinSla ?? 0);
    }

    /// <summary>The quarter that contains today, and the ones before it, the latest first.</summary>
    public IReadOnlyList<Period> RecentQuarters(int count) =>
        Period.Containing(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), PeriodKind.Quarter).LastN(count).Reverse().ToList();

    /// <summary>The channels the dashboard can be narrowed to.</summary>
    public async Task<IReadOnlyList<ChannelItem>> GetChannelsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await MetricsService.ChannelsAsync(db, cancellationToken);
    }
}
