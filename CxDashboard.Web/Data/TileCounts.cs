using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Friction;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Data;

/// <summary>
/// The counts behind the home tiles "overdue actions" and "open friction issues": actions counted per status and due
/// date, friction issues per status. Counting the rows themselves reads every open action or issue (SQLite and SQL
/// Server both read each index entry they count), so it grows with the data; these are a few thousand rows at most (the
/// statuses × the due dates in use) whatever the volume. The database keeps them right in the same transaction as every
/// insert, edit and delete of an action or issue, so they are exact under concurrent edits, from any instance and from
/// any write path (a bulk import, a seed, an erasure) — which neither a count kept by the app nor a cache can promise:
/// on SQLite, tables kept by triggers; on SQL Server, indexed views, which the server maintains itself.
/// </summary>
/// <remarks>
/// SQLite drops a table's triggers with the table: a later migration that makes EF rebuild the Actions or FrictionIssues
/// table must run <see cref="SqliteCreateTriggersSql"/> and <see cref="SqliteRebuildSql"/> again. On SQL Server the views
/// are schema-bound: a migration that alters the columns they read must drop them first and create them again.
/// </remarks>
public static class TileCounts
{
    public const string ActionsName = "ActionDueCounts";
    public const string FrictionName = "FrictionStatusCounts";

    public const string SqliteCreateTablesSql = """
        CREATE TABLE "ActionDueCounts" (
            "Status" INTEGER NOT NULL,
            "DueDate" TEXT NOT NULL,
            "Count" INTEGER NOT NULL,
            CONSTRAINT "PK_ActionDueCounts" PRIMARY KEY ("Status", "DueDate")
        ) WITHOUT ROWID;
        CREATE TABLE "FrictionStatusCounts" (
            "Status" INTEGER NOT NULL CONSTRAINT "PK_FrictionStatusCounts" PRIMARY KEY,
            "Count" INTEGER NOT NULL
        );
        """;

    private const string AddNewAction = """
            INSERT INTO "ActionDueCounts" ("Status", "DueDate", "Count") VALUES (new."Status", new."DueDate", 1)
            ON CONFLICT DO UPDATE SET "Count" = "Count" + 1;
        """;

    private const string RemoveOldAction = """
            UPDATE "ActionDueCounts" SET "Count" = "Count" - 1 WHERE "Status" = old."Status" AND "DueDate" = old."DueDate";
            DELETE FROM "ActionDueCounts" WHERE "Status" = old."Status" AND "DueDate" = old."DueDate" AND "Count" <= 0;
        """;

    private const string AddNewIssue = """
            INSERT INTO "FrictionStatusCounts" ("Status", "Count") VALUES (new."Status", 1)
            ON CONFLICT DO UPDATE SET "Count" = "Count" + 1;
        """;

    private const string RemoveOldIssue = """
            UPDATE "FrictionStatusCounts" SET "Count" = "Count" - 1 WHERE "Status" = old."Status";
            DELETE FROM "FrictionStatusCounts" WHERE "Status" = old."Status" AND "Count" <= 0;
        """;

    public const string SqliteCreateTriggersSql = $"""
        CREATE TRIGGER "Actions_DueCounts_Insert" AFTER INSERT ON "Actions" BEGIN
        {AddNewAction}
        END;
        CREATE TRIGGER "Actions_DueCounts_Delete" AFTER DELETE ON "Actions" BEGIN
        {RemoveOldAction}
        END;
        CREATE TRIGGER "Actions_DueCounts_Update" AFTER UPDATE OF "Status", "DueDate" ON "Actions" BEGIN
        {RemoveOldAction}
        {AddNewAction}
        END;
        CREATE TRIGGER "FrictionIssues_StatusCounts_Insert" AFTER INSERT ON "FrictionIssues" BEGIN
        {AddNewIssue}
        END;
        CREATE TRIGGER "FrictionIssues_StatusCounts_Delete" AFTER DELETE ON "FrictionIssues" BEGIN
        {RemoveOldIssue}
        END;
        CREATE TRIGGER "FrictionIssues_StatusCounts_Update" AFTER UPDATE OF "Status" ON "FrictionIssues" BEGIN
        {RemoveOldIssue}
        {AddNewIssue}
        END;
        """;

    public const string SqliteDropTriggersSql = """
        DROP TRIGGER IF EXISTS "Actions_DueCounts_Insert";
        DROP TRIGGER IF EXISTS "Actions_DueCounts_Delete";
        DROP TRIGGER IF EXISTS "Actions_DueCounts_Update";
        DROP TRIGGER IF EXISTS "FrictionIssues_StatusCounts_Insert";
        DROP TRIGGER IF EXISTS "FrictionIssues_StatusCounts_Delete";
        DROP TRIGGER IF EXISTS "FrictionIssues_StatusCounts_Update";
        """;

    /// <summary>Counts everything afresh from the tables: one pass, far faster than a trigger per row for a bulk load.</summary>
    public const string SqliteRebuildSql = """
        DELETE FROM "ActionDueCounts";
        INSERT INTO "ActionDueCounts" ("Status", "DueDate", "Count")
        SELECT "Status", "DueDate", COUNT(*) FROM "Actions" GROUP BY "Status", "DueDate";
        DELETE FROM "FrictionStatusCounts";
        INSERT INTO "FrictionStatusCounts" ("Status", "Count")
        SELECT "Status", COUNT(*) FROM "FrictionIssues" GROUP BY "Status";
        """;

    public const string SqliteDropTablesSql = """
        DROP TABLE IF EXISTS "ActionDueCounts";
        DROP TABLE IF EXISTS "FrictionStatusCounts";
        """;

    // As FeedbackDayCounts: schema-bound, COUNT_BIG, a unique clustered index, each view created through EXEC so that
    // CREATE VIEW is the first statement of its batch inside the idempotent script's IF.
    public const string SqlServerCreateViewsSql = """
        EXEC(N'CREATE VIEW [dbo].[ActionDueCounts] WITH SCHEMABINDING AS
        SELECT [Status], [DueDate], COUNT_BIG(*) AS [Count]
        FROM [dbo].[Actions]
        GROUP BY [Status], [DueDate]');
        EXEC(N'CREATE VIEW [dbo].[FrictionStatusCounts] WITH SCHEMABINDING AS
        SELECT [Status], COUNT_BIG(*) AS [Count]
        FROM [dbo].[FrictionIssues]
        GROUP BY [Status]');
        """;

    public const string SqlServerIndexViewsSql = """
        CREATE UNIQUE CLUSTERED INDEX [IX_ActionDueCounts] ON [dbo].[ActionDueCounts] ([Status], [DueDate]);
        CREATE UNIQUE CLUSTERED INDEX [IX_FrictionStatusCounts] ON [dbo].[FrictionStatusCounts] ([Status]);
        """;

    public const string SqlServerDropViewsSql = """
        DROP VIEW IF EXISTS [dbo].[ActionDueCounts];
        DROP VIEW IF EXISTS [dbo].[FrictionStatusCounts];
        """;

    /// <summary>Open actions (not done, not cancelled) whose due date is before <paramref name="today"/>.</summary>
    public static async Task<int> OverdueActionsAsync(CxDbContext db, DateOnly today, CancellationToken cancellationToken = default)
    {
        var (done, cancelled) = ((int)ActionStatus.Done, (int)ActionStatus.Cancelled);
        var sums = db.Database.IsSqlite()
            ? await db.Database.SqlQuery<long>($"""
                SELECT COALESCE(SUM("Count"), 0) AS "Value" FROM "ActionDueCounts"
                WHERE "Status" NOT IN ({done}, {cancelled}) AND "DueDate" < {today}
                """).ToListAsync(cancellationToken)
            : await db.Database.SqlQuery<long>($"""
                SELECT COALESCE(SUM([Count]), 0) AS [Value] FROM [dbo].[ActionDueCounts] WITH (NOEXPAND)
                WHERE [Status] NOT IN ({done}, {cancelled}) AND [DueDate] < {today}
                """).ToListAsync(cancellationToken);
        return (int)sums.Single();
    }

    /// <summary>How many friction issues are in each status; a status with none is left out.</summary>
    public static async Task<Dictionary<FrictionStatus, int>> FrictionIssuesByStatusAsync(CxDbContext db, CancellationToken cancellationToken = default)
    {
        var counts = db.Database.IsSqlite()
            ? db.Database.SqlQuery<StatusCount>($"""
                SELECT "Status", "Count" FROM "FrictionStatusCounts"
                """)
            : db.Database.SqlQuery<StatusCount>($"""
                SELECT [Status], [Count] FROM [dbo].[FrictionStatusCounts] WITH (NOEXPAND)
                """);
        return await counts.Where(c => c.Count > 0).ToDictionaryAsync(c => (FrictionStatus)c.Status, c => (int)c.Count, cancellationToken);
    }

    private sealed class StatusCount
    {
        public int Status { get; init; }
        public long Count { get; init; }
    }

    /// <summary>Friction issues neither closed nor won't-fix.</summary>
    public static async Task<int> OpenFrictionIssuesAsync(CxDbContext db, CancellationToken cancellationToken = default)
    {
        var (closed, wontFix) = ((int)FrictionStatus.Closed, (int)FrictionStatus.WontFix);
        var sums = db.Database.IsSqlite()
            ? await db.Database.SqlQuery<long>($"""
                SELECT COALESCE(SUM("Count"), 0) AS "Value" FROM "FrictionStatusCounts" WHERE "Status" NOT IN ({closed}, {wontFix})
                """).ToListAsync(cancellationToken)
            : await db.Database.SqlQuery<long>($"""
                SELECT COALESCE(SUM([Count]), 0) AS [Value] FROM [dbo].[FrictionStatusCounts] WITH (NOEXPAND) WHERE [Status] NOT IN ({closed}, {wontFix})
                """).ToListAsync(cancellationToken);
        return (int)sums.Single();
    }
}
