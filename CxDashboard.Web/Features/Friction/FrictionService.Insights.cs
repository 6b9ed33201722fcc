using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Friction;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Friction;

public sealed partial class FrictionService
{
    /// <summary>
    /// Journey stages × channels: the summed severity of open issues spanning each cell, or the share
    /// of negative feedback received in <paramref name="period"/>; grouped by the database.
    /// </summary>
    public async Task<Heatmap> GetHeatmapAsync(HeatmapMeasure measure, Period period, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var stages = await db.JourneyStages.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Name).Select(s => new NamedItem(s.Id, s.Name)).ToListAsync(ct);
        var channels = await db.Channels.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name).Select(c => new NamedItem(c.Id, c.Name)).ToListAsync(ct);

        List<HeatCell> cells;
        if (measure == HeatmapMeasure.OpenFriction)
        {
            cells = await (
                from fc in db.Set<FrictionChannel>()
                join i in db.FrictionIssues on fc.FrictionIssueId equals i.Id
                where i.Status != FrictionStatus.Closed && i.Status != FrictionStatus.WontFix
                group i by new { i.JourneyStageId, fc.ChannelId } into g
                select new HeatCell(g.Key.JourneyStageId, g.Key.ChannelId, g.Sum(i => i.Severity), g.Count(), g.Count()))
                .ToListAsync(ct);
        }
        else
        {
            var (start, end) = (period.StartUtc, period.EndExclusiveUtc);
            var counts = await (
                from f in db.Feedback
                where f.ReceivedAt >= start && f.ReceivedAt < end && f.JourneyStageId != null
                group f by new { f.JourneyStageId, f.ChannelId } into g
                select new
                {
                    StageId = g.Key.JourneyStageId!.Value,
                    g.Key.ChannelId,
                    Negative = g.Sum(f => f.Sentiment == Sentiment.Negative ? 1 : 0),
                    Total = g.Count(),
                })
                .ToListAsync(ct);
            cells = counts.Select(c => new HeatCell(c.StageId, c.ChannelId, (double)c.Negative / c.Total, c.Negative, c.Total)).ToList();
        }
        return new Heatmap(measure, stages, channels, cells);
    }

    /// <summary>
    /// Teams × teams: open issues a team owns that need another team's contribution, with how many of
    /// them are past their due date; grouped by the database.
    /// </summary>
    public async Task<SiloMap> GetSiloMapAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var today = Today;
        var cells = await (
            from contributor in db.Set<ContributingTeam>()
            join i in db.FrictionIssues on contributor.FrictionIssueId equals i.Id
            where i.Status != FrictionStatus.Closed && i.Status != FrictionStatus.WontFix
            group i by new { i.OwningTeamId, contributor.TeamId } into g
            select new SiloCell(g.Key.OwningTeamId, g.Key.TeamId, g.Count(), g.Sum(i => i.DueDate != null && i.DueDate < today ? 1 : 0)))
            .ToListAsync(ct);
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new NamedItem(t.Id, t.Name)).ToListAsync(ct);
        return new SiloMap(teams, cells);
    }

    /// <summary>How many issues are in each status (every status present, zero when none).</summary>
    public async Task<IReadOnlyDictionary<FrictionStatus, int>> CountByStatusAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        // Summed from the counts the database keeps per status: grouping the issues reads every one of them.
        var counts = await TileCounts.FrictionIssuesByStatusAsync(db, ct);
        return Enum.GetValues<FrictionStatus>().ToDictionary(s => s, s => counts.GetValueOrDefault(s));
    }

    /// <summary>The median number of days from raising to closing, over the issues closed in [from, to); null when none were.</summary>
    public async Task<double?> MedianDaysToCloseAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        // Date arithmetic differs between the providers, so only the two instants of each closed issue come back.
        var spans = await db.FrictionIssues.AsNoTracking()
            .Where(i => i.Status == FrictionStatus.Closed && i.ClosedAt >= fromUtc && i.ClosedAt < toUtc)
            .Select(i => new { i.CreatedAt, ClosedAt = i.ClosedAt!.Value })
            .ToListAsync(ct);
        if (spans.Count == 0)
        {
            return null;
        }
        var days = spans.Select(s => (s.ClosedAt - s.CreatedAt).TotalDays).Order().ToList();
        var middle = days.Count / 2;
        return days.Count % 2 == 1 ? days[middle] : (days[middle - 1] + days[middle]) / 2;
    }

    /// <summary>The most severe open issues, the oldest first within a severity.</summary>
    public async Task<IReadOnlyList<FrictionRow>> TopOpenBySeverityAsync(int take, CancellationToken ct)
    {
        take = Math.Clamp(take, 1, Paging.MaxPageSize);
        await using var db = await factory.CreateDbContextAsync(ct);
        // The first few of each open status in the (Status, Severity, CreatedAt) index's order, merged: asked of all open
        // statuses at once, the database sorts every open issue, ten times as many at ten times the data.
        var candidates = new List<(int Id, int Severity, DateTime CreatedAt)>();
        foreach (var status in Enum.GetValues<FrictionStatus>().Where(s => s is not (FrictionStatus.Closed or FrictionStatus.WontFix)))
        {
            var first = await MostSevereQuery(db.FrictionIssues.AsNoTracking(), status, take).ToListAsync(ct);
            candidates.AddRange(first.Select(i => (i.Id, i.Severity, i.CreatedAt)));
        }
        var ids = candidates.OrderByDescending(i => i.Severity).ThenBy(i => i.CreatedAt).ThenBy(i => i.Id).Take(take).Select(i => i.Id).ToList();
        return await RowsAsync(db, ids, ct);
    }

    /// <summary>The <paramref name="take"/> most severe issues in <paramref name="status"/>, the oldest first among equals.</summary>
    internal static IQueryable<SeverityRank> MostSevereQuery(IQueryable<FrictionIssue> issues, FrictionStatus status, int take) =>
        issues.Where(i => i.Status == status)
            .OrderByDescending(i => i.Severity).ThenBy(i => i.CreatedAt).ThenBy(i => i.Id)
            .Select(i => new SeverityRank(i.Id, i.Severity, i.CreatedAt))
            .Take(take);

    internal sealed record SeverityRank(int Id, int Severity, DateTime CreatedAt);
}
