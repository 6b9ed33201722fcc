using CxDashboard.Domain.Common;
using CxDashboard.Web.Data;
using Microsoft.Data.Sqlite;

namespace CxDashboard.Tests.Data.SqlServer;

/// <summary>
/// What someone types in the inbox's search box, as the CONTAINS condition SQL Server's full-text index is
/// asked with, beside the FTS5 query SQLite is asked with for the same text: each typed word is the start
/// of a word, all of them must appear, and nothing typed (operators, quotes, brackets) changes that.
/// </summary>
public sealed class SqlServerSearchConditionTests
{
    public static TheoryData<string, string, string> Translations() => new()
    {
        // Typed, FTS5 MATCH query on SQLite, CONTAINS condition on SQL Server.
        { "refund", "\"refund\"*", "\"refund*\"" },
        { "waiting  refund", "\"waiting\"* AND \"refund\"*", "\"waiting*\" AND \"refund*\"" },
        { "refund AND delivery", "\"refund\"* AND \"AND\"* AND \"delivery\"*", "\"refund*\" AND \"AND*\" AND \"delivery*\"" },
        { "refund OR delivery", "\"refund\"* AND \"OR\"* AND \"delivery\"*", "\"refund*\" AND \"OR*\" AND \"delivery*\"" },
        { "refund NOT delivery", "\"refund\"* AND \"NOT\"* AND \"delivery\"*", "\"refund*\" AND \"NOT*\" AND \"delivery*\"" },
        { "NOT", "\"NOT\"*", "\"NOT*\"" },
        { "refund AND", "\"refund\"* AND \"AND\"*", "\"refund*\" AND \"AND*\"" },
        { "\"click and\"", "\"\"\"click\"* AND \"and\"\"\"*", "\"click*\" AND \"and*\"" },
        { "don't", "\"don't\"*", "\"don t*\"" },
        { "refund*", "\"refund*\"*", "\"refund*\"" },
        { "NEAR(refund delivery)", "\"NEAR(refund\"* AND \"delivery)\"*", "\"NEAR refund*\" AND \"delivery*\"" },
        { "refund\") OR \"x", "\"refund\"\")\"* AND \"OR\"* AND \"\"\"x\"*", "\"refund*\" AND \"OR*\" AND \"x*\"" },
        { "CAFÉ naïve", "\"CAFÉ\"* AND \"naïve\"*", "\"CAFÉ*\" AND \"naïve*\"" },
        { "50% off", "\"50%\"* AND \"off\"*", "\"50*\" AND \"off*\"" },
    };

    [Theory]
    [MemberData(nameof(Translations))]
    public void Each_typed_word_is_a_prefix_term_that_every_match_must_have_as_on_SQLite(string typed, string fts5, string contains)
    {
        Assert.Equal(fts5, FeedbackSearchIndex.MatchQuery(typed));
        Assert.Equal(contains, SqlServerSearchIndex.ContainsCondition(typed));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("*")]
    [InlineData("\"\"\"")]
    [InlineData("( ) - ; -- ' \\")]
    public void Nothing_searchable_gives_no_condition_on_either_database(string typed)
    {
        Assert.Null(FeedbackSearchIndex.MatchQuery(typed));
        Assert.Null(SqlServerSearchIndex.ContainsCondition(typed));
    }

    [Fact]
    public void A_word_typed_twice_is_asked_for_once()
    {
        Assert.Equal("\"refund*\"", SqlServerSearchIndex.ContainsCondition("refund Refund REFUND"));
    }

    [Fact]
    public void A_search_longer_than_SQL_Server_takes_is_refused_with_a_message()
    {
        var typed = string.Join(' ', Enumerable.Range(0, 600).Select(i => $"w{i}"));

        var refused = Assert.Throws<DomainException>(() => SqlServerSearchIndex.ContainsCondition(typed));

        Assert.Equal("The search has too many words: search for fewer.", refused.Message);
    }

    [Theory]
    [InlineData("\"; DROP TABLE Feedback; --")]
    [InlineData("refund\" OR \"a*\" OR \"")]
    [InlineData("') OR 1=1 --")]
    [InlineData("refund~delivery |x| &y& !z [a] {b} <c>")]
    [InlineData("FORMSOF(INFLECTIONAL, run) ISABOUT(x WEIGHT(.5))")]
    public void Nothing_typed_reaches_the_condition_but_letters_and_digits(string typed)
    {
        var condition = SqlServerSearchIndex.ContainsCondition(typed);

        Assert.NotNull(condition);
        // Only quoted prefix terms joined by AND: no operator, bracket or quote of the text survives.
        Assert.Matches(@"^""[\p{L}\p{N} ]+\*""( AND ""[\p{L}\p{N} ]+\*"")*$", condition);
    }

    /// <summary>
    /// The words the CONTAINS condition asks for, put back into FTS5's syntax, find on SQLite exactly what the
    /// FTS5 query for the same text finds: the condition splits what was typed into words as SQLite does.
    /// </summary>
    [Theory]
    [InlineData("refund")]
    [InlineData("waiting refund")]
    [InlineData("\"click and\"")]
    [InlineData("don't")]
    [InlineData("e-mail")]
    [InlineData("refund NOT delivery")]
    [InlineData("50% off")]
    [InlineData("café")]
    [InlineData("NAIVE")]
    [InlineData("Straße")]
    [InlineData("3.5 stars")]
    [InlineData("#1 (best)")]
    public void The_condition_finds_on_SQLite_what_the_FTS5_query_finds(string typed)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, "CREATE VIRTUAL TABLE said USING fts5(text, tokenize='unicode61 remove_diacritics 2')");
        string[] verbatims =
        [
            "Still waiting for my refund after three weeks.", "They refunded the delivery charge.", "Click AND collect was easy.",
            "I don't know why it is late.", "The e-mail never came.", "50% off, but not in store.", "The CAFÉ was lovely.",
            "A naïve question at the till.", "Straße closed.", "3.5 stars at best.", "#1 store in town, the best.", "Refund NOT given for the delivery.",
        ];
        foreach (var text in verbatims)
        {
            Execute(connection, "INSERT INTO said (text) VALUES ($text)", text);
        }
        var asked = SqlServerSearchIndex.ContainsCondition(typed)!.Replace("*\"", "\"*", StringComparison.Ordinal);

        var byFts5 = Found(connection, FeedbackSearchIndex.MatchQuery(typed)!);
        var byCondition = Found(connection, asked);

        Assert.NotEmpty(byFts5);
        Assert.Equal(byFts5, byCondition);
    }

    private static List<long> Found(SqliteConnection connection, string match)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid FROM said WHERE said MATCH $match ORDER BY rowid";
        command.Parameters.AddWithValue("$match", match);
        using var reader = command.ExecuteReader();
        var rows = new List<long>();
        while (reader.Read())
        {
            rows.Add(reader.GetInt64(0));
        }
        return rows;
    }

    private static void Execute(SqliteConnection connection, string sql, string? text = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (text is not null)
        {
            command.Parameters.AddWithValue("$text", text);
        }
        command.ExecuteNonQuery();
    }
}
