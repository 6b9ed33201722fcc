using System.Globalization;
using System.Text;
using CxDashboard.Domain.Common;

namespace CxDashboard.Web.Data;

/// <summary>
/// The SQL Server full-text index of what customers said, on servers where Full-Text Search is installed:
/// a catalog and an index on Feedback.Verbatim that SQL Server keeps up to date itself (change tracking
/// AUTO), in the background, so a saved or erased verbatim is reflected in searches seconds later rather
/// than at once. It matches as SQLite's <see cref="FeedbackSearchIndex"/> does: case and accents ignored
/// (the catalog is accent-insensitive), every word indexed (no stoplist, as FTS5 drops none), words split
/// at spaces and punctuation (the language-neutral word breaker: verbatims come in any language, and no
/// stemming is wanted). Where Full-Text Search is not installed the migration creates nothing and the
/// inbox searches with LIKE.
/// </summary>
/// <remarks>
/// SQL Server refuses to alter a column in a full-text index: a later migration that changes
/// Feedback.Verbatim must run <see cref="DropIndexSql"/> before and <see cref="CreateIndexSql"/> after.
/// Full-text DDL cannot run in a transaction, and is run through EXEC so that the script compiles on
/// servers without Full-Text Search.
/// </remarks>
public static class SqlServerSearchIndex
{
    public const string Catalog = "CxDashboardSearch";

    public const string CreateCatalogSql = """
        IF FULLTEXTSERVICEPROPERTY('IsFullTextInstalled') = 1 AND NOT EXISTS (SELECT 1 FROM sys.fulltext_catalogs WHERE name = N'CxDashboardSearch')
            EXEC(N'CREATE FULLTEXT CATALOG [CxDashboardSearch] WITH ACCENT_SENSITIVITY = OFF');
        """;

    public const string CreateIndexSql = """
        IF FULLTEXTSERVICEPROPERTY('IsFullTextInstalled') = 1 AND NOT EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID(N'[dbo].[Feedback]'))
            EXEC(N'CREATE FULLTEXT INDEX ON [dbo].[Feedback] ([Verbatim] LANGUAGE 0) KEY INDEX [PK_Feedback] ON [CxDashboardSearch]
                WITH CHANGE_TRACKING = AUTO, STOPLIST = OFF');
        """;

    public const string DropIndexSql = """
        IF EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID(N'[dbo].[Feedback]'))
            EXEC(N'DROP FULLTEXT INDEX ON [dbo].[Feedback]');
        """;

    public const string DropCatalogSql = """
        IF EXISTS (SELECT 1 FROM sys.fulltext_catalogs WHERE name = N'CxDashboardSearch')
            EXEC(N'DROP FULLTEXT CATALOG [CxDashboardSearch]');
        """;

    /// <summary>1 when the Feedback table has its full-text index, whatever the state of its population; otherwise 0.</summary>
    public const string ExistsSql = """
        SELECT CASE WHEN EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID(N'[dbo].[Feedback]')) THEN 1 ELSE 0 END AS [Value]
        """;

    /// <summary>SQL Server takes a CONTAINS search condition of at most this many characters.</summary>
    public const int LongestCondition = 4000;

    /// <summary>
    /// The CONTAINS search condition for what someone typed in the search box, meaning what
    /// <see cref="FeedbackSearchIndex.MatchQuery"/> means on SQLite: every typed word must appear, each as
    /// the beginning of a word (<c>"refund*" AND "late*"</c>). Operator words (AND, OR, NOT, NEAR) are
    /// searched as words, and quotes, brackets and asterisks as the punctuation they are: each typed word
    /// keeps only the letters and digits FTS5's tokenizer keeps, so nothing typed can change the condition's
    /// shape. A typed word that punctuation splits ("don't") is searched as a phrase, as FTS5 searches it.
    /// Null when nothing searchable was typed.
    /// </summary>
    /// <exception cref="DomainException">The condition would be longer than SQL Server takes.</exception>
    public static string? ContainsCondition(string text)
    {
        var terms = FeedbackSearchIndex.Terms(text)
            .Select(term => string.Join(' ', Tokens(term)))
            .Where(phrase => phrase.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (terms.Count == 0)
        {
            return null;
        }
        var condition = string.Join(" AND ", terms.Select(phrase => "\"" + phrase + "*\""));
        return condition.Length <= LongestCondition
            ? condition
            : throw new DomainException("The search has too many words: search for fewer.");
    }

    /// <summary>
    /// The runs of letters, digits and private-use characters in <paramref name="term"/>: what SQLite's
    /// unicode61 tokenizer keeps as tokens by default (Unicode categories L*, N* and Co); anything else
    /// separates them.
    /// </summary>
    private static List<string> Tokens(string term)
    {
        var tokens = new List<string>();
        var token = new StringBuilder();
        foreach (var rune in term.EnumerateRunes())
        {
            if (IsTokenCharacter(Rune.GetUnicodeCategory(rune)))
            {
                token.Append(rune.ToString());
            }
            else if (token.Length > 0)
            {
                tokens.Add(token.ToString());
                token.Clear();
            }
        }
        if (token.Length > 0)
        {
            tokens.Add(token.ToString());
        }
        return tokens;
    }

    private static bool IsTokenCharacter(UnicodeCategory category) => category is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
        or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
        or UnicodeCategory.PrivateUse;
}
