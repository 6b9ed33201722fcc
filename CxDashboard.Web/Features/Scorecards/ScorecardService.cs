using CxDashboard.Domain.Common;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Scorecards;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Metrics;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Scorecards;

/// <summary>
/// The quarterly scorecard: drafts that owners comment on, publication that freezes the lines, and
/// the rule that executives only ever see what was published.
/// </summary>
public sealed class ScorecardService(IDbContextFactory<CxDbContext> dbFactory, TimeProvider clock, MetricsService metrics)
{
    /// <summary>How many quarters back a head of CX may still start a scorecard for.</summary>
    private const int QuartersOpenToStart = 4;

    private const string TotalName = "All channels";

    public async Task<ScorecardList> ListAsync(Caller caller, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Scorecards.AsNoTracking();
        if (!MaySeeDrafts(caller))
        {
            query = query.Where(s => s.Status == ScorecardStatus.Published);
        }
        var scorecards = await (
                from s in query
                join p in db.People on s.PublishedByPersonId equals p.Id into publishers
                from p in publishers.DefaultIfEmpty()
                select new { s.Quarter, s.Status, s.Headline, s.PublishedAt, PublishedBy = p == null ? null : p.DisplayName })
            .ToListAsync(ct);
        var list = scorecards.Select(s => new ScorecardSummary(s.Quarter, s.Status, s.Headline, s.PublishedAt, s.PublishedBy))
            .OrderByDescending(s => s.Quarter).ToList();

        IReadOnlyList<Period> toStart = [];
        if (caller.IsCxLead)
        {
            var taken = await db.Scorecards.AsNoTracking().Select(s => s.Quarter).ToListAsync(ct);
            toStart = CurrentQuarter.LastN(QuartersOpenToStart).Where(q => !taken.Contains(q)).OrderDescending().ToList();
        }
        return new ScorecardList(list, toStart);
    }

    /// <summary>The scorecard of a quarter; refused to a reader who may not see drafts when it is one.</summary>
    public async Task<ScorecardView> GetAsync(Caller caller, Period quarter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scorecard = await LoadAsync(db, quarter, asTracking: false, ct);
        EnsureMaySee(caller, scorecard);
        var version = await db.Scorecards.Where(s => s.Id == scorecard.Id)
            .Select(s => EF.Property<int>(s, CxDbContext.VersionProperty)).SingleAsync(ct);
        var people = await NamesAsync(db, [scorecard.CreatedByPersonId, scorecard.PublishedByPersonId ?? 0], ct);

        IReadOnlyList<ScorecardRow> rows;
        ScorecardStanding standing;
        if (scorecard.IsPublished)
        {
            // A published scorecard is what was frozen: nothing here reads the metrics again.
            var lines = scorecard.Lines.OrderBy(l => l.ChannelId is null ? 0 : 1).ThenBy(l => l.Id).ToList();
            rows = lines.Select(l => ScorecardRow.From(l, false)).ToList();
            standing = ScorecardStanding.Of(lines);
        }
        else
        {
            var owners = await db.Metrics.AsNoTracking().Where(m => m.Status == MetricStatus.Agreed)
                .ToDictionaryAsync(m => m.Id, m => m.OwnerPersonId, ct);
            var lines = await BuildLinesAsync(db, quarter, scorecard.CommentaryFor, ct);
            rows = lines.Select(l => ScorecardRow.From(l, l.ChannelId is null && MayComment(caller, owners.GetValueOrDefault(l.MetricDefinitionId)))).ToList();
            standing = ScorecardStanding.Of(lines);
        }

        var isDraft = !scorecard.IsPublished;
        return new ScorecardView(scorecard.Quarter, scorecard.Status, scorecard.Headline, version,
            people.GetValueOrDefault(scorecard.CreatedByPersonId) ?? "—", scorecard.CreatedAt, scorecard.PublishedAt,
            scorecard.PublishedByPersonId is { } by ? people.GetValueOrDefault(by) : null, rows,
            new ScorecardPermissions(isDraft && caller.IsCxLead, isDraft && caller.IsCxLead, true), standing);
    }

    /// <summary>Two quarters' totals side by side, each as the person may see it.</summary>
    public async Task<ScorecardComparison> CompareAsync(Caller caller, Period a, Period b, CancellationToken ct = default)
    {
        var first = await GetAsync(caller, a, ct);
        var second = await GetAsync(caller, b, ct);
        var left = first.Totals.ToDictionary(r => r.MetricId);
        var right = second.Totals.ToDictionary(r => r.MetricId);
        var rows = first.Totals.Concat(second.Totals.Where(r => !left.ContainsKey(r.MetricId)))
            .Select(r => new ScorecardComparisonRow(r.MetricId, r.Code, r.Name, r.Dimension, r.Unit, r.Direction,
                left.GetValueOrDefault(r.MetricId), right.GetValueOrDefault(r.MetricId)))
            .OrderBy(r => r.Dimension).ThenBy(r => r.Name)
            .ToList();
        return new ScorecardComparison(first, second, rows);
    }

    public async Task StartDraftAsync(Caller caller, Period quarter, CancellationToken ct = default)
    {
        RequireCxLead(caller, "start a scorecard");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Scorecards.AnyAsync(s => s.Quarter == quarter, ct))
        {
            throw new DomainException($"There is already a scorecard for {quarter}.");
        }
        if (quarter > CurrentQuarter)
        {
            throw new DomainException($"{quarter} has not started yet; a scorecard can be started once its quarter has begun.");
        }
        db.Scorecards.Add(new Scorecard(quarter, caller.RequirePersonId(), Now));
        await db.SaveChangesAsync(caller.ToAuditActor(), clock, ct);
    }

    /// <summary>Writes the headline. <paramref name="seen"/> is the headline the person started from; if someone changed it since, nothing is saved.</summary>
    public async Task WriteHeadlineAsync(Caller caller, Period quarter, string? headline, string? seen, CancellationToken ct = default)
    {
        RequireCxLead(caller, "write the scorecard's headline");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scorecard = await LoadAsync(db, quarter, asTracking: true, ct);
        if (!SameText(scorecard.Headline, seen))
        {
            throw new ConcurrencyConflictException(
                $"Someone changed the headline after you opened it. It now reads: “{scorecard.Headline ?? "(empty)"}”. Reapply your change if it still stands.");
        }
        scorecard.WriteHeadline(headline);
        await SaveGuardedAsync(db, scorecard, caller, ct);
    }

    /// <summary>
    /// Writes a metric's commentary: the metric's owner, or any head of CX. <paramref name="seen"/> is
    /// the commentary the person started from; if someone changed it since, nothing is saved.
    /// </summary>
    public async Task WriteCommentaryAsync(Caller caller, Period quarter, int metricId, string? text, string? seen, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var metric = await db.Metrics.AsNoTracking().Where(m => m.Id == metricId)
            .Select(m => new { m.Name, m.OwnerPersonId, m.Status }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("That metric no longer exists.");
        if (!MayComment(caller, metric.OwnerPersonId))
        {
            throw new NotAllowedException($"Only the owner of {metric.Name} or the head of CX writes its commentary.");
        }
        if (metric.Status != MetricStatus.Agreed)
        {
            throw new DomainException($"{metric.Name} is not an agreed metric, so it is not on the scorecard.");
        }
        var scorecard = await LoadAsync(db, quarter, asTracking: true, ct);
        var current = scorecard.CommentaryFor(metricId);
        if (!SameText(current, seen))
        {
            throw new ConcurrencyConflictException(
                $"Someone changed the commentary on {metric.Name} after you opened it. It now reads: “{current ?? "(empty)"}”. Reapply your change if it still stands.");
        }
        scorecard.WriteCommentary(metricId, text, caller.RequirePersonId(), Now);
        await SaveGuardedAsync(db, scorecard, caller, ct);
    }

    /// <summary>
    /// Freezes the scorecard: every agreed metric in total and per channel, as the data stands now,
    /// with the previous three quarters and the commentary. Published scorecards never change again.
    /// </summary>
    public async Task PublishAsync(Caller caller, Period quarter, CancellationToken ct = default)
    {
        RequireCxLead(caller, "publish the scorecard");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scorecard = await LoadAsync(db, quarter, asTracking: true, ct);
        if (scorecard.IsPublished)
        {
            throw new DomainException($"The {quarter} scorecard is already published and can no longer change.");
        }
        var lines = await BuildLinesAsync(db, quarter, scorecard.CommentaryFor, ct);
        scorecard.Publish(lines, caller.RequirePersonId(), Now);
        await SaveGuardedAsync(db, scorecard, caller, ct);
    }

    /// <summary>The lines a scorecard would freeze now: each agreed metric in total, then on each channel it is measured on.</summary>
    private async Task<List<ScorecardLine>> BuildLinesAsync(CxDbContext db, Period quarter, Func<int, string?> commentary, CancellationToken ct)
    {
        var channels = await MetricsService.ChannelsAsync(db, ct);
        var measuredOn = (await db.MetricRevisions.AsNoTracking()
                .Where(r => r.Status == RevisionStatus.Agreed && db.Metrics.Any(m => m.Id == r.MetricDefinitionId && m.Status == MetricStatus.Agreed))
                .Select(r => new { r.MetricDefinitionId, r.ChannelIds })
                .ToListAsync(ct))
            .ToDictionary(r => r.MetricDefinitionId, r => r.ChannelIds.ToHashSet());

        var totals = await QuarterTrends.LoadAsync(metrics, quarter, null, ct);
        var lines = totals.Select(t => Line(t, null, TotalName, commentary(t.Quarter.MetricId))).ToList();
        foreach (var channel in channels)
        {
            var trends = await QuarterTrends.LoadAsync(metrics, quarter, channel.Id, ct);
            lines.AddRange(trends
                .Where(t => measuredOn.TryGetValue(t.Quarter.MetricId, out var on) && on.Contains(channel.Id))
                .Select(t => Line(t, channel.Id, channel.Name, null)));
        }
        return lines;

        static ScorecardLine Line(QuarterTrend trend, int? channelId, string channelName, string? commentary)
        {
            var v = trend.Quarter;
            return new ScorecardLine(v.MetricId, v.Code, v.Name, v.Dimension, v.Unit, v.Direction, channelId, channelName,
                v.Figure, v.Target, v.AmberTolerance ?? 0, trend.ThreeQuartersAgo, trend.TwoQuartersAgo, v.PreviousFigure, v.Change,
                v.MinimumSampleSize, commentary);
        }
    }

    private static async Task<Scorecard> LoadAsync(CxDbContext db, Period quarter, bool asTracking, CancellationToken ct)
    {
        var query = db.Scorecards.Include(s => s.Lines).Include(s => s.Commentary).AsSplitQuery();
        if (!asTracking)
        {
            query = query.AsNoTracking();
        }
        return await query.SingleOrDefaultAsync(s => s.Quarter == quarter, ct)
               ?? throw new NotFoundException($"There is no scorecard for {quarter}.");
    }

    private static void EnsureMaySee(Caller caller, Scorecard scorecard)
    {
        if (!scorecard.IsPublished && !MaySeeDrafts(caller))
        {
            throw new NotAllowedException($"The {scorecard.Quarter} scorecard is still a draft; it can be read here once the head of CX publishes it.");
        }
    }

    /// <summary>Executives and auditors read only what was published; the people who write the scorecard see the draft.</summary>
    public static bool MaySeeDrafts(Caller caller) => !caller.IsReadOnly;

    private static bool MayComment(Caller caller, int ownerPersonId) =>
        caller.IsCxLead || (!caller.IsReadOnly && caller.PersonId is { } me && me == ownerPersonId);

    private static void RequireCxLead(Caller caller, string what)
    {
        if (!caller.IsCxLead)
        {
            throw new NotAllowedException($"Only the head of CX may {what}.");
        }
    }

    private static bool SameText(string? a, string? b) =>
        string.Equals(string.IsNullOrWhiteSpace(a) ? null : a.Trim(), string.IsNullOrWhiteSpace(b) ? null : b.Trim(), StringComparison.Ordinal);

    private static async Task<Dictionary<int, string>> NamesAsync(CxDbContext db, int[] ids, CancellationToken ct) =>
        await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, ct);

    /// <summary>Saves on condition that nobody saved the scorecard since it was loaded here, so two edits never interleave.</summary>
    private async Task SaveGuardedAsync(CxDbContext db, Scorecard scorecard, Caller caller, CancellationToken ct)
    {
        db.ExpectVersion(scorecard, db.VersionOf(scorecard));
        try
        {
            await db.SaveChangesAsync(caller.ToAuditActor(), clock, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException(
                $"Someone saved the {scorecard.Quarter} scorecard at the same moment; nothing of yours was written. Reload it and reapply your change.");
        }
    }

    private Period CurrentQuarter => Period.Containing(DateOnly.FromDateTime(Now), PeriodKind.Quarter);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
