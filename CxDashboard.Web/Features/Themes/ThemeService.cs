using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Statistics;
using CxDashboard.Domain.Themes;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Feedback;
using CxDashboard.Web.Features.Friction;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Themes;

/// <summary>
/// The theme catalogue: the head of CX adds, edits and activates themes; leads propose them and edit their
/// own proposals; everyone reads the catalogue and the figures. Every figure is counted by the database,
/// grouping the themes' tags joined to their feedback; no item is loaded to count it.
/// </summary>
public sealed class ThemeService(
    IDbContextFactory<CxDbContext> factory,
    TimeProvider clock,
    VerbatimSearch search,
    ThemeRetagging retagging)
{
    /// <summary>The preview counts matches up to this many, so that a common word answers at once.</summary>
    public const int PreviewCap = 10_000;

    public const int PreviewExamples = 5;

    /// <summary>On a SQL Server without Full-Text Search the preview matches the newest this many items in memory.</summary>
    public const int PreviewScanWithoutIndex = 20_000;

    private const int ExampleLength = 200;

    public static bool MayEdit(Caller caller) => caller.IsCxLead;

    public static bool MayPropose(Caller caller) => caller.IsCxLead || caller.IsChannelLead;

    /// <summary>The head of CX changes any theme; a lead changes their own proposal until it is made active.</summary>
    public static bool MayChange(Caller caller, ThemeStatus status, int ownerPersonId) =>
        caller.IsCxLead || (caller.IsChannelLead && status == ThemeStatus.Proposed && caller.PersonId == ownerPersonId);

    public RetaggingProgress Progress => retagging.Progress;

    public async Task<IReadOnlyList<ThemeRow>> CatalogueAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var counts = await db.FeedbackThemes.AsNoTracking()
            .GroupBy(l => l.ThemeId)
            .Select(g => new { ThemeId = g.Key, Items = g.Count() })
            .ToDictionaryAsync(x => x.ThemeId, x => x.Items, ct);
        var themes = await (
            from t in db.Themes.AsNoTracking()
            join o in db.People on t.OwnerPersonId equals o.Id
            join p in db.Themes on t.ParentThemeId equals p.Id into parents
            from p in parents.DefaultIfEmpty()
            select new
            {
                t.Id, t.Name, t.ParentThemeId, ParentName = p == null ? null : p.Name, t.Rule, t.Status, t.OwnerPersonId,
                OwnerName = o.DisplayName, t.TaggedRule, Version = EF.Property<int>(t, CxDbContext.VersionProperty),
            }).ToListAsync(ct);
        return themes
            .Select(t => new ThemeRow(t.Id, t.Name, t.ParentThemeId, t.ParentName, t.Rule, t.Status, t.OwnerPersonId, t.OwnerName,
                counts.GetValueOrDefault(t.Id), t.Status == ThemeStatus.Active && t.TaggedRule != t.Rule, t.Version))
            .OrderBy(t => t.ParentName ?? t.Name, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(t => t.ParentName is null ? 0 : 1)
            .ThenBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    /// <summary>How many stored items <paramref name="rule"/> matches (counted to <see cref="PreviewCap"/>) and the newest of them.</summary>
    public async Task<RulePreview> PreviewAsync(string? rule, CancellationToken ct = default)
    {
        ThemeRule parsed;
        try
        {
            parsed = ThemeRule.Parse(rule);
        }
        catch (DomainException ex)
        {
            return RulePreview.Refused(ex.Message);
        }
        await using var db = await factory.CreateDbContextAsync(ct);
        List<int> newest;
        int matches;
        if (db.Database.IsSqlite() || await search.MatchesWordsAsync(db, ct))
        {
            var sqlite = db.Database.IsSqlite();
            var match = sqlite ? ThemeRuleSql.Fts5(parsed.Root) : ThemeRuleSql.Contains(parsed.Root);
            matches = await db.Database.SqlQueryRaw<int>(sqlite ? ThemeRuleSql.SqliteCountSql : ThemeRuleSql.SqlServerCountSql,
                ThemeTagging.Parameter(db, "match", match), ThemeTagging.Parameter(db, "cap", PreviewCap + 1)).SingleAsync(ct);
            newest = await db.Database.SqlQueryRaw<int>(sqlite ? ThemeRuleSql.SqliteExamplesSql : ThemeRuleSql.SqlServerExamplesSql,
                ThemeTagging.Parameter(db, "match", match), ThemeTagging.Parameter(db, "cap", PreviewExamples)).ToListAsync(ct);
        }
        else
        {
            var scanned = await db.Feedback.AsNoTracking().OrderByDescending(f => f.Id).Take(PreviewScanWithoutIndex)
                .Select(f => new { f.Id, f.Verbatim }).ToListAsync(ct);
            var matched = scanned.Where(f => parsed.Matches(f.Verbatim)).Select(f => f.Id).ToList();
            matches = matched.Count;
            newest = matched.Take(PreviewExamples).ToList();
        }
        var examples = await db.Feedback.AsNoTracking()
            .Where(f => newest.Contains(f.Id))
            .OrderByDescending(f => f.Id)
            .Select(f => new RuleExample(f.Id, f.ReceivedAt, f.Verbatim.Length > ExampleLength ? f.Verbatim.Substring(0, ExampleLength) + "…" : f.Verbatim))
            .ToListAsync(ct);
        return new RulePreview(null, Math.Min(matches, PreviewCap), matches > PreviewCap, examples);
    }

    /// <summary>Adds a theme (the head of CX: active at once; a lead: proposed) or changes one; returns its id.</summary>
    public async Task<int> SaveAsync(ThemeDraft draft, Caller caller, CancellationToken ct = default)
    {
        if (!MayPropose(caller))
        {
            throw new NotAllowedException("Only the head of CX edits themes, and leads propose them.");
        }
        var personId = caller.RequirePersonId();
        await using var db = await factory.CreateDbContextAsync(ct);
        var parent = draft.ParentThemeId is { } parentId
            ? await db.Themes.SingleOrDefaultAsync(t => t.Id == parentId, ct) ?? throw new DomainException("Choose a parent theme from the list.")
            : null;
        Theme theme;
        if (draft.Id is not { } id)
        {
            theme = caller.IsCxLead
                ? Theme.Create(draft.Name, parent, draft.Rule, personId)
                : Theme.Propose(draft.Name, parent, draft.Rule, personId);
            db.Themes.Add(theme);
        }
        else
        {
            theme = await db.Themes.SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException($"Theme #{id} does not exist.");
            if (!MayChange(caller, theme.Status, theme.OwnerPersonId))
            {
                throw new NotAllowedException("Only the head of CX changes a theme; a lead may change their own proposal until it is made active.");
            }
            db.ExpectVersion(theme, draft.Version);
            theme.Rename(draft.Name);
            theme.ChangeRule(draft.Rule);
            theme.PlaceUnder(parent, await db.Themes.AnyAsync(t => t.ParentThemeId == id, ct));
        }
        await RequireUniqueNameAsync(db, theme, ct);
        await db.SaveAsAsync(caller, clock, $"the theme '{theme.Name}'", ct);
        retagging.Wake();
        return theme.Id;
    }

    /// <summary>Makes a proposed theme active (the head of CX); its feedback is then tagged in the background.</summary>
    public async Task ActivateAsync(int themeId, int version, Caller caller, CancellationToken ct = default)
    {
        if (!MayEdit(caller))
        {
            throw new NotAllowedException("Only the head of CX makes a proposed theme active.");
        }
        await using var db = await factory.CreateDbContextAsync(ct);
        var theme = await db.Themes.SingleOrDefaultAsync(t => t.Id == themeId, ct) ?? throw new NotFoundException($"Theme #{themeId} does not exist.");
        db.ExpectVersion(theme, version);
        theme.Activate();
        await db.SaveAsAsync(caller, clock, $"the theme '{theme.Name}'", ct);
        retagging.Wake();
    }

    /// <summary>
    /// Deletes a theme (the head of CX) with its tags and friction-issue links; a theme with themes under it is
    /// refused. The deletion is audited with the theme's name, rule and owner.
    /// </summary>
    public async Task DeleteAsync(int themeId, int version, Caller caller, CancellationToken ct = default)
    {
        if (!MayEdit(caller))
        {
            throw new NotAllowedException("Only the head of CX deletes a theme.");
        }
        await using var db = await factory.CreateDbContextAsync(ct);
        var theme = await db.Themes.SingleOrDefaultAsync(t => t.Id == themeId, ct) ?? throw new NotFoundException($"Theme #{themeId} does not exist.");
        db.ExpectVersion(theme, version);
        theme.EnsureMayDelete(await db.Themes.Where(t => t.ParentThemeId == themeId).Select(t => t.Name).ToListAsync(ct));
        // The tags and links go by the database's cascade, counted per day on the way out (ThemeDayCounts).
        db.Themes.Remove(theme);
        await db.SaveAsAsync(caller, clock, $"the theme '{theme.Name}'", ct);
    }

    private static async Task RequireUniqueNameAsync(CxDbContext db, Theme theme, CancellationToken ct)
    {
        var name = theme.Name;
        var parentId = theme.ParentThemeId;
        var id = theme.Id;
        if (await db.Themes.AnyAsync(t => t.Id != id && t.ParentThemeId == parentId && t.Name == name, ct))
        {
            throw new DomainException($"There is already a theme called '{name}' there. Choose another name.");
        }
    }

    /// <summary>
    /// Every active theme's figures over the feedback <paramref name="query"/> counts, sorted by effect on NPS,
    /// most harmful first, themes with too few answers to tell after the rest: two sums in the database over
    /// the feedback and the tags counted per day (<see cref="ThemeDayCounts"/>), so a year costs no more than
    /// a few hundred thousand count rows, whatever the volume of feedback.
    /// </summary>
    public async Task<ThemeImpact> ImpactAsync(ThemeImpactQuery query, CancellationToken ct = default)
    {
        if (query.To <= query.From)
        {
            throw new DomainException("The period must end after it starts.");
        }
        await using var db = await factory.CreateDbContextAsync(ct);
        var items = db.FeedbackDailyFigures.AsNoTracking().Where(c => c.Day >= query.From && c.Day < query.To);
        var tags = db.ThemeDailyFigures.AsNoTracking().Where(c => c.Day >= query.From && c.Day < query.To);
        if (query.ChannelId is { } channelId)
        {
            items = items.Where(c => c.ChannelId == channelId);
            tags = tags.Where(c => c.ChannelId == channelId);
        }
        if (query.JourneyStageId is { } stageId)
        {
            items = items.Where(c => c.JourneyStageId == stageId);
            tags = tags.Where(c => c.JourneyStageId == stageId);
        }
        var all = await items
            .GroupBy(c => new { c.Sentiment, c.NpsBand })
            .Select(g => new Tally(0, g.Key.Sentiment, g.Key.NpsBand, g.Sum(c => c.Count)))
            .ToListAsync(ct);
        var tagged = await tags
            .GroupBy(c => new { c.ThemeId, c.Sentiment, c.NpsBand })
            .Select(g => new Tally(g.Key.ThemeId, g.Key.Sentiment, g.Key.NpsBand, g.Sum(c => c.Count)))
            .ToListAsync(ct);
        var names = await ThemeTagging.ActiveThemeNamesAsync(db, ct);
        var total = (int)all.Sum(t => t.Count);
        var overall = Nps(all);
        var rows = tagged.GroupBy(t => t.ThemeId)
            .Where(g => names.ContainsKey(g.Key))
            .Select(g =>
            {
                var mentioning = Nps(g);
                var others = new NpsSample(overall.Promoters - mentioning.Promoters, overall.Passives - mentioning.Passives,
                    overall.Detractors - mentioning.Detractors);
                var count = (int)g.Sum(t => t.Count);
                return new ThemeImpactRow(g.Key, names[g.Key], count, total == 0 ? 0 : (double)count / total,
                    (int)g.Where(t => t.Sentiment == Sentiment.Positive).Sum(t => t.Count),
                    (int)g.Where(t => t.Sentiment == Sentiment.Neutral).Sum(t => t.Count),
                    (int)g.Where(t => t.Sentiment == Sentiment.Negative).Sum(t => t.Count),
                    new ThemeEffect(mentioning, others));
            })
            .OrderByDescending(r => r.Effect.EnoughAnswers)
            .ThenBy(r => r.Effect.Points?.Value ?? double.MaxValue)
            .ThenByDescending(r => r.Items)
            .ToList();
        return new ThemeImpact(total, rows);
    }

    /// <summary>The themes that cost the overall NPS the most points over the period (at most <paramref name="count"/>, only real effects).</summary>
    public async Task<IReadOnlyList<ThemeImpactRow>> CostliestAsync(ThemeImpactQuery query, int count, CancellationToken ct = default)
    {
        var impact = await ImpactAsync(query, ct);
        return impact.Themes
            .Where(t => t.Effect.IsReal && t.Effect.Points?.Value < 0)
            .OrderByDescending(t => t.Effect.Cost)
            .Take(count)
            .ToList();
    }

    /// <param name="NpsBand">The <see cref="ScoreBand"/> of an answer on the NPS scale, 0 for none.</param>
    private sealed record Tally(int ThemeId, Sentiment Sentiment, int NpsBand, long Count);

    private static NpsSample Nps(IEnumerable<Tally> tallies)
    {
        var list = tallies.ToList();
        int Band(ScoreBand band) => (int)list.Where(t => t.NpsBand == (int)band).Sum(t => t.Count);
        return new NpsSample(Band(ScoreBand.Promoter), Band(ScoreBand.Passive), Band(ScoreBand.Detractor));
    }

    /// <summary>How many months of a friction issue's themes its page shows.</summary>
    public const int TrendMonths = 6;

    /// <summary>The themes a friction issue is about, each with its items and share of all feedback month by month, this month last.</summary>
    public async Task<IReadOnlyList<IssueThemeTrend>> IssueThemesAsync(int issueId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var themeIds = await db.FrictionIssueThemes.AsNoTracking().Where(l => l.FrictionIssueId == issueId).Select(l => l.ThemeId).ToListAsync(ct);
        if (themeIds.Count == 0)
        {
            return [];
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(1 - TrendMonths);
        var from = firstMonth.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var recent = db.Feedback.AsNoTracking().Where(f => f.ReceivedAt >= from);
        var totals = await recent.GroupBy(f => new { f.ReceivedAt.Year, f.ReceivedAt.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Items = g.Count() })
            .ToDictionaryAsync(x => (x.Year, x.Month), x => x.Items, ct);
        var counts = await db.FeedbackThemes.AsNoTracking()
            .Where(l => themeIds.Contains(l.ThemeId))
            .Join(recent, l => l.FeedbackItemId, f => f.Id, (l, f) => new { l.ThemeId, f.ReceivedAt.Year, f.ReceivedAt.Month })
            .GroupBy(x => new { x.ThemeId, x.Year, x.Month })
            .Select(g => new { g.Key.ThemeId, g.Key.Year, g.Key.Month, Items = g.Count() })
            .ToListAsync(ct);
        var names = await ThemeTagging.ActiveThemeNamesAsync(db, ct);
        var months = Enumerable.Range(0, TrendMonths).Select(firstMonth.AddMonths).ToList();
        return themeIds.Where(names.ContainsKey)
            .Select(id => new IssueThemeTrend(id, names[id], months.Select(month =>
            {
                var items = counts.FirstOrDefault(c => c.ThemeId == id && c.Year == month.Year && c.Month == month.Month)?.Items ?? 0;
                var total = totals.GetValueOrDefault((month.Year, month.Month));
                return new ThemeMonth(month, items, total == 0 ? 0 : (double)items / total);
            }).ToList()))
            .OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    /// <summary>Says a friction issue is about an active theme (whoever may change the issue).</summary>
    public async Task LinkToIssueAsync(int issueId, int themeId, Caller caller, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await EnsureMayChangeIssueAsync(db, issueId, caller, ct);
        if (!await db.Themes.AnyAsync(t => t.Id == themeId && t.Status == ThemeStatus.Active, ct))
        {
            throw new DomainException("Choose an active theme from the list.");
        }
        if (await db.FrictionIssueThemes.AnyAsync(l => l.FrictionIssueId == issueId && l.ThemeId == themeId, ct))
        {
            throw new DomainException("The issue is already linked to this theme.");
        }
        db.FrictionIssueThemes.Add(new FrictionIssueTheme(issueId, themeId, caller.RequirePersonId(), clock.GetUtcNow().UtcDateTime));
        await db.SaveAsAsync(caller, clock, $"friction issue #{issueId}", ct);
    }

    public async Task UnlinkFromIssueAsync(int issueId, int themeId, Caller caller, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await EnsureMayChangeIssueAsync(db, issueId, caller, ct);
        var link = await db.FrictionIssueThemes.SingleOrDefaultAsync(l => l.FrictionIssueId == issueId && l.ThemeId == themeId, ct)
                   ?? throw new NotFoundException("The issue is not linked to this theme.");
        db.FrictionIssueThemes.Remove(link);
        await db.SaveAsAsync(caller, clock, $"friction issue #{issueId}", ct);
    }

    private static async Task EnsureMayChangeIssueAsync(CxDbContext db, int issueId, Caller caller, CancellationToken ct)
    {
        var owningTeam = await db.FrictionIssues.AsNoTracking().Where(i => i.Id == issueId).Select(i => (int?)i.OwningTeamId).SingleOrDefaultAsync(ct)
                         ?? throw new NotFoundException($"Friction issue #{issueId} does not exist.");
        FrictionRules.EnsureMayChange(caller, owningTeam);
    }
}
