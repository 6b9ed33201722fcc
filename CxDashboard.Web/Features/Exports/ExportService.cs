using System.Runtime.CompilerServices;
using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Friction;
using CxDashboard.Domain.Governance;
using CxDashboard.Domain.Metrics;
using CxDashboard.Web.Data;
using CxDashboard.Web.Export;
using CxDashboard.Web.Features.Actions;
using CxDashboard.Web.Features.Audit;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Feedback;
using CxDashboard.Web.Features.Friction;
using CxDashboard.Web.Features.Governance;
using CxDashboard.Web.Features.Metrics;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Exports;

/// <summary>
/// Writes each list to a workbook with the filters its page applies. Rows stream from the database
/// (AsNoTracking projections read with AsAsyncEnumerable) straight into the workbook, so a million
/// rows cost what a thousand do; small lookups (channel and stage names) are read once beforehand.
/// </summary>
public sealed class ExportService(IDbContextFactory<CxDbContext> factory, TimeProvider clock,
    FrictionService friction, ActionService actions, MetricsService metrics, VerbatimSearch search)
{
    private const int CataloguePageSize = 100;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(Now);

    public async Task<long> WriteFeedbackAsync(Stream output, FeedbackFilter filter, FeedbackSort sort, Caller caller, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var channels = await db.Channels.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var stages = await db.JourneyStages.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var showCustomerRef = FeedbackService.MaySeeCustomerRef(caller);
        var rows = FeedbackService.Order(await FeedbackService.FilterAsync(db, filter, Now, search, ct), sort, reversed: false)
            .Select(f => new FeedbackExportRow(f.Id, f.ReceivedAt, f.ChannelId, f.JourneyStageId, f.Source, f.Category, f.Sentiment,
                f.ScoreScale, f.Score, f.ScoreBand, f.Verbatim, showCustomerRef ? f.CustomerRef : null, f.FollowUpStatus, f.FollowUpDueAt,
                f.FrictionIssueId, ""))
            .AsAsyncEnumerable();
        var themes = await ThemeTagging.ActiveThemeNamesAsync(db, ct);
        await using var tagsDb = await factory.CreateDbContextAsync(ct);

        List<XlsxColumn<FeedbackExportRow>> columns =
        [
            new("Id", 9, r => r.Id, XlsxFormat.Integer),
            new("Received (UTC)", 18, r => r.ReceivedAt, XlsxFormat.DateTime),
            new("Channel", 16, r => channels.GetValueOrDefault(r.ChannelId)),
            new("Journey stage", 18, r => r.StageId is { } id ? stages.GetValueOrDefault(id) : null),
            new("Source", 16, r => FeedbackLabels.Of(r.Source)),
            new("Category", 12, r => FeedbackLabels.Of(r.Category)),
            new("Sentiment", 11, r => FeedbackLabels.Of(r.Sentiment)),
            new("Score scale", 12, r => r.Scale is { } scale ? FeedbackLabels.Of(scale) : null),
            new("Score", 7, r => r.Score, XlsxFormat.Integer),
            new("Score band", 11, r => r.Band is { } band ? FeedbackLabels.Of(band) : null),
            new("What was said", 80, r => r.Verbatim),
        ];
        if (showCustomerRef)
        {
            columns.Add(new("Customer reference", 20, r => r.CustomerRef));
        }
        columns.AddRange(
        [
            new("Follow-up", 12, r => FeedbackLabels.Of(r.FollowUp)),
            new("Follow-up due (UTC)", 18, r => r.FollowUpDueAt, XlsxFormat.DateTime),
            new("Friction issue", 10, r => r.FrictionIssueId, XlsxFormat.Integer),
            new("Themes", 40, r => r.Themes),
        ]);
        return await XlsxStreamWriter.WriteAsync(output, "Feedback", columns, WithThemesAsync(tagsDb, rows, themes, ct), ct);
    }

    private const int ThemesLookedUpAtOnce = 1000;

    /// <summary>
    /// The rows with the themes each mentions, looked up for a thousand rows at a time on a second context (the
    /// first is still streaming the rows), so an export of a million rows holds at most a thousand.
    /// </summary>
    private static async IAsyncEnumerable<FeedbackExportRow> WithThemesAsync(CxDbContext db, IAsyncEnumerable<FeedbackExportRow> rows,
        Dictionary<int, string> themes, [EnumeratorCancellation] CancellationToken ct)
    {
        var batch = new List<FeedbackExportRow>(ThemesLookedUpAtOnce);
        await foreach (var row in rows.WithCancellation(ct))
        {
            batch.Add(row);
            if (batch.Count == ThemesLookedUpAtOnce)
            {
                foreach (var tagged in await TagAsync(batch))
                {
                    yield return tagged;
                }
                batch.Clear();
            }
        }
        foreach (var tagged in await TagAsync(batch))
        {
            yield return tagged;
        }

        async Task<IEnumerable<FeedbackExportRow>> TagAsync(List<FeedbackExportRow> page)
        {
            if (page.Count == 0 || themes.Count == 0)
            {
                return page.ToList();
            }
            var ids = page.Select(r => r.Id).ToList();
            var tags = (await db.FeedbackThemes.AsNoTracking().Where(l => ids.Contains(l.FeedbackItemId))
                    .Select(l => new { l.FeedbackItemId, l.ThemeId }).ToListAsync(ct))
                .Where(t => themes.ContainsKey(t.ThemeId))
                .ToLookup(t => t.FeedbackItemId, t => themes[t.ThemeId]);
            return page.Select(r => r with { Themes = string.Join(", ", tags[r.Id].Order(StringComparer.CurrentCultureIgnoreCase)) }).ToList();
        }
    }

    public async Task<long> WriteFrictionAsync(Stream output, FrictionFilter filter, ListOrder<FrictionSort> order, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var today = Today;
        var rows = (
                from i in FrictionService.Sorted(friction.Filtered(db, filter), order.Sort, order.Descending)
                join t in db.Teams on i.OwningTeamId equals t.Id
                join s in db.JourneyStages on i.JourneyStageId equals s.Id
                join p in db.People on i.OwnerPersonId equals p.Id
                select new FrictionExportRow(i.Id, i.Title, i.Status, i.Severity, s.Name, i.Category, t.Name, p.DisplayName,
                    string.Join(", ", (from fc in db.Set<FrictionChannel>()
                                       where fc.FrictionIssueId == i.Id
                                       join c in db.Channels on fc.ChannelId equals c.Id
                                       select c.Name)),
                    i.IsCrossChannel, i.CustomersAffected, db.Feedback.Count(f => f.FrictionIssueId == i.Id), i.DueDate,
                    i.DueDate != null && i.DueDate < today && i.Status != FrictionStatus.Closed && i.Status != FrictionStatus.WontFix,
                    i.CreatedAt, i.ResolvedAt, i.ClosedAt))
            .AsAsyncEnumerable();
        XlsxColumn<FrictionExportRow>[] columns =
        [
            new("Id", 8, r => r.Id, XlsxFormat.Integer),
            new("Issue", 50, r => r.Title),
            new("Status", 12, r => FrictionMoves.Label(r.Status)),
            new("Severity", 9, r => r.Severity, XlsxFormat.Integer),
            new("Journey stage", 18, r => r.Stage),
            new("Category", 12, r => r.Category.ToString()),
            new("Owning team", 18, r => r.Team),
            new("Owner", 20, r => r.Owner),
            new("Channels", 28, r => r.Channels),
            new("Cross-channel", 13, r => r.IsCrossChannel),
            new("Customers affected", 12, r => r.CustomersAffected, XlsxFormat.Integer),
            new("Linked feedback", 10, r => r.LinkedFeedback, XlsxFormat.Integer),
            new("Due", 12, r => r.DueDate, XlsxFormat.Date),
            new("Overdue", 9, r => r.IsOverdue),
            new("Raised (UTC)", 18, r => r.CreatedAt, XlsxFormat.DateTime),
            new("Resolved (UTC)", 18, r => r.ResolvedAt, XlsxFormat.DateTime),
            new("Closed (UTC)", 18, r => r.ClosedAt, XlsxFormat.DateTime),
        ];
        return await XlsxStreamWriter.WriteAsync(output, "Friction issues", columns, rows, ct);
    }

    public async Task<long> WriteActionsAsync(Stream output, ActionFilter filter, ListOrder<ActionSort> order, Caller caller, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var today = Today;
        var rows = (
                from a in ActionService.Sorted(actions.Filtered(db, filter, caller), order.Sort, order.Descending)
                join p in db.People on a.OwnerPersonId equals p.Id
                join t in db.Teams on a.TeamId equals t.Id
                select new ActionExportRow(a.Id, a.Title, a.Status, a.BlockedReason, p.DisplayName, t.Name, a.DueDate,
                    a.DueDate < today && a.Status != ActionStatus.Done && a.Status != ActionStatus.Cancelled,
                    a.QuickWin, a.Impact, a.Effort, a.FrictionIssueId, a.ReviewId, a.CreatedAt, a.CompletedAt))
            .AsAsyncEnumerable();
        XlsxColumn<ActionExportRow>[] columns =
        [
            new("Id", 8, r => r.Id, XlsxFormat.Integer),
            new("Action", 50, r => r.Title),
            new("Status", 12, r => ActionRules.Label(r.Status)),
            new("Blocked because", 30, r => r.BlockedReason),
            new("Owner", 20, r => r.Owner),
            new("Team", 18, r => r.Team),
            new("Due", 12, r => r.DueDate, XlsxFormat.Date),
            new("Overdue", 9, r => r.IsOverdue),
            new("Quick win", 9, r => r.QuickWin),
            new("Impact", 8, r => r.Impact, XlsxFormat.Integer),
            new("Effort", 8, r => r.Effort, XlsxFormat.Integer),
            new("Friction issue", 10, r => r.FrictionIssueId, XlsxFormat.Integer),
            new("Review", 8, r => r.ReviewId, XlsxFormat.Integer),
            new("Created (UTC)", 18, r => r.CreatedAt, XlsxFormat.DateTime),
            new("Completed (UTC)", 18, r => r.CompletedAt, XlsxFormat.DateTime),
        ];
        return await XlsxStreamWriter.WriteAsync(output, "Actions", columns, rows, ct);
    }

    public async Task<long> WriteMetricCatalogueAsync(Stream output, MetricCatalogueFilter filter, ListOrder<MetricSortColumn> order, Caller caller,
        CancellationToken ct)
    {
        XlsxColumn<MetricCatalogueRow>[] columns =
        [
            new("Code", 12, r => r.Code),
            new("Metric", 36, r => r.Name),
            new("Dimension", 16, r => MetricText.Of(r.Dimension)),
            new("Status", 10, r => r.Status.ToString()),
            new("Owner", 20, r => r.OwnerName),
            new("Owning team", 18, r => r.TeamName),
            new("Unit", 12, r => MetricText.Of(r.Unit)),
            new("Direction", 16, r => MetricText.Of(r.Direction)),
            new("Latest period", 12, r => r.LatestPeriod?.ToString()),
            new("Latest value", 12, r => r.LatestValue, XlsxFormat.Decimal),
            new("n", 9, r => r.Latest?.SampleSize, XlsxFormat.Integer),
            new("Low", 10, r => r.Latest?.Low, XlsxFormat.Decimal),
            new("High", 10, r => r.Latest?.High, XlsxFormat.Decimal),
            new("Target", 10, r => r.Target, XlsxFormat.Decimal),
            new("RAG", 16, r => r.HasTooFewAnswers ? "Too few answers" : r.Rag == Rag.None ? null : r.Rag.ToString(), XlsxFormat.Rag),
            new("Revision pending", 10, r => r.HasPendingRevision),
        ];
        return await XlsxStreamWriter.WriteAsync(output, "Metrics", columns, CatalogueRows(filter, order, caller, ct), ct);
    }

    // The catalogue is small (hundreds of metrics) and its latest values, targets and RAG come from the
    // metrics service, so the workbook says exactly what the catalogue page says; it is read a page at a time.
    private async IAsyncEnumerable<MetricCatalogueRow> CatalogueRows(MetricCatalogueFilter filter, ListOrder<MetricSortColumn> order, Caller caller,
        [EnumeratorCancellation] CancellationToken ct)
    {
        for (var page = 0; ; page++)
        {
            var result = await metrics.GetCatalogueAsync(caller, new MetricCatalogueRequest(filter, page, CataloguePageSize, order.Sort, order.Descending), ct);
            foreach (var row in result.Rows)
            {
                yield return row;
            }
            if (result.Rows.Count < CataloguePageSize)
            {
                yield break;
            }
        }
    }

    /// <summary>Every recorded value of one metric, the latest period first; false when the metric does not exist or is not visible.</summary>
    public async Task<(bool Found, string Code, long Rows)> WriteMetricValuesAsync(Stream output, int metricId, Caller caller, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var metric = await db.Metrics.AsNoTracking().Where(m => m.Id == metricId).Select(m => new { m.Code, m.Status }).SingleOrDefaultAsync(ct);
        if (metric is null || (!MetricRules.SeesDrafts(caller) && metric.Status != MetricStatus.Agreed))
        {
            return (false, string.Empty, 0);
        }
        var channels = await db.Channels.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var rows = (
                from v in db.MetricValues.AsNoTracking()
                where v.MetricDefinitionId == metricId
                join p in db.People on v.RecordedByPersonId equals p.Id
                orderby v.PeriodStart descending, v.PeriodKind, v.ChannelId
                select new MetricValueExportRow(v.Period, v.PeriodStart, v.ChannelId, v.Value, v.SampleSize, v.Low, v.High, p.DisplayName, v.RecordedAt))
            .AsAsyncEnumerable();
        XlsxColumn<MetricValueExportRow>[] columns =
        [
            new("Period", 10, r => r.Period.ToString()),
            new("Period start", 12, r => r.PeriodStart, XlsxFormat.Date),
            new("Channel", 18, r => r.ChannelId is { } id ? channels.GetValueOrDefault(id) : "Total"),
            new("Value", 12, r => r.Value, XlsxFormat.Decimal),
            new("n", 9, r => r.SampleSize, XlsxFormat.Integer),
            new("Low", 10, r => r.Low, XlsxFormat.Decimal),
            new("High", 10, r => r.High, XlsxFormat.Decimal),
            new("Recorded by", 20, r => r.RecordedBy),
            new("Recorded (UTC)", 18, r => r.RecordedAt, XlsxFormat.DateTime),
        ];
        var written = await XlsxStreamWriter.WriteAsync(output, $"{metric.Code} values", columns, rows, ct);
        return (true, metric.Code, written);
    }

    /// <summary>One row per decision with its review's date, kind and title; a review without decisions still has its row.</summary>
    public async Task<long> WriteReviewsAsync(Stream output, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = (
                from r in db.Reviews.AsNoTracking()
                from d in db.Set<Decision>().Where(d => d.ReviewId == r.Id).DefaultIfEmpty()
                join p in db.People on d.RecordedByPersonId equals p.Id into recorders
                from p in recorders.DefaultIfEmpty()
                orderby r.HeldOn descending, r.Id descending, d.At
                select new ReviewExportRow(r.Id, r.HeldOn, r.Kind, r.Title, d == null ? null : d.Text, p == null ? null : p.DisplayName,
                    d == null ? null : d.At))
            .AsAsyncEnumerable();
        XlsxColumn<ReviewExportRow>[] columns =
        [
            new("Review", 8, r => r.ReviewId, XlsxFormat.Integer),
            new("Date", 12, r => r.HeldOn, XlsxFormat.Date),
            new("Kind", 26, r => ReviewLabels.Kind(r.Kind)),
            new("Title", 36, r => r.Title),
            new("Decision", 80, r => r.Decision),
            new("Recorded by", 20, r => r.RecordedBy),
            new("Recorded (UTC)", 18, r => r.RecordedAt, XlsxFormat.DateTime),
        ];
        return await XlsxStreamWriter.WriteAsync(output, "Decisions", columns, rows, ct);
    }

    public async Task<long> WriteAuditAsync(Stream output, AuditFilter filter, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var entries = AuditService.Filter(db.AuditEntries.AsNoTracking(), filter);
        var rows = entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new AuditExportRow(a.At, a.ActorName, a.EntityType, a.EntityId, a.Action.ToString(), a.Summary, a.Before, a.After))
            .AsAsyncEnumerable();
        XlsxColumn<AuditExportRow>[] columns =
        [
            new("When (UTC)", 18, r => r.At, XlsxFormat.DateTime),
            new("Who", 20, r => r.Actor),
            new("What", 16, r => r.EntityType),
            new("Record", 10, r => r.EntityId),
            new("Change", 10, r => r.Action),
            new("Summary", 50, r => r.Summary),
            new("Before", 40, r => r.Before),
            new("After", 40, r => r.After),
        ];
        return await XlsxStreamWriter.WriteAsync(output, "Audit trail", columns, rows, ct);
    }

    private sealed record FeedbackExportRow(int Id, DateTime ReceivedAt, int ChannelId, int? StageId, FeedbackSource Source,
        FeedbackCategory Category, Sentiment Sentiment, ScoreScale? Scale, int? Score, ScoreBand? Band, string Verbatim,
        string? CustomerRef, FollowUpStatus FollowUp, DateTime? FollowUpDueAt, int? FrictionIssueId, string Themes);

    private sealed record FrictionExportRow(int Id, string Title, FrictionStatus Status, int Severity, string Stage,
        FeedbackCategory Category, string Team, string Owner, string Channels, bool IsCrossChannel, int CustomersAffected,
        int LinkedFeedback, DateOnly? DueDate, bool IsOverdue, DateTime CreatedAt, DateTime? ResolvedAt, DateTime? ClosedAt);

    private sealed record ActionExportRow(int Id, string Title, ActionStatus Status, string? BlockedReason, string Owner, string Team,
        DateOnly DueDate, bool IsOverdue, bool QuickWin, int Impact, int Effort, int? FrictionIssueId, int? ReviewId,
        DateTime CreatedAt, DateTime? CompletedAt);

    private sealed record MetricValueExportRow(Domain.Common.Period Period, DateOnly PeriodStart, int? ChannelId, double Value,
        int? SampleSize, double? Low, double? High, string RecordedBy, DateTime RecordedAt);

    private sealed record ReviewExportRow(int ReviewId, DateOnly HeldOn, ReviewKind Kind, string Title, string? Decision,
        string? RecordedBy, DateTime? RecordedAt);

    private sealed record AuditExportRow(DateTime At, string Actor, string EntityType, string EntityId, string Action,
        string Summary, string? Before, string? After);
}
