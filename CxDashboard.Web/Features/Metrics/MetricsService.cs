using CxDashboard.Domain.Common;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Statistics;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Metrics;

/// <summary>What the metric pages, the dashboard and the scorecards read about metrics.</summary>
public sealed class MetricsService(IDbContextFactory<CxDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>How many periods a catalogue sparkline and the value grid show.</summary>
    public const int RecentPeriods = 8;

    public async Task<MetricLookups> GetLookupsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new NamedItem(t.Id, t.Name)).ToListAsync(ct);
        var channels = await ChannelsAsync(db, ct);
        var people = await db.People.AsNoTracking().OrderBy(p => p.DisplayName)
            .Select(p => new PersonItem(p.Id, p.DisplayName, p.TeamId)).ToListAsync(ct);
        return new MetricLookups(teams, channels, people);
    }

    public async Task<MetricCataloguePage> GetCatalogueAsync(Caller caller, MetricCatalogueRequest request, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filter = request.Filter;

        // The current revision is the agreed one, or before any agreement the latest one.
        var query =
            from m in db.Metrics.AsNoTracking()
            join r in db.MetricRevisions.AsNoTracking() on m.Id equals r.MetricDefinitionId
            join p in db.People.AsNoTracking() on m.OwnerPersonId equals p.Id
            join t in db.Teams.AsNoTracking() on m.OwningTeamId equals t.Id
            where r.Id == db.MetricRevisions
                .Where(x => x.MetricDefinitionId == m.Id)
                .OrderBy(x => x.Status == RevisionStatus.Agreed ? 0 : 1).ThenByDescending(x => x.Number)
                .Select(x => x.Id).First()
            select new CatalogueJoin { Metric = m, Revision = r, OwnerName = p.DisplayName, TeamName = t.Name };

        if (!MetricRules.SeesDrafts(caller))
        {
            query = query.Where(x => x.Metric.Status == MetricStatus.Agreed);
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var pattern = LikePattern.Containing(filter.Search);
            query = query.Where(x => EF.Functions.Like(x.Metric.Name, pattern, LikePattern.Escape) || EF.Functions.Like(x.Metric.Code, pattern, LikePattern.Escape));
        }
        if (filter.Dimension is { } dimension)
        {
            query = query.Where(x => x.Metric.Dimension == dimension);
        }
        if (filter.Status is { } status)
        {
            query = query.Where(x => x.Metric.Status == status);
        }
        if (filter.OwningTeamId is { } teamId)
        {
            query = query.Where(x => x.Metric.OwningTeamId == teamId);
        }
        if (filter.ChannelId is { } channelId)
        {
            query = query.Where(x => x.Revision.ChannelIds.Contains(channelId));
        }

        var total = await query.CountAsync(ct);
        var skip = Math.Max(0, request.Page) * request.PageSize;
        var scope = ChannelScope.Only(filter.ChannelId);

        // Latest values are computed, not stored: to sort by them, compute them for every metric the
        // filters keep (a few hundred at most), sort in memory and only then take the page.
        if (request.SortBy is MetricSortColumn.LatestValue or MetricSortColumn.Rag)
        {
            var candidates = await query
                .Select(x => new { x.Metric.Id, x.Metric.Name, x.Metric.MinimumSampleSize, RevisionId = x.Revision.Id })
                .ToListAsync(ct);
            var allRevisions = await RevisionsAsync(db, candidates.Select(c => c.RevisionId).ToList(), ct);
            var allFigures = await CatalogueFigures.LoadAsync(db, allRevisions.Values, scope, filter.ChannelId, Today, ct);
            var standings = candidates.ToDictionary(c => c.Id, c => allFigures.Standing(c.Id, allRevisions[c.RevisionId], c.MinimumSampleSize));
            var pageIds = SortByStanding(candidates.Select(c => (c.Id, c.Name)), standings, request.SortBy, request.Descending)
                .Skip(skip).Take(request.PageSize).ToList();
            if (pageIds.Count == 0)
            {
                return new MetricCataloguePage([], total);
            }
            var unordered = await PageRowsAsync(db, MetricRules.SeesDrafts(caller), query.Where(x => pageIds.Contains(x.Metric.Id)), ct);
            var byId = unordered.ToDictionary(r => r.Id);
            var sortedRows = pageIds.Where(byId.ContainsKey).Select(id => Row(byId[id], allRevisions[byId[id].RevisionId], allFigures)).ToList();
            return new MetricCataloguePage(sortedRows, total);
        }

        var ordered = (request.SortBy, request.Descending) switch
        {
            (MetricSortColumn.Code, false) => query.OrderBy(x => x.Metric.Code),
            (MetricSortColumn.Code, true) => query.OrderByDescending(x => x.Metric.Code),
            (MetricSortColumn.Dimension, false) => query.OrderBy(x => x.Metric.Dimension).ThenBy(x => x.Metric.Name),
            (MetricSortColumn.Dimension, true) => query.OrderByDescending(x => x.Metric.Dimension).ThenBy(x => x.Metric.Name),
            (MetricSortColumn.Status, false) => query.OrderBy(x => x.Metric.Status).ThenBy(x => x.Metric.Name),
            (MetricSortColumn.Status, true) => query.OrderByDescending(x => x.Metric.Status).ThenBy(x => x.Metric.Name),
            (MetricSortColumn.Owner, false) => query.OrderBy(x => x.OwnerName).ThenBy(x => x.Metric.Name),
            (MetricSortColumn.Owner, true) => query.OrderByDescending(x => x.OwnerName).ThenBy(x => x.Metric.Name),
            (MetricSortColumn.Team, false) => query.OrderBy(x => x.TeamName).ThenBy(x => x.Metric.Name),
            (MetricSortColumn.Team, true) => query.OrderByDescending(x => x.TeamName).ThenBy(x => x.Metric.Name),
            (_, true) => query.OrderByDescending(x => x.Metric.Name),
            _ => query.OrderBy(x => x.Metric.Name),
        };
        var page = await PageRowsAsync(db, MetricRules.SeesDrafts(caller), ordered.ThenBy(x => x.Metric.Id).Skip(skip).Take(request.PageSize), ct);
        if (page.Count == 0)
        {
            return new MetricCataloguePage([], total);
        }

        var revisions = await RevisionsAsync(db, page.Select(x => x.RevisionId).ToList(), ct);
        var figures = await CatalogueFigures.LoadAsync(db, revisions.Values, scope, filter.ChannelId, Today, ct);
        var rows = page.Select(x => Row(x, revisions[x.RevisionId], figures)).ToList();
        return new MetricCataloguePage(rows, total);
    }

    private sealed record CataloguePageRow(int Id, string Code, string Name, MetricDimension Dimension, MetricStatus Status,
        string OwnerName, string TeamName, int RevisionId, bool HasPendingRevision, int MinimumSampleSize);

    /// <summary>A metric with its current revision, owner and team, as the catalogue filters and sorts it.</summary>
    private sealed class CatalogueJoin
    {
        public required MetricDefinition Metric { get; init; }
        public required MetricRevision Revision { get; init; }
        public required string OwnerName { get; init; }
        public required string TeamName { get; init; }
    }

    private static Task<List<CataloguePageRow>> PageRowsAsync(CxDbContext db, bool seesDrafts, IQueryable<CatalogueJoin> rows, CancellationToken ct) =>
        rows.Select(x => new CataloguePageRow(
                x.Metric.Id, x.Metric.Code, x.Metric.Name, x.Metric.Dimension, x.Metric.Status, x.OwnerName, x.TeamName, x.Revision.Id,
                seesDrafts && x.Metric.Status == MetricStatus.Agreed && db.MetricRevisions.Any(o =>
                    o.MetricDefinitionId == x.Metric.Id && (o.Status == RevisionStatus.Draft || o.Status == RevisionStatus.Proposed)),
                x.Metric.MinimumSampleSize))
            .ToListAsync(ct);

    private static Task<Dictionary<int, MetricRevision>> RevisionsAsync(CxDbContext db, List<int> revisionIds, CancellationToken ct) =>
        db.MetricRevisions.AsNoTracking().Include(r => r.Targets)
            .Where(r => revisionIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);

    private static MetricCatalogueRow Row(CataloguePageRow x, MetricRevision revision, CatalogueFigures figures)
    {
        var standing = figures.Standing(x.Id, revision, x.MinimumSampleSize);
        return new MetricCatalogueRow(
            x.Id, x.Code, x.Name, x.Dimension, x.Status, x.OwnerName, x.TeamName, revision.Unit, revision.Direction,
            x.HasPendingRevision, standing.Latest?.Period, standing.Latest?.Value, standing.Target?.Value, standing.Rag,
            figures.Sparkline(x.Id, revision.Cadence), standing.Latest?.Figure, x.MinimumSampleSize);
    }

    /// <summary>
    /// Metric ids in catalogue order by latest value or by RAG (Red, Amber, Green ascending); metrics
    /// without a value, or without a rating when sorting by RAG, come last either way.
    /// </summary>
    private static IEnumerable<int> SortByStanding(IEnumerable<(int Id, string Name)> metrics, IReadOnlyDictionary<int, CatalogueStanding> standings,
        MetricSortColumn sortBy, bool descending)
    {
        static int RagRank(Rag rag) => rag switch { Rag.Red => 0, Rag.Amber => 1, Rag.Green => 2, _ => 3 };
        var list = metrics.ToList();
        if (sortBy == MetricSortColumn.Rag)
        {
            var rated = list.Where(m => standings[m.Id].Rag != Rag.None);
            var byRag = descending ? rated.OrderByDescending(m => RagRank(standings[m.Id].Rag)) : rated.OrderBy(m => RagRank(standings[m.Id].Rag));
            return byRag.ThenBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Id)
                .Concat(list.Where(m => standings[m.Id].Rag == Rag.None).OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Id))
                .Select(m => m.Id);
        }
        var valued = list.Where(m => standings[m.Id].Latest is not null);
        var byValue = descending ? valued.OrderByDescending(m => standings[m.Id].Latest!.Value) : valued.OrderBy(m => standings[m.Id].Latest!.Value);
        return byValue.ThenBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Id)
            .Concat(list.Where(m => standings[m.Id].Latest is null).OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Id))
            .Select(m => m.Id);
    }

    /// <summary>The metric with both revisions a reader needs, its sign-offs and its history; null when not found or not visible.</summary>
    public async Task<MetricDetails?> GetDetailsAsync(Caller caller, int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var metric = await LoadAsync(db, id, ct);
        if (metric is null || (!MetricRules.SeesDrafts(caller) && metric.Status != MetricStatus.Agreed))
        {
            return null;
        }
        var version = db.VersionOf(metric);
        var personIds = metric.Events.Select(e => e.PersonId)
            .Concat(metric.Revisions.SelectMany(r => r.SignOffs).Select(s => s.PersonId))
            .Append(metric.OwnerPersonId).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, ct);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var channels = (await ChannelsAsync(db, ct)).ToDictionary(c => c.Id);

        string Person(int personId) => people.GetValueOrDefault(personId) ?? $"Person #{personId}";
        string Team(int teamId) => teams.GetValueOrDefault(teamId) ?? $"Team #{teamId}";

        RevisionView? View(MetricRevision? revision) => revision is null ? null : new RevisionView(
            revision.Number, revision.Status, revision.Description, revision.Formula, revision.DataSource,
            revision.Unit, revision.Direction, revision.Aggregation, revision.Cadence, revision.ComputedFrom,
            revision.ChannelIds.Where(channels.ContainsKey).Select(c => channels[c]).OrderBy(c => c.Name).ToList(),
            revision.Targets
                .OrderBy(t => t.Quarter).ThenBy(t => t.ChannelId is null ? string.Empty : channels.GetValueOrDefault(t.ChannelId.Value)?.Name)
                .Select(t => new TargetView(t.Quarter, t.ChannelId, t.ChannelId is { } c ? channels.GetValueOrDefault(c)?.Name ?? "?" : "Total", t.Value, t.AmberTolerance))
                .ToList(),
            revision.Answers
                .Select(a => new StakeholderView(a.Key, Team(a.Key), a.Value?.Decision, a.Value is null ? null : Person(a.Value.PersonId), a.Value?.Comment, a.Value?.At))
                .OrderBy(s => s.TeamName).ToList(),
            revision.ProposedAt, revision.AgreedAt);

        var channelTeams = metric.Current.ChannelIds.Where(channels.ContainsKey).Select(c => channels[c].OwningTeamId);
        var seesDrafts = MetricRules.SeesDrafts(caller);
        var shown = metric.Revisions.Where(r => seesDrafts || r.Status is RevisionStatus.Agreed or RevisionStatus.Superseded)
            .Select(r => r.Number).ToHashSet();
        return new MetricDetails(
            metric.Id, metric.Code, metric.Name, metric.Dimension, metric.Status,
            metric.OwnerPersonId, Person(metric.OwnerPersonId), metric.OwningTeamId, Team(metric.OwningTeamId),
            metric.RetiredReason, metric.RetiredAt, version,
            View(metric.InForce), seesDrafts ? View(metric.Pending) : null,
            metric.Revisions.Where(r => shown.Contains(r.Number)).OrderByDescending(r => r.Number)
                .Select(r => new RevisionSummary(r.Number, r.Status, r.ProposedAt, r.AgreedAt)).ToList(),
            metric.Events.Where(e => shown.Contains(e.RevisionNumber)).OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
                .Select(e => new MetricEventView(e.Kind, e.RevisionNumber, Person(e.PersonId), e.TeamId is { } t ? Team(t) : null, e.Comment, e.At))
                .ToList(),
            MetricRules.For(caller, metric, channelTeams));
    }

    /// <summary>
    /// The metric's values per period over the last quarters, per channel and in total, with the
    /// total target. Recorded values are never split: the grain is at least the metric's cadence.
    /// </summary>
    public async Task<MetricSeries?> GetSeriesAsync(Caller caller, int id, SeriesRequest request, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var metric = await db.Metrics.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new { m.Id, m.Status, m.MinimumSampleSize }).SingleOrDefaultAsync(ct);
        if (metric is null || (!MetricRules.SeesDrafts(caller) && metric.Status != MetricStatus.Agreed))
        {
            return null;
        }
        var minimum = metric.MinimumSampleSize;
        var revision = await CurrentRevisionAsync(db, id, ct);
        var grain = revision.ComputedFrom is null && revision.Cadence > request.Grain ? revision.Cadence : request.Grain;
        var quarters = Period.Containing(Today, PeriodKind.Quarter).LastN(Math.Clamp(request.Quarters, 1, 20));
        var from = quarters[0].Start;
        var to = quarters[^1].Next.Start;

        var values = await MetricValueSeries.LoadAsync(db, [SeriesSource.Of(revision)], ChannelScope.Everything, grain, from, to, ct);
        var byPeriod = values.ToLookup(v => v.Period);
        var periods = new List<SeriesPeriod>();
        SeriesValue? before = null;
        for (var period = Period.Containing(from, grain); period.Start < to; period = period.Next)
        {
            var here = byPeriod[period].ToList();
            var total = here.FirstOrDefault(v => v.ChannelId is null);
            var onChannels = here.Where(v => v.ChannelId is not null).ToList();
            var target = revision.TargetFor(Period.Containing(period.Start, PeriodKind.Quarter), null);
            periods.Add(new SeriesPeriod(period, total?.Value,
                onChannels.ToDictionary(v => v.ChannelId!.Value, v => v.Value),
                target?.Value, target?.AmberTolerance,
                RagRule.Evaluate(total?.Figure, target?.Value, revision.Direction, target?.AmberTolerance ?? 0, minimum),
                total?.Figure,
                onChannels.ToDictionary(v => v.ChannelId!.Value, v => v.Figure),
                total is not null && before is not null ? total.ChangeFrom(before, minimum) : null,
                total?.Figure.HasTooFewAnswers(minimum) == true));
            before = total;
        }
        var channels = (await ChannelsAsync(db, ct)).Where(c => revision.ChannelIds.Contains(c.Id)).ToList();
        return new MetricSeries(grain, revision.Unit, revision.Direction, channels, periods, minimum);
    }

    /// <summary>
    /// Every agreed metric's value in a quarter (on one channel, or in total when
    /// <paramref name="channelId"/> is null) against the target of the revision in force, with the
    /// previous quarter's value for the trend.
    /// </summary>
    public async Task<IReadOnlyList<MetricQuarterValue>> GetQuarterValuesAsync(Period quarter, int? channelId, CancellationToken ct = default)
    {
        if (quarter.Kind != PeriodKind.Quarter)
        {
            throw new ArgumentException($"{quarter} is not a quarter.", nameof(quarter));
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var metrics = await db.Metrics.AsNoTracking().Where(m => m.Status == MetricStatus.Agreed)
            .Select(m => new { m.Id, m.Code, m.Name, m.Dimension, m.MinimumSampleSize }).ToListAsync(ct);
        var revisions = await db.MetricRevisions.AsNoTracking()
            .Include(r => r.Targets.Where(t => t.Quarter == quarter))
            .Where(r => r.Status == RevisionStatus.Agreed
                        && db.Metrics.Any(m => m.Id == r.MetricDefinitionId && m.Status == MetricStatus.Agreed))
            .ToDictionaryAsync(r => r.MetricDefinitionId, ct);
        var previous = quarter.Previous;
        var values = await MetricValueSeries.LoadAsync(db, revisions.Values.Select(SeriesSource.Of).ToList(),
            ChannelScope.Only(channelId), PeriodKind.Quarter, previous.Start, quarter.Next.Start, ct);
        var byKey = values.ToDictionary(v => (v.MetricId, v.Period));

        return metrics.Where(m => revisions.ContainsKey(m.Id)).OrderBy(m => m.Dimension).ThenBy(m => m.Name).Select(m =>
        {
            var revision = revisions[m.Id];
            var now = byKey.GetValueOrDefault((m.Id, quarter));
            var before = byKey.GetValueOrDefault((m.Id, previous));
            var target = revision.TargetFor(quarter, channelId);
            return new MetricQuarterValue(m.Id, m.Code, m.Name, m.Dimension, revision.Unit, revision.Direction,
                now?.Value, target?.Value, target?.AmberTolerance,
                RagRule.Evaluate(now?.Figure, target?.Value, revision.Direction, target?.AmberTolerance ?? 0, m.MinimumSampleSize),
                before?.Value, now?.Figure, before?.Figure,
                now is not null && before is not null ? now.ChangeFrom(before, m.MinimumSampleSize) : null,
                m.MinimumSampleSize);
        }).ToList();
    }

    /// <summary>The grid of the last periods at the metric's cadence, up to and including <paramref name="through"/> (default: now).</summary>
    public async Task<ValueGrid?> GetValueGridAsync(Caller caller, int id, Period? through = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var metric = await db.Metrics.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new { m.Id, m.Code, m.Name, m.Status }).SingleOrDefaultAsync(ct);
        if (metric is null || (!MetricRules.SeesDrafts(caller) && metric.Status != MetricStatus.Agreed))
        {
            return null;
        }
        var revision = await CurrentRevisionAsync(db, id, ct);
        var last = through is { } t && t.Kind == revision.Cadence ? t : Period.Containing(Today, revision.Cadence);
        var periods = last.LastN(RecentPeriods);
        var from = periods[0].Start;
        var to = periods[^1].Next.Start;
        var editable = revision.ComputedFrom is null && metric.Status != MetricStatus.Retired;

        var channels = (await ChannelsAsync(db, ct)).Where(c => revision.ChannelIds.Contains(c.Id)).ToList();
        var columns = channels
            .Select(c => new ValueGridColumn(c.Id, c.Name, editable && MetricRules.MayEnterValues(caller, c.OwningTeamId, isTotal: false)))
            .Append(new ValueGridColumn(null, "Total", editable && MetricRules.MayEnterValues(caller, null, isTotal: true)))
            .ToList();

        List<ValueGridCell> cells;
        if (revision.ComputedFrom is null)
        {
            var cadence = revision.Cadence;
            cells = await db.MetricValues.AsNoTracking()
                .Where(v => v.MetricDefinitionId == id && v.PeriodKind == cadence && v.PeriodStart >= from && v.PeriodStart < to)
                .Select(v => new ValueGridCell(v.Period, v.ChannelId, v.Value, v.SampleSize, EF.Property<int>(v, CxDbContext.VersionProperty), v.Low, v.High))
                .ToListAsync(ct);
        }
        else
        {
            cells = (await MetricValueSeries.LoadAsync(db, [SeriesSource.Of(revision)], ChannelScope.Everything, revision.Cadence, from, to, ct))
                .Select(v => new ValueGridCell(v.Period, v.ChannelId, v.Value, v.SampleSize, 0, v.Low, v.High))
                .ToList();
        }
        return new ValueGrid(metric.Id, metric.Code, metric.Name, revision.Unit, revision.Cadence, revision.ComputedFrom,
            revision.Aggregation == Aggregation.WeightedBySample, metric.Status == MetricStatus.Retired,
            periods.Reverse().ToList(), columns, cells);
    }

    /// <summary>What the import template names: the metric, its cadence and the channels it applies to.</summary>
    public async Task<ValuesTemplateInfo?> GetTemplateInfoAsync(string code, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var normalised = code.Trim().ToUpperInvariant();
        var metric = await db.Metrics.AsNoTracking().Where(m => m.Code == normalised)
            .Select(m => new { m.Id, m.Code, m.Name }).SingleOrDefaultAsync(ct);
        if (metric is null)
        {
            return null;
        }
        var revision = await CurrentRevisionAsync(db, metric.Id, ct);
        var channels = (await ChannelsAsync(db, ct)).Where(c => revision.ChannelIds.Contains(c.Id)).ToList();
        return new ValuesTemplateInfo(metric.Code, metric.Name, revision.Unit, revision.Cadence,
            revision.Aggregation == Aggregation.WeightedBySample, revision.ComputedFrom is not null, channels,
            Period.Containing(Today, revision.Cadence));
    }

    internal static Task<MetricDefinition?> LoadAsync(CxDbContext db, int id, CancellationToken ct) =>
        db.Metrics
            .Include(m => m.Revisions).ThenInclude(r => r.SignOffs)
            .Include(m => m.Revisions).ThenInclude(r => r.Targets)
            .Include(m => m.Events)
            .AsSplitQuery()
            .SingleOrDefaultAsync(m => m.Id == id, ct);

    internal static Task<List<ChannelItem>> ChannelsAsync(CxDbContext db, CancellationToken ct) =>
        db.Channels.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new ChannelItem(c.Id, c.Code, c.Name, c.OwningTeamId)).ToListAsync(ct);

    private static Task<MetricRevision> CurrentRevisionAsync(CxDbContext db, int metricId, CancellationToken ct) =>
        db.MetricRevisions.AsNoTracking().Include(r => r.Targets)
            .Where(r => r.MetricDefinitionId == metricId)
            .OrderBy(r => r.Status == RevisionStatus.Agreed ? 0 : 1).ThenByDescending(r => r.Number)
            .FirstAsync(ct);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}

public sealed record ValuesTemplateInfo(string Code, string Name, MetricUnit Unit, PeriodKind Cadence, bool UsesSampleSize,
    bool IsComputed, IReadOnlyList<ChannelItem> Channels, Period ExamplePeriod);

/// <summary>A metric's latest value (on the catalogue's channel, or in total) and its RAG against the target in force then.</summary>
internal sealed record CatalogueStanding(SeriesValue? Latest, MetricTarget? Target, Rag Rag);

/// <summary>
/// The values the catalogue shows for a set of metrics, read set-based: the recent periods at each
/// cadence for the sparklines, and the latest recorded value, however old.
/// </summary>
internal sealed class CatalogueFigures
{
    private readonly Dictionary<PeriodKind, IReadOnlyList<Period>> _windows;
    private readonly ILookup<int, SeriesValue> _recent;
    private readonly Dictionary<int, SeriesValue> _latestRecorded;
    private readonly int? _channelId;

    private CatalogueFigures(Dictionary<PeriodKind, IReadOnlyList<Period>> windows, ILookup<int, SeriesValue> recent,
        Dictionary<int, SeriesValue> latestRecorded, int? channelId)
    {
        (_windows, _recent, _latestRecorded, _channelId) = (windows, recent, latestRecorded, channelId);
    }

    public static async Task<CatalogueFigures> LoadAsync(CxDbContext db, IEnumerable<MetricRevision> revisions, ChannelScope scope,
        int? channelId, DateOnly today, CancellationToken ct)
    {
        var sources = revisions.Select(SeriesSource.Of).ToList();
        var recent = new List<SeriesValue>();
        var windows = new Dictionary<PeriodKind, IReadOnlyList<Period>>();
        foreach (var cadence in sources.GroupBy(s => s.Cadence))
        {
            var periods = Period.Containing(today, cadence.Key).LastN(MetricsService.RecentPeriods);
            windows[cadence.Key] = periods;
            recent.AddRange(await MetricValueSeries.LoadAsync(db, cadence.ToList(), scope, cadence.Key, periods[0].Start, periods[^1].Next.Start, ct));
        }
        var latestRecorded = await MetricValueSeries.LatestRecordedAsync(db, sources, channelId, ct);
        return new CatalogueFigures(windows, recent.ToLookup(v => v.MetricId), latestRecorded, channelId);
    }

    public CatalogueStanding Standing(int metricId, MetricRevision revision, int minimumSampleSize)
    {
        var latest = _latestRecorded.GetValueOrDefault(metricId)
                     ?? _recent[metricId].OrderByDescending(v => v.Period).FirstOrDefault();
        var target = latest is null ? null : revision.TargetFor(Period.Containing(latest.Period.Start, PeriodKind.Quarter), _channelId);
        return new CatalogueStanding(latest, target,
            RagRule.Evaluate(latest?.Figure, target?.Value, revision.Direction, target?.AmberTolerance ?? 0, minimumSampleSize));
    }

    public IReadOnlyList<double?> Sparkline(int metricId, PeriodKind cadence)
    {
        var values = _recent[metricId].ToDictionary(v => v.Period, v => v.Value);
        return _windows[cadence].Select(p => values.TryGetValue(p, out var v) ? v : (double?)null).ToList();
    }
}
