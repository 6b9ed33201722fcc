using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Friction;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Statistics;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Common;
using MetricText = CxDashboard.Web.Features.Metrics.MetricText;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Friction;

/// <summary>
/// Friction issues: the list and board, the issue page, the commands that move an issue through
/// its loop (this file and FrictionService.Commands.cs), and the heatmap, silo map and dashboard
/// figures (FrictionService.Insights.cs). Every count and sum is computed by the database.
/// </summary>
public sealed partial class FrictionService(IDbContextFactory<CxDbContext> factory, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(Now);

    public async Task<ResultPage<FrictionRow>> ListAsync(FrictionFilter filter, FrictionSort sort, bool descending,
        int page, int pageSize, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var issues = Filtered(db, filter);
        var total = await issues.CountAsync(ct);
        if (total == 0)
        {
            return ResultPage<FrictionRow>.Empty;
        }
        var (skip, take) = Paging.Window(page, pageSize);
        var ids = await Sorted(issues, sort, descending).Select(i => i.Id).Skip(skip).Take(take).ToListAsync(ct);
        return new(await RowsAsync(db, ids, ct), total);
    }

    /// <summary>A column per status with its count (GROUP BY) and at most <paramref name="perColumn"/> newest cards.</summary>
    public async Task<FrictionBoard> GetBoardAsync(FrictionFilter filter, int perColumn, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var issues = Filtered(db, filter with { Status = null });
        // Unfiltered, the columns' counts are the counts the database keeps per status: grouping the issues reads every
        // one of them, ten times as many at ten times the data, on every visit of the board.
        var counts = IsEverything(filter)
            ? await TileCounts.FrictionIssuesByStatusAsync(db, ct)
            : await issues.GroupBy(i => i.Status)
                .Select(g => new { Status = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Status, g => g.Count, ct);

        // One pass over the issues newest first, stopping once every column has its cards: at 50,000 issues
        // a query per column sorted each status's thousands of rows (over half a second for the board);
        // this reads the created-at index from the top and usually stops within a few hundred rows.
        var idsByStatus = FrictionMoves.Columns.Where(counts.ContainsKey).ToDictionary(s => s, _ => new List<int>());
        var missing = idsByStatus.Keys.Sum(s => Math.Min(perColumn, counts[s]));
        if (missing > 0)
        {
            var newestFirst = issues.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Select(i => new { i.Id, i.Status });
            await foreach (var card in newestFirst.AsAsyncEnumerable().WithCancellation(ct))
            {
                if (idsByStatus.TryGetValue(card.Status, out var ids) && ids.Count < perColumn)
                {
                    ids.Add(card.Id);
                    if (--missing == 0)
                    {
                        break;
                    }
                }
            }
        }
        var rows = (await RowsAsync(db, idsByStatus.Values.SelectMany(ids => ids).ToList(), ct)).ToDictionary(r => r.Id);
        return new(FrictionMoves.Columns
            .Select(status => new BoardColumn(status, counts.GetValueOrDefault(status),
                idsByStatus.TryGetValue(status, out var ids) ? ids.Select(id => rows[id]).ToList() : []))
            .ToList());
    }

    /// <summary>A board or list filtered by nothing but (on the list) the status.</summary>
    private static bool IsEverything(FrictionFilter filter) =>
        filter with { Status = null, Search = string.IsNullOrWhiteSpace(filter.Search) ? null : filter.Search } == new FrictionFilter();

    public async Task<FrictionChoices> GetChoicesAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var teams = await TeamChoices(db).ToListAsync(ct);
        var people = await db.People.AsNoTracking().OrderBy(p => p.DisplayName).Select(p => new PersonChoice(p.Id, p.DisplayName, p.TeamId)).ToListAsync(ct);
        var channels = await ChannelChoices(db).ToListAsync(ct);
        var stages = await StageChoices(db).ToListAsync(ct);
        var metrics = await db.Metrics.AsNoTracking().OrderBy(m => m.Name).Select(m => new NamedItem(m.Id, m.Name + " (" + m.Code + ")")).ToListAsync(ct);
        return new(teams, people, channels, stages, metrics);
    }

    /// <summary>
    /// What the board's and list's filters offer: not the people and metrics the forms choose from, which the filters do not
    /// use (every metric's name on each visit of the board, 5,000 of them at ten times the data).
    /// </summary>
    public async Task<FrictionFilterChoices> GetFilterChoicesAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return new(await TeamChoices(db).ToListAsync(ct), await ChannelChoices(db).ToListAsync(ct), await StageChoices(db).ToListAsync(ct));
    }

    private static IQueryable<NamedItem> TeamChoices(CxDbContext db) =>
        db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new NamedItem(t.Id, t.Name));

    private static IQueryable<NamedItem> ChannelChoices(CxDbContext db) =>
        db.Channels.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name).Select(c => new NamedItem(c.Id, c.Name));

    private static IQueryable<NamedItem> StageChoices(CxDbContext db) =>
        db.JourneyStages.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Name).Select(s => new NamedItem(s.Id, s.Name));

    /// <summary>The feedback the inbox selected for a new issue, as the create page shows it.</summary>
    public async Task<IReadOnlyList<FeedbackPreview>> GetFeedbackPreviewAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        await using var db = await factory.CreateDbContextAsync(ct);
        return await FeedbackPreviews(db, db.Feedback.Where(f => ids.Contains(f.Id)).OrderByDescending(f => f.ReceivedAt).Take(Paging.MaxPageSize))
            .ToListAsync(ct);
    }

    public async Task<FrictionIssueDetail> GetIssueAsync(int id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var issue = await db.FrictionIssues
            .Include(i => i.Channels).Include(i => i.ContributingTeams).Include(i => i.LinkedMetrics).Include(i => i.History)
            .AsSplitQuery()
            .SingleOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new NotFoundException($"Friction issue #{id} does not exist.");
        var version = db.VersionOf(issue);

        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var channelIds = issue.Channels.Select(c => c.ChannelId).ToList();
        var channels = await db.Channels.AsNoTracking().Where(c => channelIds.Contains(c.Id)).OrderBy(c => c.SortOrder)
            .Select(c => new NamedItem(c.Id, c.Name)).ToListAsync(ct);
        var stage = await db.JourneyStages.AsNoTracking().Where(s => s.Id == issue.JourneyStageId).Select(s => s.Name).SingleAsync(ct);
        var personIds = issue.History.Select(h => h.PersonId).Append(issue.OwnerPersonId).Append(issue.CreatedByPersonId)
            .Concat(issue.LinkedMetrics.Where(m => m.ReasonGivenByPersonId is not null).Select(m => m.ReasonGivenByPersonId!.Value))
            .Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, ct);
        var metricIds = issue.LinkedMetrics.Select(m => m.MetricDefinitionId).ToList();
        var metrics = await db.Metrics.AsNoTracking().Where(m => metricIds.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => new { m.Code, m.Name }, ct);
        // The revision in force (or, for a metric not yet agreed, its latest) says the unit and cadence.
        var units = (await db.MetricRevisions.AsNoTracking().Where(r => metricIds.Contains(r.MetricDefinitionId))
                .Select(r => new { r.MetricDefinitionId, r.Status, r.Number, r.Unit, r.Cadence }).ToListAsync(ct))
            .GroupBy(r => r.MetricDefinitionId)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Status == RevisionStatus.Agreed ? 0 : 1).ThenByDescending(r => r.Number).First());
        var linkedFeedback = await db.Feedback.CountAsync(f => f.FrictionIssueId == id, ct);
        var actions = await IssueActions(db, id).ToListAsync(ct);

        var metricViews = issue.LinkedMetrics
            .Select(m =>
            {
                var revision = units[m.MetricDefinitionId];
                return new LinkedMetricView(m.MetricDefinitionId, metrics[m.MetricDefinitionId].Code, metrics[m.MetricDefinitionId].Name,
                    revision.Unit, revision.Cadence, m.Before, m.After, m.CheckedAt,
                    m.BeforePeriod is { } bp && m.Before is { } b ? new MetricReading(bp, new Estimate(b, m.BeforeSampleSize, m.BeforeLow, m.BeforeHigh)) : null,
                    m.AfterPeriod is { } ap && m.After is { } a ? new MetricReading(ap, new Estimate(a, m.AfterSampleSize, m.AfterLow, m.AfterHigh)) : null,
                    m.Finding, m.AllowsClosing, m.ReasonToCloseWithoutImprovement,
                    m.ReasonGivenByPersonId is { } by ? people[by] : null, m.ReasonGivenAt);
            })
            .OrderBy(m => m.Name).ToList();
        var today = Today;
        return new FrictionIssueDetail(
            issue.Id, version, issue.Title, issue.Description, issue.Status, issue.Severity, issue.Category,
            new NamedItem(issue.JourneyStageId, stage), channels, issue.IsCrossChannel,
            new NamedItem(issue.OwningTeamId, teams[issue.OwningTeamId]),
            new NamedItem(issue.OwnerPersonId, people[issue.OwnerPersonId]),
            issue.ContributingTeams.Select(t => new NamedItem(t.TeamId, teams[t.TeamId])).OrderBy(t => t.Name).ToList(),
            issue.CustomersAffected, linkedFeedback, issue.RootCause, issue.DueDate,
            issue.IsOpen && issue.DueDate < today,
            issue.Resolution, issue.WontFixReason, issue.Told, issue.ToldHow, issue.ToldAt,
            people[issue.CreatedByPersonId], issue.CreatedAt, issue.ResolvedAt, issue.ClosedAt,
            metricViews,
            issue.History.OrderByDescending(h => h.At).ThenByDescending(h => h.Id)
                .Select(h => new StatusChangeView(h.At, h.From, h.To, people[h.PersonId], h.Note)).ToList(),
            Checklist(issue, actions.Select(a => a.Status), metricViews),
            actions);
    }

    /// <summary>
    /// Every condition of closing the loop, each marked done or missing, with the metric named when
    /// its after-check is what is missing. Empty once the issue is closed or won't be fixed.
    /// </summary>
    internal static IReadOnlyList<ClosingCheck> Checklist(FrictionIssue issue, IEnumerable<ActionStatus> actionStatuses, IReadOnlyList<LinkedMetricView> metrics)
    {
        if (!issue.IsOpen)
        {
            return [];
        }
        var gaps = issue.ClosingGaps(actionStatuses);
        ClosingCheck Check(ClosingGapKind kind, string doneText) =>
            gaps.FirstOrDefault(g => g.Kind == kind) is { } gap ? new(kind, gap.Message, false) : new(kind, doneText, true);

        var checks = new List<ClosingCheck>
        {
            Check(ClosingGapKind.NotResolved, "The issue is resolved."),
            Check(ClosingGapKind.OpenActions, "Every action is done or cancelled."),
            Check(ClosingGapKind.NoResolution, "The resolution is written down."),
            Check(ClosingGapKind.NobodyTold, "Who was told is recorded."),
        };
        checks.AddRange(metrics.Select(MetricCheck));
        return checks;
    }

    /// <summary>
    /// The metric's line of the checklist. Whether it is met is the issue's rule (each gap names its
    /// metric); the words add the figures, so "Before 40.45 · After 41.54" never passes for proof.
    /// </summary>
    private static ClosingCheck MetricCheck(LinkedMetricView m)
    {
        var figures = m.BeforeReading is { } before && m.AfterReading is { } after
            ? $"{MetricCheckText.Reading(m.Unit, before)} → {MetricCheckText.Reading(m.Unit, after)}"
            : $"{MetricText.Format(m.Unit, m.Before)} → {MetricText.Format(m.Unit, m.After)}";
        var finding = m.Finding ?? "no period or margin of error to judge the change by";
        if (m.AllowsClosing)
        {
            return m.Reason is { } reason
                ? new ClosingCheck(ClosingGapKind.MetricNotImproved,
                    $"{m.Name} closes without a significant improvement, for the reason {m.ReasonBy} gave on {MetricText.Day(m.ReasonAt)}: “{reason}”", true, m.Name)
                : new ClosingCheck(ClosingGapKind.MetricNotImproved, $"{m.Name} improved: {figures}, {finding}.", true, m.Name);
        }
        return m.IsChecked
            ? new ClosingCheck(ClosingGapKind.MetricNotImproved,
                $"{m.Name} shows no significant improvement: {figures}, {finding}. Close with a significant improvement, or give a reason to close without one.", false, m.Name)
            : new ClosingCheck(ClosingGapKind.MetricNotChecked,
                $"The after-check of {m.Name} is not recorded. Close with a significant improvement, or give a reason to close without one.", false, m.Name);
    }

    /// <summary>The feedback linked to an issue as evidence, newest first.</summary>
    public async Task<ResultPage<FeedbackPreview>> GetLinkedFeedbackAsync(int id, int page, int pageSize, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var linked = db.Feedback.Where(f => f.FrictionIssueId == id);
        var total = await linked.CountAsync(ct);
        var (skip, take) = Paging.Window(page, pageSize);
        var items = await FeedbackPreviews(db, linked.OrderByDescending(f => f.ReceivedAt).ThenByDescending(f => f.Id).Skip(skip).Take(take))
            .ToListAsync(ct);
        return new(items, total);
    }

    /// <summary>The audit trail of the issue itself, newest first.</summary>
    public async Task<ResultPage<AuditRow>> GetAuditTrailAsync(int id, int page, int pageSize, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entries = db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(FrictionIssue) && a.EntityId == key);
        var total = await entries.CountAsync(ct);
        var (skip, take) = Paging.Window(page, pageSize);
        var items = await entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip(skip).Take(take)
            .Select(a => new AuditRow(a.At, a.ActorName, a.Summary)).ToListAsync(ct);
        return new(items, total);
    }

    internal IQueryable<FrictionIssue> Filtered(CxDbContext db, FrictionFilter filter)
    {
        var issues = db.FrictionIssues.AsNoTracking();
        if (filter.TeamId is { } team)
        {
            issues = issues.Where(i => i.OwningTeamId == team);
        }
        if (filter.ContributingTeamId is { } contributor)
        {
            issues = issues.Where(i => i.ContributingTeams.Any(t => t.TeamId == contributor));
        }
        if (filter.StageId is { } stage)
        {
            issues = issues.Where(i => i.JourneyStageId == stage);
        }
        if (filter.ChannelId is { } channel)
        {
            issues = issues.Where(i => i.Channels.Any(c => c.ChannelId == channel));
        }
        if (filter.Status is { } status)
        {
            issues = issues.Where(i => i.Status == status);
        }
        if (filter.Severity is { } severity)
        {
            issues = issues.Where(i => i.Severity == severity);
        }
        if (filter.OpenOnly || filter.OverdueOnly)
        {
            issues = issues.Where(i => i.Status != FrictionStatus.Closed && i.Status != FrictionStatus.WontFix);
        }
        if (filter.OverdueOnly)
        {
            var today = Today;
            issues = issues.Where(i => i.DueDate != null && i.DueDate < today);
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var pattern = LikePattern.Containing(filter.Search);
            issues = issues.Where(i => EF.Functions.Like(i.Title, pattern, LikePattern.Escape));
        }
        return issues;
    }

    internal static IQueryable<FrictionIssue> Sorted(IQueryable<FrictionIssue> issues, FrictionSort sort, bool descending) => (sort, descending) switch
    {
        (FrictionSort.Severity, true) => issues.OrderByDescending(i => i.Severity).ThenByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id),
        (FrictionSort.Severity, false) => issues.OrderBy(i => i.Severity).ThenByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id),
        (FrictionSort.DueDate, true) => issues.OrderByDescending(i => i.DueDate).ThenByDescending(i => i.Id),
        (FrictionSort.DueDate, false) => issues.OrderBy(i => i.DueDate == null).ThenBy(i => i.DueDate).ThenBy(i => i.Id),
        (FrictionSort.Title, true) => issues.OrderByDescending(i => i.Title).ThenByDescending(i => i.Id),
        (FrictionSort.Title, false) => issues.OrderBy(i => i.Title).ThenBy(i => i.Id),
        (FrictionSort.Status, true) => issues.OrderByDescending(i => i.Status).ThenByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id),
        (FrictionSort.Status, false) => issues.OrderBy(i => i.Status).ThenByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id),
        (_, false) => issues.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id),
        _ => issues.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id),
    };

    /// <summary>The rows for a page of issue ids, in the order of the ids, each with its channels.</summary>
    private async Task<IReadOnlyList<FrictionRow>> RowsAsync(CxDbContext db, List<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var today = Today;
        var rows = await (
            from i in db.FrictionIssues.AsNoTracking().Where(i => ids.Contains(i.Id))
            join t in db.Teams on i.OwningTeamId equals t.Id
            join s in db.JourneyStages on i.JourneyStageId equals s.Id
            join p in db.People on i.OwnerPersonId equals p.Id
            select new FrictionRow(i.Id, i.Title, i.Status, i.Severity, i.OwningTeamId, t.Name, s.Name, p.DisplayName, i.IsCrossChannel,
                db.Feedback.Count(f => f.FrictionIssueId == i.Id), i.DueDate, i.CreatedAt,
                i.DueDate != null && i.DueDate < today && i.Status != FrictionStatus.Closed && i.Status != FrictionStatus.WontFix))
            .ToDictionaryAsync(r => r.Id, ct);
        var channels = (await (
                from fc in db.Set<FrictionChannel>().Where(fc => ids.Contains(fc.FrictionIssueId))
                join c in db.Channels on fc.ChannelId equals c.Id
                orderby c.SortOrder, c.Name
                select new { fc.FrictionIssueId, c.Name })
            .ToListAsync(ct))
            .ToLookup(c => c.FrictionIssueId, c => c.Name);
        return ids.Where(rows.ContainsKey).Select(id => rows[id] with { Channels = channels[id].ToList() }).ToList();
    }

    private IQueryable<IssueActionRow> IssueActions(CxDbContext db, int issueId)
    {
        var today = Today;
        return from a in db.Actions.AsNoTracking().Where(a => a.FrictionIssueId == issueId)
               join p in db.People on a.OwnerPersonId equals p.Id
               join t in db.Teams on a.TeamId equals t.Id
               orderby a.DueDate, a.Id
               select new IssueActionRow(a.Id, a.Title, a.Status, p.DisplayName, t.Name, a.DueDate, a.QuickWin,
                   a.DueDate < today && a.Status != ActionStatus.Done && a.Status != ActionStatus.Cancelled);
    }

    /// <summary>Projects feedback already filtered, ordered and paged; names come from scalar subqueries so the order holds.</summary>
    private static IQueryable<FeedbackPreview> FeedbackPreviews(CxDbContext db, IQueryable<Domain.Feedback.FeedbackItem> feedback) =>
        feedback.AsNoTracking().Select(f => new FeedbackPreview(f.Id, f.ReceivedAt,
            db.Channels.Where(c => c.Id == f.ChannelId).Select(c => c.Name).First(),
            db.JourneyStages.Where(s => s.Id == f.JourneyStageId).Select(s => s.Name).FirstOrDefault(),
            f.Sentiment, f.Category, f.Verbatim, f.FrictionIssueId));
}
