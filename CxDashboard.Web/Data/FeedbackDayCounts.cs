using CxDashboard.Domain.Feedback;

namespace CxDashboard.Web.Data;

/// <summary>How many feedback items a channel received on a day (UTC) with a sentiment.</summary>
public sealed class FeedbackDayVolume
{
    public DateOnly Day { get; init; }
    public int ChannelId { get; init; }
    public Sentiment Sentiment { get; init; }
    public long Count { get; init; }
}

/// <summary>How many customers gave a channel a score on a scale on a day (UTC).</summary>
public sealed class FeedbackDayScore
{
    public DateOnly Day { get; init; }
    public int ChannelId { get; init; }
    public ScoreScale ScoreScale { get; init; }
    public int Score { get; init; }
    public long Count { get; init; }
}

/// <summary>
/// The feedback counted per day: by channel and sentiment (<see cref="FeedbackDayVolume"/>) and by channel,
/// scale and score (<see cref="FeedbackDayScore"/>). The dashboard's chart and the NPS, CSAT and CES worked
/// out from scores read these instead of the feedback itself, so a year is a few thousand rows rather than
/// half a million. The database keeps them right on every insert, edit and delete of feedback, so no code
/// path can forget them: on SQLite, tables kept by triggers; on SQL Server, indexed views (which the
/// server maintains itself, read with NOEXPAND so that every edition uses their index).
/// </summary>
/// <remarks>
/// SQLite drops a table's triggers with the table: a later migration that makes EF rebuild the Feedback
/// table must run <see cref="SqliteCreateTriggersSql"/> and <see cref="SqliteRebuildSql"/> again.
/// </remarks>
public static class FeedbackDayCounts
{
    public const string VolumeName = "FeedbackDailyVolume";
    public const string ScoresName = "FeedbackDailyScores";

    // A day is the first ten characters of the stored UTC time ('yyyy-MM-dd HH:mm:ss…'), as EF Core stores a DateOnly.
    private const string NewDay = """substr(new."ReceivedAt", 1, 10)""";
    private const string OldDay = """substr(old."ReceivedAt", 1, 10)""";

    private const string AddNew = $"""
            INSERT INTO "FeedbackDailyVolume" ("Day", "ChannelId", "Sentiment", "Count")
            VALUES ({NewDay}, new."ChannelId", new."Sentiment", 1)
            ON CONFLICT DO UPDATE SET "Count" = "Count" + 1;
            INSERT INTO "FeedbackDailyScores" ("Day", "ChannelId", "ScoreScale", "Score", "Count")
            SELECT {NewDay}, new."ChannelId", new."ScoreScale", new."Score", 1
            WHERE new."ScoreScale" IS NOT NULL AND new."Score" IS NOT NULL
            ON CONFLICT DO UPDATE SET "Count" = "Count" + 1;
        """;

    private const string RemoveOld = $"""
            UPDATE "FeedbackDailyVolume" SET "Count" = "Count" - 1
            WHERE "Day" = {OldDay} AND "ChannelId" = old."ChannelId" AND "Sentiment" = old."Sentiment";
            DELETE FROM "FeedbackDailyVolume"
            WHERE "Day" = {OldDay} AND "ChannelId" = old."ChannelId" AND "Sentiment" = old."Sentiment" AND "Count" <= 0;
            UPDATE "FeedbackDailyScores" SET "Count" = "Count" - 1
            WHERE "ScoreScale" = old."ScoreScale" AND "Day" = {OldDay} AND "ChannelId" = old."ChannelId" AND "Score" = old."Score";
            DELETE FROM "FeedbackDailyScores"
            WHERE "ScoreScale" = old."ScoreScale" AND "Day" = {OldDay} AND "ChannelId" = old."ChannelId" AND "Score" = old."Score" AND "Count" <= 0;
        """;

    public const string SqliteCreateTriggersSql = $"""
        CREATE TRIGGER "Feedback_Daily_Insert" AFTER INSERT ON "Feedback" BEGIN
        {AddNew}
        END;
        CREATE TRIGGER "Feedback_Daily_Delete" AFTER DELETE ON "Feedback" BEGIN
        {RemoveOld}
        END;
        CREATE TRIGGER "Feedback_Daily_Update" AFTER UPDATE OF "ReceivedAt", "ChannelId", "Sentiment", "ScoreScale", "Score" ON "Feedback" BEGIN
        {RemoveOld}
        {AddNew}
        END;
        """;

    public const string SqliteDropTriggersSql = """
        DROP TRIGGER IF EXISTS "Feedback_Daily_Insert";
        DROP TRIGGER IF EXISTS "Feedback_Daily_Delete";
        DROP TRIGGER IF EXISTS "Feedback_Daily_Update";
        """;

    /// <summary>Counts everything afresh from the Feedback table: one pass, far faster than a trigger per row for a bulk load.</summary>
    public const string SqliteRebuildSql = """
        DELETE FROM "FeedbackDailyVolume";
        INSERT INTO "FeedbackDailyVolume" ("Day", "ChannelId", "Sentiment", "Count")
        SELECT substr("ReceivedAt", 1, 10), "ChannelId", "Sentiment", COUNT(*)
        FROM "Feedback"
        GROUP BY substr("ReceivedAt", 1, 10), "ChannelId", "Sentiment";
        DELETE FROM "FeedbackDailyScores";
        INSERT INTO "FeedbackDailyScores" ("Day", "ChannelId", "ScoreScale", "Score", "Count")
        SELECT substr("ReceivedAt", 1, 10), "ChannelId", "ScoreScale", "Score", COUNT(*)
        FROM "Feedback"
        WHERE "ScoreScale" IS NOT NULL AND "Score" IS NOT NULL
        GROUP BY substr("ReceivedAt", 1, 10), "ChannelId", "ScoreScale", "Score";
        """;

    // An indexed view must be schema-bound, name its tables with their schema, count with COUNT_BIG and
    // have a unique clustered index; SQL Server then keeps it in step with every write to Feedback.
    //
    // CREATE VIEW must be the first statement of its batch, and an idempotent migration script puts every
    // statement inside an IF: so each view is created through EXEC, which gives it a batch of its own.
    public const string SqlServerCreateVolumeViewSql = """
        EXEC(N'CREATE VIEW [dbo].[FeedbackDailyVolume] WITH SCHEMABINDING AS
        SELECT CAST([ReceivedAt] AS date) AS [Day], [ChannelId], [Sentiment], COUNT_BIG(*) AS [Count]
        FROM [dbo].[Feedback]
        GROUP BY CAST([ReceivedAt] AS date), [ChannelId], [Sentiment]');
        """;

    public const string SqlServerIndexVolumeViewSql = """
        CREATE UNIQUE CLUSTERED INDEX [IX_FeedbackDailyVolume] ON [dbo].[FeedbackDailyVolume] ([Day], [ChannelId], [Sentiment]);
        """;

    public const string SqlServerCreateScoresViewSql = """
        EXEC(N'CREATE VIEW [dbo].[FeedbackDailyScores] WITH SCHEMABINDING AS
        SELECT CAST([ReceivedAt] AS date) AS [Day], [ChannelId], [ScoreScale], [Score], COUNT_BIG(*) AS [Count]
        FROM [dbo].[Feedback]
        WHERE [ScoreScale] IS NOT NULL AND [Score] IS NOT NULL
        GROUP BY CAST([ReceivedAt] AS date), [ChannelId], [ScoreScale], [Score]');
        """;

    public const string SqlServerIndexScoresViewSql = """
        CREATE UNIQUE CLUSTERED INDEX [IX_FeedbackDailyScores] ON [dbo].[FeedbackDailyScores] ([ScoreScale], [Day], [ChannelId], [Score]);
        """;

    public const string SqlServerDropViewsSql = """
        DROP VIEW IF EXISTS [dbo].[FeedbackDailyScores];
        DROP VIEW IF EXISTS [dbo].[FeedbackDailyVolume];
        """;

    /// <summary>How EF Core reads the views on SQL Server: NOEXPAND makes every edition use the view's own index.</summary>
    public const string SqlServerVolumeQuery =
        "SELECT [Day], [ChannelId], [Sentiment], [Count] FROM [dbo].[FeedbackDailyVolume] WITH (NOEXPAND)";

    public const string SqlServerScoresQuery =
        "SELECT [Day], [ChannelId], [ScoreScale], [Score], [Count] FROM [dbo].[FeedbackDailyScores] WITH (NOEXPAND)";
}
