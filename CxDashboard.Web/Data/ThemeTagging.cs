using System.Data.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Themes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CxDashboard.Web.Data;

/// <summary>
/// Tags feedback with the active themes whose rules match it. Arriving feedback (recorded, imported, sent
/// by the API) is matched in memory, in the same transaction as the items, because SQL Server's full-text
/// index sees a new row only seconds after its commit. Stored feedback is tagged again after a rule changes
/// through the search index, with one set-based statement per theme (<see cref="ThemeRuleSql"/>), in the
/// background (ThemeRetagging) or by the demo seeding; on SQL Server the items recorded within
/// <see cref="SqlServerIndexLag"/> of the newest are matched in memory again, as the index may not hold them yet.
/// </summary>
public static class ThemeTagging
{
    /// <summary>The items read back at a time when an import's rows are tagged.</summary>
    private const int ImportBatch = 5000;

    public static async Task<IReadOnlyList<ActiveRule>> ActiveRulesAsync(CxDbContext db, CancellationToken ct)
    {
        var themes = await db.Themes.AsNoTracking()
            .Where(t => t.Status == ThemeStatus.Active)
            .Select(t => new { t.Id, t.Rule })
            .ToListAsync(ct);
        return themes.Select(t => new ActiveRule(t.Id, ThemeRule.Parse(t.Rule))).ToList();
    }

    /// <summary>Every active theme's full name ("Delivery › Late"), by id.</summary>
    public static async Task<Dictionary<int, string>> ActiveThemeNamesAsync(CxDbContext db, CancellationToken ct) =>
        await (from t in db.Themes.AsNoTracking()
               where t.Status == ThemeStatus.Active
               join p in db.Themes on t.ParentThemeId equals p.Id into parents
               from p in parents.DefaultIfEmpty()
               select new { t.Id, Name = p == null ? t.Name : p.Name + Theme.Separator + t.Name })
            .ToDictionaryAsync(x => x.Id, x => x.Name, ct);

    /// <summary>The themes among <paramref name="rules"/> that <paramref name="verbatim"/> mentions.</summary>
    public static IEnumerable<int> ThemesOf(string? verbatim, IReadOnlyList<ActiveRule> rules)
    {
        if (rules.Count == 0 || string.IsNullOrEmpty(verbatim))
        {
            return [];
        }
        var words = VerbatimWords.Of(verbatim);
        return rules.Where(r => r.Rule.Matches(words)).Select(r => r.ThemeId);
    }

    /// <summary>Tags items tracked by <paramref name="db"/> and not yet saved; the caller's save writes items and tags together.</summary>
    public static async Task TagAsync(IEnumerable<FeedbackItem> items, CxDbContext db, CancellationToken ct)
    {
        var rules = await ActiveRulesAsync(db, ct);
        foreach (var item in items)
        {
            foreach (var themeId in ThemesOf(item.Verbatim, rules))
            {
                db.FeedbackThemes.Add(new FeedbackTheme(item, themeId));
            }
        }
    }

    /// <summary>
    /// Tags the rows a bulk write just gave the ids <paramref name="firstId"/> to <paramref name="lastId"/>, inside
    /// its transaction (which keeps the range its own), reading them back in batches and writing the tags in bulk.
    /// </summary>
    public static async Task TagRangeAsync(CxDbContext db, DbTransaction transaction, int firstId, int lastId, CancellationToken ct)
    {
        var rules = await ActiveRulesAsync(db, ct);
        if (rules.Count == 0)
        {
            return;
        }
        await using var tags = new BulkRowWriter(transaction, BulkTable.Of<FeedbackTheme>(db, TagColumns));
        for (var from = firstId; from <= lastId; from += ImportBatch)
        {
            var to = Math.Min(lastId, from + ImportBatch - 1);
            var rows = await db.Feedback.AsNoTracking()
                .Where(f => f.Id >= from && f.Id <= to)
                .Select(f => new { f.Id, f.Verbatim })
                .ToListAsync(ct);
            foreach (var row in rows)
            {
                foreach (var themeId in ThemesOf(row.Verbatim, rules))
                {
                    await tags.WriteAsync([row.Id, themeId], ct);
                }
            }
        }
        await tags.CompleteAsync(ct);
    }

    /// <summary>Tags items a bulk write just stored, each under the id it was given, inside the write's transaction.</summary>
    public static async Task TagWrittenAsync(CxDbContext db, DbTransaction transaction, IEnumerable<(FeedbackItem Item, int Id)> written, CancellationToken ct)
    {
        var rules = await ActiveRulesAsync(db, ct);
        if (rules.Count == 0)
        {
            return;
        }
        await using var tags = new BulkRowWriter(transaction, BulkTable.Of<FeedbackTheme>(db, TagColumns));
        foreach (var (item, id) in written)
        {
            foreach (var themeId in ThemesOf(item.Verbatim, rules))
            {
                await tags.WriteAsync([id, themeId], ct);
            }
        }
        await tags.CompleteAsync(ct);
    }

    internal static readonly BulkColumn[] TagColumns = [new("FeedbackItemId", BulkType.Int), new("ThemeId", BulkType.Int)];

    /// <summary>
    /// How long SQL Server's full-text index may take to take in a write: it populates in the background, seconds
    /// after a commit, longer after a bulk load. Re-tagging matches the items recorded this long before the newest
    /// one in memory rather than through the index (<see cref="TagAllAsync(CxDbContext, DbTransaction, ActiveRule, bool, TimeSpan, CancellationToken)"/>).
    /// </summary>
    public static readonly TimeSpan SqlServerIndexLag = TimeSpan.FromMinutes(15);

    /// <summary>Replaces the theme's tags with every stored item its rule matches, inside the caller's transaction.</summary>
    public static Task TagAllAsync(CxDbContext db, DbTransaction transaction, ActiveRule rule, bool throughIndex, CancellationToken ct) =>
        TagAllAsync(db, transaction, rule, throughIndex, db.Database.IsSqlite() ? TimeSpan.Zero : SqlServerIndexLag, ct);

    /// <param name="indexLag">
    /// How long the search index may take to see a write (SQLite's FTS5 table sees it in the same transaction). The
    /// index would miss the items recorded that long before the newest, and un-tag them: those are matched in memory.
    /// </param>
    public static async Task TagAllAsync(CxDbContext db, DbTransaction transaction, ActiveRule rule, bool throughIndex, TimeSpan indexLag,
        CancellationToken ct)
    {
        var sqlite = db.Database.IsSqlite();
        await db.Database.ExecuteSqlRawAsync(sqlite ? ThemeRuleSql.SqliteUntagSql : ThemeRuleSql.SqlServerUntagSql,
            [Parameter(db, "theme", rule.ThemeId)], ct);
        if (!throughIndex)
        {
            await TagAllInMemoryAsync(db, transaction, rule, ct);
            return;
        }
        await db.Database.ExecuteSqlRawAsync(sqlite ? ThemeRuleSql.SqliteTagSql : ThemeRuleSql.SqlServerTagSql,
            [Parameter(db, "theme", rule.ThemeId), Parameter(db, "match", sqlite ? ThemeRuleSql.Fts5(rule.Rule.Root) : ThemeRuleSql.Contains(rule.Rule.Root))], ct);
        if (indexLag > TimeSpan.Zero)
        {
            await TagNewestInMemoryAsync(db, transaction, rule, indexLag, ct);
        }
    }

    /// <summary>
    /// Tags again, in memory, the items recorded within <paramref name="lag"/> of the newest: read newest first in
    /// pages, by the key, so the search stops at the first older item without reading the rest of the table.
    /// </summary>
    private static async Task TagNewestInMemoryAsync(CxDbContext db, DbTransaction transaction, ActiveRule rule, TimeSpan lag, CancellationToken ct)
    {
        var newest = new List<(int Id, string Verbatim)>();
        DateTime? since = null;
        var before = int.MaxValue;
        while (true)
        {
            var page = await db.Feedback.AsNoTracking()
                .Where(f => f.Id < before)
                .OrderByDescending(f => f.Id)
                .Take(ImportBatch)
                .Select(f => new { f.Id, f.RecordedAt, f.Verbatim })
                .ToListAsync(ct);
            since ??= page.FirstOrDefault()?.RecordedAt - lag;
            var recent = page.TakeWhile(f => f.RecordedAt >= since).ToList();
            newest.AddRange(recent.Select(f => (f.Id, f.Verbatim)));
            if (recent.Count < ImportBatch)
            {
                break;
            }
            before = recent[^1].Id;
        }
        if (newest.Count == 0)
        {
            return;
        }
        var lowest = newest[^1].Id;
        await db.FeedbackThemes.Where(l => l.ThemeId == rule.ThemeId && l.FeedbackItemId >= lowest).ExecuteDeleteAsync(ct);
        await using var tags = new BulkRowWriter(transaction, BulkTable.Of<FeedbackTheme>(db, TagColumns));
        foreach (var (id, verbatim) in newest.Where(f => rule.Rule.Matches(f.Verbatim)))
        {
            await tags.WriteAsync([id, rule.ThemeId], ct);
        }
        await tags.CompleteAsync(ct);
    }

    internal static DbParameter Parameter(CxDbContext db, string name, object value)
    {
        using var command = db.Database.GetDbConnection().CreateCommand();
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        return parameter;
    }

    private static async Task TagAllInMemoryAsync(CxDbContext db, DbTransaction transaction, ActiveRule rule, CancellationToken ct)
    {
        await using var tags = new BulkRowWriter(transaction, BulkTable.Of<FeedbackTheme>(db, TagColumns));
        var after = 0;
        while (true)
        {
            var rows = await db.Feedback.AsNoTracking()
                .Where(f => f.Id > after)
                .OrderBy(f => f.Id)
                .Take(ImportBatch)
                .Select(f => new { f.Id, f.Verbatim })
                .ToListAsync(ct);
            if (rows.Count == 0)
            {
                break;
            }
            foreach (var row in rows.Where(r => rule.Rule.Matches(r.Verbatim)))
            {
                await tags.WriteAsync([row.Id, rule.ThemeId], ct);
            }
            after = rows[^1].Id;
        }
        await tags.CompleteAsync(ct);
    }
}
