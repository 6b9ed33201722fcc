using System.Data.Common;
using CxDashboard.Domain.Themes;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Data.Seeding;

public sealed partial class DemoDataSeeder
{
    /// <summary>
    /// The demo retailer's themes, owned by the head of CX, and every seeded item tagged with them: one
    /// set-based statement per theme through SQLite's search index; on SQL Server, whose full-text index is
    /// still being filled after a bulk load, by matching the verbatims as they are read.
    /// </summary>
    private async Task SeedThemesAsync(CxDbContext db, DemoState state, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var themes = new Dictionary<string, Theme>(StringComparer.Ordinal);
        foreach (var entry in DemoThemes.All.Where(e => e.Parent is null))
        {
            themes[entry.Name] = Theme.Create(entry.Name, null, entry.Rule, state.CxLead.Id);
        }
        db.Themes.AddRange(themes.Values);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var entry in DemoThemes.All.Where(e => e.Parent is not null))
        {
            themes[entry.Name] = Theme.Create(entry.Name, themes[entry.Parent!], entry.Rule, state.CxLead.Id);
        }
        db.Themes.AddRange(themes.Values.Where(t => t.Id == 0));
        await db.SaveChangesAsync(cancellationToken);

        if (db.Database.IsSqlite())
        {
            await TagThroughSearchIndexAsync(db, themes.Values, cancellationToken);
        }
        else
        {
            foreach (var theme in themes.Values)
            {
                await ThemeTagging.TagAllAsync(db, transaction, new ActiveRule(theme.Id, theme.ParsedRule), throughIndex: false, cancellationToken);
            }
        }
        foreach (var theme in themes.Values)
        {
            theme.MarkTagged(theme.Rule);
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Tagged the feedback with {Themes} themes", themes.Count);
    }

    /// <summary>
    /// The tags of every theme, found through SQLite's search index as re-tagging finds them (<see cref="ThemeRuleSql.SqliteTagSql"/>),
    /// gathered first and written in one pass in key order. Written theme by theme, each theme's tags would land all
    /// over the tags' key and look up their items all over the feedback again: 35 sweeps of tables that at
    /// 10,000,000 items no longer fit in the cache.
    /// </summary>
    private static async Task TagThroughSearchIndexAsync(CxDbContext db, IEnumerable<Theme> themes, CancellationToken ct)
    {
        var indexes = await DropIndexesAsync(db, ["FeedbackThemes"], ct);
        await db.Database.ExecuteSqlRawAsync("""CREATE TEMP TABLE "SeedTags" ("FeedbackItemId" INTEGER NOT NULL, "ThemeId" INTEGER NOT NULL)""", ct);
        foreach (var theme in themes)
        {
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO temp."SeedTags" ("FeedbackItemId", "ThemeId")
                SELECT "rowid", @theme FROM "FeedbackSearch" WHERE "FeedbackSearch" MATCH @match
                """, [ThemeTagging.Parameter(db, "theme", theme.Id), ThemeTagging.Parameter(db, "match", ThemeRuleSql.Fts5(theme.ParsedRule.Root))], ct);
        }
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "FeedbackThemes" ("FeedbackItemId", "ThemeId")
            SELECT "FeedbackItemId", "ThemeId" FROM temp."SeedTags" ORDER BY "FeedbackItemId", "ThemeId";
            DROP TABLE temp."SeedTags";
            """, ct);
        foreach (var sql in indexes)
        {
            await db.Database.ExecuteSqlRawAsync(sql, ct);
        }
    }
}
