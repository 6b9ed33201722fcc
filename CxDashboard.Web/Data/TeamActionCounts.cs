using CxDashboard.Domain.Actions;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Data;

/// <summary>
/// Actions counted per status, due date and team, for the dashboard's overdue actions per team. Grouping the rows
/// reads every open action past its date (600,000 at 10,000,000 feedback items); these are the statuses × due dates
/// × teams in use, whatever the volume. Kept by the database in the same transaction as every write, as
/// <see cref="TileCounts"/> (whose counts have no team): on SQLite a table kept by triggers, on SQL Server an indexed view.
/// </summary>
/// <remarks>
/// SQLite drops a table's triggers with the table: a later migration that makes EF rebuild the Actions table must run
/// <see cref="SqliteCreateTriggersSql"/> and <see cref="SqliteRebuildSql"/> again.
/// </remarks>
public static class TeamActionCounts
{
    public const string Name = "ActionTeamDueCounts";

    public const string SqliteCreateTableSql = """
        CREATE TABLE "ActionTeamDueCounts" (
            "Status" INTEGER NOT NULL,
            "DueDate" TEXT NOT NULL,
            "TeamId" INTEGER NOT NULL,
            "Count" INTEGER NOT NULL,
            CONSTRAINT "PK_ActionTeamDueCounts" PRIMARY KEY ("Status", "DueDate", "TeamId")
        ) WITHOUT ROWID;
        """;

    private const string AddNew = """
            INSERT INTO "ActionTeamDueCounts" ("Status", "DueDate", "TeamId", "Count") VALUES (new."Status", new."DueDate", new."TeamId", 1)
            ON CONFLICT DO UPDATE SET "Count" = "Count" + 1;
        """;

    private const string RemoveOld = """
            UPDATE "ActionTeamDueCounts" SET "Count" = "Count" - 1
            WHERE "Status" = old."Status" AND "DueDate" = old."DueDate" AND "TeamId" = old."TeamId";
            DELETE FROM "ActionTeamDueCounts"
            WHERE "Status" = old."Status" AND "DueDate" = old."DueDate" AND "TeamId" = old."TeamId" AND "Count" <= 0;
        """;

    public const string SqliteCreateTriggersSql = $"""
        CREATE TRIGGER "Actions_TeamDueCounts_Insert" AFTER INSERT ON "Actions" BEGIN
        {AddNew}
        END;
        CREATE TRIGGER "Actions_TeamDueCounts_Delete" AFTER DELETE ON "Actions" BEGIN
        {RemoveOld}
        END;
        CREATE TRIGGER "Actions_TeamDueCounts_Update" AFTER UPDATE OF "Status", "DueDate", "TeamId" ON "Actions" BEGIN
        {RemoveOld}
        {AddNew}
        END;
        """;

    public const string SqliteDropTriggersSql = """
        DROP TRIGGER IF EXISTS "Actions_TeamDueCounts_Insert";
        DROP TRIGGER IF EXISTS "Actions_TeamDueCounts_Delete";
        DROP TRIGGER IF EXISTS "Actions_TeamDueCounts_Update";
        """;

    /// <summary>Counts everything afresh from Actions: one pass, far faster than a trigger per row for a bulk load.</summary>
    public const string SqliteRebuildSql = """
        DELETE FROM "ActionTeamDueCounts";
        INSERT INTO "ActionTeamDueCounts" ("Status", "DueDate", "TeamId", "Count")
        SELECT "Status", "DueDate", "TeamId", COUNT(*) FROM "Actions" GROUP BY "Status", "DueDate", "TeamId";
        """;

    public const string SqliteDropTableSql = """
        DROP TABLE IF EXISTS "ActionTeamDueCounts";
        """;

    // As TileCounts' views: schema-bound, COUNT_BIG, a unique clustered index, created through EXEC.
    public const string SqlServerCreateViewSql = """
        EXEC(N'CREATE VIEW [dbo].[ActionTeamDueCounts] WITH SCHEMABINDING AS
        SELECT [Status], [DueDate], [TeamId], COUNT_BIG(*) AS [Count]
        FROM [dbo].[Actions]
        GROUP BY [Status], [DueDate], [TeamId]');
        """;

    public const string SqlServerIndexViewSql = """
        CREATE UNIQUE CLUSTERED INDEX [IX_ActionTeamDueCounts] ON [dbo].[ActionTeamDueCounts] ([Status], [DueDate], [TeamId]);
        """;

    public const string SqlServerDropViewSql = """
        DROP VIEW IF EXISTS [dbo].[ActionTeamDueCounts];
        """;

    /// <summary>Open actions (not done, not cancelled) due before <paramref name="today"/>, per team; a team with none is left out.</summary>
    public static async Task<Dictionary<int, int>> OverdueByTeamAsync(CxDbContext db, DateOnly today, CancellationToken ct)
    {
        var (done, cancelled) = ((int)ActionStatus.Done, (int)ActionStatus.Cancelled);
        var counts = db.Database.IsSqlite()
            ? db.Database.SqlQuery<TeamCount>($"""
                SELECT "TeamId", SUM("Count") AS "Count" FROM "ActionTeamDueCounts"
                WHERE "Status" NOT IN ({done}, {cancelled}) AND "DueDate" < {today}
                GROUP BY "TeamId"
                """)
            : db.Database.SqlQuery<TeamCount>($"""
                SELECT [TeamId], SUM([Count]) AS [Count] FROM [dbo].[ActionTeamDueCounts] WITH (NOEXPAND)
                WHERE [Status] NOT IN ({done}, {cancelled}) AND [DueDate] < {today}
                GROUP BY [TeamId]
                """);
        return await counts.Where(c => c.Count > 0).ToDictionaryAsync(c => c.TeamId, c => (int)c.Count, ct);
    }

    private sealed class TeamCount
    {
        public int TeamId { get; init; }
        public long Count { get; init; }
    }
}
