using CxDashboard.Domain.Feedback;

namespace CxDashboard.Web.Data;

/// <summary>How many feedback items arrived on a day (UTC) by channel, journey stage, sentiment and NPS band.</summary>
/// <remarks>A stage of 0 is "no stage"; an NPS band of 0 is "no answer on the NPS scale".</remarks>
public sealed class FeedbackDayFigure
{
    public DateOnly Day { get; init; }
    public int ChannelId { get; init; }
    public int JourneyStageId { get; init; }
    public Sentiment Sentiment { get; init; }
    public int NpsBand { get; init; }
    public long Count { get; init; }
}

/// <summary>How many feedback items a theme tags that arrived on a day (UTC), by channel, journey stage, sentiment and NPS band.</summary>
/// <remarks>A stage of 0 is "no stage"; an NPS band of 0 is "no answer on the NPS scale".</remarks>
public sealed class ThemeDayFigure
{
    public DateOnly Day { get; init; }
    public int ThemeId { get; init; }
    public int ChannelId { get; init; }
    public int JourneyStageId { get; init; }
    public Sentiment Sentiment { get; init; }
    public int NpsBand { get; init; }
    public long Count { get; init; }
}

/// <summary>
/// The themes page's figures counted per day: all feedback (<see cref="FeedbackDayFigure"/>) and each theme's
/// tagged feedback (<see cref="ThemeDayFigure"/>), by what the page filters and counts on. A year is then a
/// few hundred thousand count rows rather than half a million items joined to their tags. As with
/// <see cref="FeedbackDayCounts"/>, the database keeps them right on every write, so no way in can forget
/// them: on SQLite, tables kept by triggers on Feedback and FeedbackThemes (tagging on arrival, re-tagging,
/// a deleted theme's or item's tags, an edited item); on SQL Server, indexed views.
/// </summary>
/// <remarks>
/// SQLite drops a table's triggers with the table: a later migration that makes EF rebuild the Feedback or
/// FeedbackThemes table must run <see cref="SqliteCreateTriggersSql"/> and <see cref="SqliteRebuildSql"/> again.
/// </remarks>
public static class ThemeDayCounts
{
    public const string FeedbackName = "FeedbackDailyFigures";
    public const string ThemesName = "ThemeDailyFigures";

    // The NPS scale is ScoreScale.Nps (1); bands are 1-3, so 0 can stand for "none" in a key SQLite compares with '='.
    private const string NewBand = """CASE WHEN new."ScoreScale" = 1 THEN COALESCE(new."ScoreBand", 0) ELSE 0 END""";
    private const string NewKey = $"""substr(new."ReceivedAt", 1, 10), new."ChannelId", COALESCE(new."JourneyStageId", 0), new."Sentiment", {NewBand}""";
    private const string OldBand = """CASE WHEN old."ScoreScale" = 1 THEN COALESCE(old."ScoreBand", 0) ELSE 0 END""";
    private const string OldKey = $"""substr(old."ReceivedAt", 1, 10), old."ChannelId", COALESCE(old."JourneyStageId", 0), old."Sentiment", {OldBand}""";
    private const string RowBand = """CASE WHEN f."ScoreScale" = 1 THEN COALESCE(f."ScoreBand", 0) ELSE 0 END""";
    private const string RowKey = $"""substr(f."ReceivedAt", 1, 10), f."ChannelId", COALESCE(f."JourneyStageId", 0), f."Sentiment", {RowBand}""";
    private const string OldMatches = $"""("Day", "ChannelId", "JourneyStageId", "Sentiment", "NpsBand") = ({OldKey})""";

    private const string AddNewItem = $"""
            INSERT INTO "FeedbackDailyFigures" ("Day", "ChannelId", "JourneyStageId", "Sentiment", "NpsBand", "Count")
            VALUES ({NewKey}, 1)
            ON CONFLICT DO UPDATE SET "Count" = "Count" + 1;
        """;

    private const string RemoveOldItem = $"""
            UPDATE "FeedbackDailyFigures" SET "Count" = "Count" - 1 WHERE {OldMatches};
            DELETE FROM "FeedbackDailyFigures" WHERE {OldMatches} AND "Count" <= 0;
        """;

    // An edited item moves each of its tags from the old day, channel, stage, sentiment or band to the new.
    private const string MoveTags = $"""
            UPDATE "ThemeDailyFigures" SET "Count" = "Count" - 1
            WHERE {OldMatches} AND "ThemeId" IN (SELECT "ThemeId" FROM "FeedbackThemes" WHERE "FeedbackItemId" = old."Id");
            DELETE FROM "ThemeDailyFigures"
            WHERE {OldMatches} AND "ThemeId" IN (SELECT "ThemeId" FROM "FeedbackThemes" WHERE "FeedbackItemId" = old."Id") AND "Count" <= 0;
            INSERT INTO "ThemeDailyFigures" ("Day", "ThemeId", "ChannelId", "JourneyStageId", "Sentiment", "NpsBand", "Count")
            SELECT substr(new."ReceivedAt", 1, 10), l."ThemeId", new."ChannelId", COALESCE(new."JourneyStageId", 0), new."Sentiment", {NewBand}, 1
            FROM "FeedbackThemes" AS l WHERE l."FeedbackItemId" = new."Id"
            ON CONFLICT DO UPDATE SET "Count" = "Count" + 1;
        """;

    private const string TagMatches = $"""
        ("Day", "ThemeId", "ChannelId", "JourneyStageId", "Sentiment", "NpsBand") =
            (SELECT substr(f."ReceivedAt", 1, 10), old."ThemeId", f."ChannelId", COALESCE(f."JourneyStageId", 0), f."Sentiment", {RowBand}
             FROM "Feedback" AS f WHERE f."Id" = old."FeedbackItemId")
        """;

    public const string SqliteCreateTriggersSql = $"""
        CREATE TRIGGER "Feedback_Figures_Insert" AFTER INSERT ON "Feedback" BEGIN
        {AddNewItem}
        END;
        CREATE TRIGGER "Feedback_Figures_Update" AFTER UPDATE OF "ReceivedAt", "ChannelId", "JourneyStageId", "Sentiment", "ScoreScale", "ScoreBand" ON "Feedback" BEGIN
        {RemoveOldItem}
        {AddNewItem}
        {MoveTags}
        END;
        CREATE TRIGGER "Feedback_Figures_Delete" BEFORE DELETE ON "Feedback" BEGIN
            DELETE FROM "FeedbackThemes" WHERE "FeedbackItemId" = old."Id";
        {RemoveOldItem}
        END;
        CREATE TRIGGER "FeedbackThemes_Figures_Insert" AFTER INSERT ON "FeedbackThemes" BEGIN
            INSERT INTO "ThemeDailyFigures" ("Day", "ThemeId", "ChannelId", "JourneyStageId", "Sentiment", "NpsBand", "Count")
            SELECT substr(f."ReceivedAt", 1, 10), new."ThemeId", f."ChannelId", COALESCE(f."JourneyStageId", 0), f."Sentiment", {RowBand}, 1
            FROM "Feedback" AS f WHERE f."Id" = new."FeedbackItemId"
            ON CONFLICT DO UPDATE SET "Count" = "Count" + 1;
        END;
        CREATE TRIGGER "FeedbackThemes_Figures_Delete" AFTER DELETE ON "FeedbackThemes" BEGIN
            UPDATE "ThemeDailyFigures" SET "Count" = "Count" - 1 WHERE {TagMatches};
            DELETE FROM "ThemeDailyFigures" WHERE {TagMatches} AND "Count" <= 0;
        END;
        """;

    public const string SqliteDropTriggersSql = """
        DROP TRIGGER IF EXISTS "Feedback_Figures_Insert";
        DROP TRIGGER IF EXISTS "Feedback_Figures_Update";
        DROP TRIGGER IF EXISTS "Feedback_Figures_Delete";
        DROP TRIGGER IF EXISTS "FeedbackThemes_Figures_Insert";
        DROP TRIGGER IF EXISTS "FeedbackThemes_Figures_Delete";
        """;

    /// <summary>Counts everything afresh from Feedback and FeedbackThemes: one pass each, far faster than a trigger per row for a bulk load.</summary>
    public const string SqliteRebuildSql = $"""
        DELETE FROM "FeedbackDailyFigures";
        INSERT INTO "FeedbackDailyFigures" ("Day", "ChannelId", "JourneyStageId", "Sentiment", "NpsBand", "Count")
        SELECT {RowKey}, COUNT(*) FROM "Feedback" AS f GROUP BY 1, 2, 3, 4, 5;
        DELETE FROM "ThemeDailyFigures";
        INSERT INTO "ThemeDailyFigures" ("Day", "ThemeId", "ChannelId", "JourneyStageId", "Sentiment", "NpsBand", "Count")
        SELECT substr(f."ReceivedAt", 1, 10), l."ThemeId", f."ChannelId", COALESCE(f."JourneyStageId", 0), f."Sentiment", {RowBand}, COUNT(*)
        FROM "FeedbackThemes" AS l JOIN "Feedback" AS f ON f."Id" = l."FeedbackItemId"
        GROUP BY 1, 2, 3, 4, 5, 6;
        """;

    // As FeedbackDayCounts' views: schema-bound, two-part names, COUNT_BIG, a unique clustered index, each
    // created through EXEC so that it has a batch of its own inside the idempotent script's IFs.
    public const string SqlServerCreateFeedbackViewSql = """
        EXEC(N'CREATE VIEW [dbo].[FeedbackDailyFigures] WITH SCHEMABINDING AS
        SELECT CAST([ReceivedAt] AS date) AS [Day], [ChannelId], ISNULL([JourneyStageId], 0) AS [JourneyStageId], [Sentiment],
            CASE WHEN [ScoreScale] = 1 THEN ISNULL([ScoreBand], 0) ELSE 0 END AS [NpsBand], COUNT_BIG(*) AS [Count]
        FROM [dbo].[Feedback]
        GROUP BY CAST([ReceivedAt] AS date), [ChannelId], ISNULL([JourneyStageId], 0), [Sentiment],
            CASE WHEN [ScoreScale] = 1 THEN ISNULL([ScoreBand], 0) ELSE 0 END');
        """;

    public const string SqlServerIndexFeedbackViewSql = """
        CREATE UNIQUE CLUSTERED INDEX [IX_FeedbackDailyFigures] ON [dbo].[FeedbackDailyFigures] ([Day], [ChannelId], [JourneyStageId], [Sentiment], [NpsBand]);
        """;

    public const string SqlServerCreateThemesViewSql = """
        EXEC(N'CREATE VIEW [dbo].[ThemeDailyFigures] WITH SCHEMABINDING AS
        SELECT CAST(f.[ReceivedAt] AS date) AS [Day], l.[ThemeId], f.[ChannelId], ISNULL(f.[JourneyStageId], 0) AS [JourneyStageId], f.[Sentiment],
            CASE WHEN f.[ScoreScale] = 1 THEN ISNULL(f.[ScoreBand], 0) ELSE 0 END AS [NpsBand], COUNT_BIG(*) AS [Count]
        FROM [dbo].[FeedbackThemes] AS l
        JOIN [dbo].[Feedback] AS f ON f.[Id] = l.[FeedbackItemId]
        GROUP BY CAST(f.[ReceivedAt] AS date), l.[ThemeId], f.[ChannelId], ISNULL(f.[JourneyStageId], 0), f.[Sentiment],
            CASE WHEN f.[ScoreScale] = 1 THEN ISNULL(f.[ScoreBand], 0) ELSE 0 END');
        """;

    public const string SqlServerIndexThemesViewSql = """
        CREATE UNIQUE CLUSTERED INDEX [IX_ThemeDailyFigures] ON [dbo].[ThemeDailyFigures] ([Day], [ThemeId], [ChannelId], [JourneyStageId], [Sentiment], [NpsBand]);
        """;

    public const string SqlServerDropViewsSql = """
        DROP VIEW IF EXISTS [dbo].[ThemeDailyFigures];
        DROP VIEW IF EXISTS [dbo].[FeedbackDailyFigures];
        """;

    public const string SqlServerFeedbackQuery =
        "SELECT [Day], [ChannelId], [JourneyStageId], [Sentiment], [NpsBand], [Count] FROM [dbo].[FeedbackDailyFigures] WITH (NOEXPAND)";

    public const string SqlServerThemesQuery =
        "SELECT [Day], [ThemeId], [ChannelId], [JourneyStageId], [Sentiment], [NpsBand], [Count] FROM [dbo].[ThemeDailyFigures] WITH (NOEXPAND)";
}
