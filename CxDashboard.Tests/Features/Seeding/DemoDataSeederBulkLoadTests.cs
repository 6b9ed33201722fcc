using CxDashboard.Tests.Support;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CxDashboard.Tests.Features.Seeding;

/// <summary>
/// On SQLite the seed loads its rows without the tables' indexes, triggers and write-ahead log, and builds the
/// indexes, the search index, the themes' tags and the kept counts once afterwards: what it leaves must be what
/// writing every row through them would have left.
/// </summary>
public sealed class DemoDataSeederBulkLoadTests
{
    private static readonly string[] KeptCounts =
    [
        "FeedbackDailyVolume", "FeedbackDailyScores", "FeedbackDailyFigures", "ThemeDailyFigures", "ActionDueCounts", "FrictionStatusCounts",
    ];

    [Fact]
    public async Task Seeding_leaves_the_indexes_search_index_tags_and_kept_counts_that_writing_row_by_row_would()
    {
        if (TestDatabase.UsesSqlServer)
        {
            return;
        }
        await using var migrated = await TestDatabase.CreateAsync();
        await using var database = await TestDatabase.CreateAsync();

        await DemoDataSeederTests.Seeder(database).SeedAsync(new DemoScale(1500, FrictionIssues: 80, Actions: 200, Metrics: 30), reset: false);

        await using var db = database.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        Assert.Equal(await SchemaAsync(migrated), await SchemaAsync(database));
        Assert.Equal(["wal"], await RowsAsync(db, "PRAGMA journal_mode"));
        Assert.Empty(await RowsAsync(db, "PRAGMA foreign_key_check"));
        // Fails when the index holds a word the verbatims do not, or misses one.
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "FeedbackSearch" ("FeedbackSearch", rank) VALUES ('integrity-check', 1)""");
        Assert.Equal(["4"], await RowsAsync(db, """SELECT "v" FROM "FeedbackSearch_config" WHERE "k" = 'automerge'"""));

        var tags = await RowsAsync(db, """SELECT "FeedbackItemId", "ThemeId" FROM "FeedbackThemes" ORDER BY 1, 2""");
        var counts = await KeptCountsAsync(db);
        Assert.NotEmpty(tags);
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var rule in await ThemeTagging.ActiveRulesAsync(db, CancellationToken.None))
        {
            await ThemeTagging.TagAllAsync(db, transaction.GetDbTransaction(), rule, throughIndex: true, CancellationToken.None);
        }
        await db.Database.ExecuteSqlRawAsync(FeedbackDayCounts.SqliteRebuildSql + ThemeDayCounts.SqliteRebuildSql + TileCounts.SqliteRebuildSql);

        Assert.Equal(tags, await RowsAsync(db, """SELECT "FeedbackItemId", "ThemeId" FROM "FeedbackThemes" ORDER BY 1, 2"""));
        Assert.Equal(counts, await KeptCountsAsync(db));
    }

    /// <summary>Every index and trigger, as SQLite keeps their definitions.</summary>
    private static async Task<List<string>> SchemaAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        return await RowsAsync(db, """SELECT "type", "name", "tbl_name", "sql" FROM "sqlite_master" WHERE "type" IN ('index', 'trigger') ORDER BY "name" """);
    }

    private static async Task<List<string>> KeptCountsAsync(CxDbContext db)
    {
        var rows = new List<string>();
        foreach (var table in KeptCounts)
        {
            rows.AddRange((await RowsAsync(db, "SELECT * FROM \"" + table + "\"")).Select(row => table + ": " + row));
        }
        rows.Sort(StringComparer.Ordinal);
        Assert.All(KeptCounts, table => Assert.Contains(rows, row => row.StartsWith(table + ": ", StringComparison.Ordinal)));
        return rows;
    }

    private static async Task<List<string>> RowsAsync(CxDbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : reader.GetValue(i).ToString())));
        }
        return rows;
    }
}
