using CxDashboard.Domain.Themes;

namespace CxDashboard.Web.Data;

/// <summary>
/// A theme's rule as the search index's own query (FTS5 MATCH on SQLite, CONTAINS on SQL Server), and the
/// set-based statements that tag all stored feedback with a theme through it: one DELETE and one INSERT …
/// SELECT per theme, however many items there are. Every word comes out of the rule's parse, which keeps
/// only letters and digits, so nothing typed in a rule changes a query's shape.
/// </summary>
/// <remarks>
/// SQL Server reads a * in a phrase as a prefix on each of its words, where FTS5 and the in-memory match
/// read it on the last word only; a rule like "arrived lat"* can tag a few more items there.
/// </remarks>
public static class ThemeRuleSql
{
    /// <summary>The FTS5 query for <paramref name="rule"/>, bracketed so that FTS5's precedence cannot regroup it.</summary>
    public static string Fts5(RuleNode rule) => rule switch
    {
        RuleNode.Phrase p => "\"" + string.Join(' ', p.Words) + "\"" + (p.Prefix ? "*" : ""),
        RuleNode.And a => $"({Fts5(a.Left)} AND {Fts5(a.Right)})",
        RuleNode.Or o => $"({Fts5(o.Left)} OR {Fts5(o.Right)})",
        RuleNode.Not n => $"({Fts5(n.Left)} NOT {Fts5(n.Right)})",
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };

    /// <summary>The CONTAINS search condition for <paramref name="rule"/>: SQL Server's NOT is written AND NOT.</summary>
    public static string Contains(RuleNode rule) => rule switch
    {
        RuleNode.Phrase p => "\"" + string.Join(' ', p.Words) + (p.Prefix ? "*" : "") + "\"",
        RuleNode.And a => $"({Contains(a.Left)} AND {Contains(a.Right)})",
        RuleNode.Or o => $"({Contains(o.Left)} OR {Contains(o.Right)})",
        RuleNode.Not n => $"({Contains(n.Left)} AND NOT {Contains(n.Right)})",
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };

    public const string SqliteUntagSql = """DELETE FROM "FeedbackThemes" WHERE "ThemeId" = @theme""";

    /// <summary>Every item whose verbatim the FTS5 index matches: the index is read, never the Feedback rows.</summary>
    public const string SqliteTagSql = """
        INSERT INTO "FeedbackThemes" ("FeedbackItemId", "ThemeId")
        SELECT "rowid", @theme FROM "FeedbackSearch" WHERE "FeedbackSearch" MATCH @match
        """;

    public const string SqlServerUntagSql = "DELETE FROM [FeedbackThemes] WHERE [ThemeId] = @theme";

    public const string SqlServerTagSql = """
        INSERT INTO [FeedbackThemes] ([FeedbackItemId], [ThemeId])
        SELECT [Id], @theme FROM [Feedback] WHERE CONTAINS([Verbatim], @match)
        """;

    /// <summary>How many items a rule matches, for the preview while it is typed.</summary>
    public const string SqliteCountSql = """
        SELECT COUNT(*) AS "Value" FROM (SELECT 1 FROM "FeedbackSearch" WHERE "FeedbackSearch" MATCH @match LIMIT @cap)
        """;

    public const string SqlServerCountSql = """
        SELECT COUNT(*) AS [Value] FROM (SELECT TOP (@cap) 1 AS [One] FROM [Feedback] WHERE CONTAINS([Verbatim], @match)) AS [Matched]
        """;

    /// <summary>The newest items a rule matches, for the preview's examples.</summary>
    public const string SqliteExamplesSql = """
        SELECT "rowid" AS "Value" FROM "FeedbackSearch" WHERE "FeedbackSearch" MATCH @match ORDER BY "rowid" DESC LIMIT @cap
        """;

    public const string SqlServerExamplesSql = """
        SELECT TOP (@cap) [Id] AS [Value] FROM [Feedback] WHERE CONTAINS([Verbatim], @match) ORDER BY [Id] DESC
        """;
}
