namespace CxDashboard.Web.Data;

/// <summary>
/// The SQLite full-text index of what customers said: an FTS5 table over Feedback.Verbatim that keeps
/// no copy of the text (external content) and is kept in step by triggers, so every insert, edit,
/// erasure and delete is reflected without the app doing anything. Words are matched case- and
/// accent-insensitively (unicode61, diacritics removed). SQL Server's counterpart, where the server has
/// Full-Text Search, is <see cref="SqlServerSearchIndex"/>.
/// </summary>
/// <remarks>
/// SQLite drops a table's triggers with the table: a later migration that makes EF rebuild the
/// Feedback table must run <see cref="CreateTriggersSql"/> and <see cref="RebuildSql"/> again.
/// </remarks>
public static class FeedbackSearchIndex
{
    public const string Table = "FeedbackSearch";

    /// <summary>
    /// Besides each word, the index keeps its first 2, 3 and 4 letters: a short search term that begins
    /// most words ("the", "de") can then be checked row by row at once, where otherwise SQLite would merge
    /// the lists of every word it begins for each row it checks.
    /// </summary>
    public const string CreateTableSql = """
        CREATE VIRTUAL TABLE "FeedbackSearch" USING fts5(
            "Verbatim", content='Feedback', content_rowid='Id', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4');
        """;

    /// <summary>The longest search term the index keeps as a prefix of its own (see <see cref="CreateTableSql"/>).</summary>
    public const int LongestIndexedPrefix = 4;

    public const string CreateTriggersSql = """
        CREATE TRIGGER "Feedback_Search_Insert" AFTER INSERT ON "Feedback" BEGIN
            INSERT INTO "FeedbackSearch" (rowid, "Verbatim") VALUES (new."Id", new."Verbatim");
        END;
        CREATE TRIGGER "Feedback_Search_Delete" AFTER DELETE ON "Feedback" BEGIN
            INSERT INTO "FeedbackSearch" ("FeedbackSearch", rowid, "Verbatim") VALUES ('delete', old."Id", old."Verbatim");
        END;
        CREATE TRIGGER "Feedback_Search_Update" AFTER UPDATE OF "Verbatim" ON "Feedback" BEGIN
            INSERT INTO "FeedbackSearch" ("FeedbackSearch", rowid, "Verbatim") VALUES ('delete', old."Id", old."Verbatim");
            INSERT INTO "FeedbackSearch" (rowid, "Verbatim") VALUES (new."Id", new."Verbatim");
        END;
        """;

    public const string DropTriggersSql = """
        DROP TRIGGER IF EXISTS "Feedback_Search_Insert";
        DROP TRIGGER IF EXISTS "Feedback_Search_Delete";
        DROP TRIGGER IF EXISTS "Feedback_Search_Update";
        """;

    /// <summary>Builds the index afresh from the Feedback table: one pass, far faster than a trigger per row for a bulk load.</summary>
    public const string RebuildSql = """INSERT INTO "FeedbackSearch" ("FeedbackSearch") VALUES ('rebuild');""";

    /// <summary>
    /// <see cref="RebuildSql"/> for a bulk load, building the index as one segment: merging the segments as they are
    /// written (FTS5's 'automerge') is most of a rebuild's work and grows faster than the rows; with it off, the index
    /// is written as it comes and merged once at the end ('optimize'), then automerge is set back to FTS5's default (4).
    /// </summary>
    public const string RebuildForBulkLoadSql = """
        INSERT INTO "FeedbackSearch" ("FeedbackSearch", rank) VALUES ('automerge', 0);
        INSERT INTO "FeedbackSearch" ("FeedbackSearch") VALUES ('rebuild');
        INSERT INTO "FeedbackSearch" ("FeedbackSearch") VALUES ('optimize');
        INSERT INTO "FeedbackSearch" ("FeedbackSearch", rank) VALUES ('automerge', 4);
        """;

    /// <summary>
    /// Makes every later removal from the index (an edit, an erasure) take the words out of the index's
    /// own pages, where by default they would stay, marked deleted, until the pages are next merged. The
    /// setting is kept in the database.
    /// </summary>
    public const string SecureDeleteSql = """INSERT INTO "FeedbackSearch" ("FeedbackSearch", rank) VALUES ('secure-delete', 1);""";

    public const string DropTableSql = """DROP TABLE IF EXISTS "FeedbackSearch";""";

    /// <summary>
    /// The FTS5 query for what someone typed in the search box: every word must appear, each as the
    /// beginning of a word. Each word is quoted (inner quotes doubled), so operators, brackets and
    /// asterisks are searched as text and never make the query invalid. Null when nothing searchable
    /// was typed (only punctuation, which the tokenizer ignores).
    /// </summary>
    public static string? MatchQuery(string text)
    {
        var terms = Terms(text);
        return terms.Count == 0
            ? null
            : string.Join(" AND ", terms.Select(term => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"*"));
    }

    /// <summary>
    /// Whether every term of the search is a short word the index keeps as a prefix of its own, so that
    /// checking one row against the search costs a lookup rather than a merge.
    /// </summary>
    public static bool HasOnlyIndexedPrefixes(string text) =>
        Terms(text) is { Count: > 0 } terms
        && terms.All(term => term.Length is >= 2 and <= LongestIndexedPrefix && term.All(char.IsLetterOrDigit));

    /// <summary>The typed words the search looks for: what lies between spaces, where it holds a letter or digit.</summary>
    internal static List<string> Terms(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(term => term.Any(char.IsLetterOrDigit)).ToList();
}
