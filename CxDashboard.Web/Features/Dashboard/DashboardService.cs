using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Friction;
using CxDashboard.Domain.Metrics;
using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Dashboard;

/// <summary>The dashboard's queries. Every number is a COUNT run by the database, never rows counted in memory.</summary>
public sealed class DashboardService(IDbContextFactory<CxDbContext> dbFactory, TimeProvider time)
{
    public async Task<HomeTiles> GetHomeTilesAsync(CancellationToken cancellationToken = default)
    {
        // Timestamps are stored in UTC, so "today" and the quarter's boundaries are UTC too.
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var quarter = Period.Containing(today, PeriodKind.Quarter);
        var quarterStart = quarter.StartUtc;
        var quarterEnd = quarter.EndExclusiveUtc;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // One context runs one query at a time, so the counts are awaited in turn.
        var metricsAgreed = await db.Metrics.AsNoTracking()
            .CountAsync(m => m.Status == MetricStatus.Agreed, cancellationToken);
        var openFriction = await db.FrictionIssues.AsNoTracking()
            .CountAsync(i => i.Status != FrictionStatus.Closed && i.Status != FrictionStatus.WontFix, cancellationToken);
        var overdueActions = await db.Actions.AsNoTracking()
            .CountAsync(a => a.Status != ActionStatus.Done && a.Status != ActionStatus.Cancelled && a.DueDate < today, cancellationToken);
        var feedbackThisQuarter = await db.Feedback.AsNoTracking()
            .CountAsync(f => f.ReceivedAt >= quarterStart && f.ReceivedAt < quarterEnd, cancellationToken);

        return new HomeTiles(metricsAgreed, openFriction, overdueActions, feedbackThisQuarter, quarter);
    }
}
