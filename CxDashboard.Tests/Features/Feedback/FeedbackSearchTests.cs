using CxDashboard.Domain.Feedback;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Features.Admin;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Feedback;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Tests.Features.Feedback;

/// <summary>
/// The inbox's search box, on SQLite and, with CXDASHBOARD_TEST_SQLSERVER, on SQL Server. Both search a
/// full-text index by words and word beginnings (FTS5; SQL Server's where it has Full-Text Search). A SQL
/// Server without Full-Text Search finds the typed text anywhere with LIKE: where the two differ, the
/// tests say what that fallback finds instead.
/// </summary>
public sealed class FeedbackSearchTests : IAsyncLifetime
{
    private FeedbackData _data = null!;

    public async Task InitializeAsync() => _data = await FeedbackData.CreateAsync();

    public async Task DisposeAsync() => await _data.Database.DisposeAsync();

    private async Task<List<int>> FindAsync(string text)
    {
        await IndexedAsync();
        var page = await _data.Service().GetInboxPageAsync(new FeedbackFilter { Text = text }, FeedbackPageRequest.First(pageSize: 200),
            _data.CxLead);
        return page.Rows.Select(r => r.Id).ToList();
    }

    /// <summary>Whether this database searches words (a full-text index) rather than text anywhere (LIKE).</summary>
    private async Task<bool> SearchesWordsAsync()
    {
        await using var db = _data.Database.CreateDbContext();
        return await _data.Search.MatchesWordsAsync(db);
    }

    /// <summary>
    /// Waits until SQL Server's full-text index has taken in every save: it follows the table in the
    /// background, seconds behind. SQLite's index is written with each save.
    /// </summary>
    private async Task IndexedAsync()
    {
        if (!TestDatabase.UsesSqlServer || !await SearchesWordsAsync())
        {
            return;
        }
        await using var db = _data.Database.CreateDbContext();
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var behind = await db.Database.SqlQueryRaw<int>("""
                SELECT CAST(OBJECTPROPERTYEX(OBJECT_ID(N'[dbo].[Feedback]'), 'TableFulltextPendingChanges') AS int)
                     + CAST(OBJECTPROPERTYEX(OBJECT_ID(N'[dbo].[Feedback]'), 'TableFulltextPopulateStatus') AS int) AS [Value]
                """).SingleAsync();
            if (behind == 0)
            {
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail("SQL Server's full-text index did not catch up with the Feedback table within a minute.");
    }

    private Task<int> SayingAsync(string verbatim, int daysAgo = 1) =>
        _data.Feedback().ReceivedAt(FeedbackData.Now.AddDays(-daysAgo)).Saying(verbatim).AddAsync();

    [Fact]
    public async Task Search_finds_whole_words_and_the_beginnings_of_words()
    {
        var refund = await SayingAsync("Still waiting for my refund after three weeks.", 1);
        var refunded = await SayingAsync("They refunded the delivery charge straight away.", 2);
        await SayingAsync("The fitting rooms were closed.", 3);

        Assert.Equal([refund, refunded], await FindAsync("refund"));
        Assert.Equal([refunded], await FindAsync("refunded"));
        Assert.Empty(await FindAsync("refund closed"));
        Assert.Empty(await FindAsync("zeppelin"));
        if (await SearchesWordsAsync())
        {
            Assert.Equal([refund], await FindAsync("waiting refund"));
            Assert.Equal([refund], await FindAsync("refund waiting"));
            Assert.Empty(await FindAsync("efund"));
        }
        else
        {
            // LIKE: the text as typed, anywhere.
            Assert.Empty(await FindAsync("waiting refund"));
            Assert.Equal([refund, refunded], await FindAsync("efund"));
        }
    }

    [Fact]
    public async Task Operator_words_and_quotes_do_not_make_a_query_language()
    {
        var both = await SayingAsync("Refund refused, and not a word about the delivery.", 1);
        var refundOnly = await SayingAsync("Waiting for a refund.", 2);
        await SayingAsync("The delivery was late.", 3);

        if (await SearchesWordsAsync())
        {
            // Every word must appear, as on SQLite: OR widens nothing, NOT excludes nothing, quotes make no phrase.
            Assert.Empty(await FindAsync("refund OR parcel"));
            Assert.Equal([both], await FindAsync("refund NOT delivery"));
            Assert.Equal([both], await FindAsync("refund AND delivery"));
            Assert.Equal([both, refundOnly], await FindAsync("\"refund\""));
            Assert.Equal([both], await FindAsync("\"delivery refund\""));
        }
        else
        {
            // LIKE: operators and quotes are part of the text looked for.
            Assert.Empty(await FindAsync("refund NOT delivery"));
            Assert.Equal([both], await FindAsync("and not a word"));
        }
    }

    [Fact]
    public async Task A_word_in_thousands_of_verbatims_is_found_newest_first_like_a_rare_one()
    {
        // More matches than the threshold above which the search walks the inbox instead of sorting the matches.
        await using (var db = _data.Database.CreateDbContext())
        {
            for (var i = 0; i < 5_100; i++)
            {
                var said = i % 2 == 0 ? "The store was busy." : "Quiet afternoon.";
                db.Feedback.Add(new FeedbackItem(new FeedbackDetails(FeedbackData.Now.AddMinutes(-10 - i), _data.Store, null,
                    FeedbackSource.Survey, FeedbackCategory.Service, Sentiment.Neutral, null, null, said, null), _data.Cara, FeedbackData.Now));
            }
            await db.SaveChangesAsync();
        }
        var newest = await SayingAsync("Stores like this one are rare.", 0);
        await IndexedAsync();

        var page = await _data.Service().GetInboxPageAsync(new FeedbackFilter { Text = "store" }, FeedbackPageRequest.First(pageSize: 50),
            _data.CxLead);

        Assert.Equal(newest, page.Rows[0].Id);
        Assert.Equal(50, page.Rows.Count);
        Assert.All(page.Rows, r => Assert.Contains("store", r.VerbatimStart, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(page.Rows.OrderByDescending(r => r.ReceivedAt).Select(r => r.Id), page.Rows.Select(r => r.Id));
        Assert.True(page.HasNext);
    }

    [Fact]
    public async Task A_short_word_in_most_verbatims_is_found_newest_first_by_checking_row_by_row()
    {
        if (TestDatabase.UsesSqlServer)
        {
            return; // The full-text index, and so this path, is SQLite's.
        }
        // More matches than the threshold above which each row of the page is checked against the index
        // instead of listing every match: inserted in one statement, as a form would take minutes.
        await using (var db = _data.Database.CreateDbContext())
        {
            var from = FeedbackData.Now.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
            var insert = $"""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200100)
                INSERT INTO "Feedback" ("ReceivedAt", "RecordedAt", "ChannelId", "Source", "Category", "Sentiment", "Verbatim", "FollowUpStatus", "Version")
                SELECT strftime('%Y-%m-%d %H:%M:%S', '{from}', '-' || (i + 10) || ' minutes'), '{from}', {_data.Store}, 1, 2, 2,
                       CASE WHEN i % 4 = 0 THEN 'Quiet afternoon.' ELSE 'The store was busy.' END, 0, 0
                FROM n
                """;
            await db.Database.ExecuteSqlRawAsync(insert);
        }
        var newest = await SayingAsync("Then it rained.", 0);

        var page = await _data.Service().GetInboxPageAsync(new FeedbackFilter { Text = "the" }, FeedbackPageRequest.First(pageSize: 50),
            _data.CxLead);

        Assert.Equal(newest, page.Rows[0].Id);
        Assert.Equal(50, page.Rows.Count);
        Assert.All(page.Rows, r => Assert.Contains("the", r.VerbatimStart, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(page.Rows.OrderByDescending(r => r.ReceivedAt).Select(r => r.Id), page.Rows.Select(r => r.Id));
        Assert.True(page.HasNext);
    }

    [Fact]
    public async Task Search_ignores_case_and_accents()
    {
        var café = await SayingAsync("The CAFÉ on the third floor was lovely.");

        Assert.Equal([café], await FindAsync("café"));
        if (await SearchesWordsAsync())
        {
            Assert.Equal([café], await FindAsync("Cafe"));
            var naive = await SayingAsync("A naïve question at the till, answered kindly.", 2);
            Assert.Equal([naive], await FindAsync("NAIVE"));
        }
    }

    [Theory]
    [InlineData("\"refund")]
    [InlineData("refund\"")]
    [InlineData("\"\"\"")]
    [InlineData("refund*")]
    [InlineData("*")]
    [InlineData("(refund")]
    [InlineData("refund) OR (x")]
    [InlineData("AND")]
    [InlineData("refund AND")]
    [InlineData("NEAR(refund delivery)")]
    [InlineData("refund NOT delivery")]
    [InlineData("Verbatim: refund")]
    [InlineData("^refund")]
    [InlineData("refund + delivery - \\ ' ; --")]
    public async Task Quotes_operators_and_brackets_in_the_search_are_searched_as_text(string text)
    {
        await SayingAsync("Still waiting for my refund after three weeks.");

        var found = await FindAsync(text);

        Assert.True(found.Count <= 1);
    }

    [Fact]
    public async Task Operator_words_are_found_as_ordinary_words()
    {
        var and = await SayingAsync("Click AND collect was near the entrance.");
        await SayingAsync("The parcel never came.", 2);

        Assert.Equal([and], await FindAsync("and"));
        Assert.Equal([and], await FindAsync("NEAR"));
        List<int> quoted = await SearchesWordsAsync() ? [and] : [];
        Assert.Equal(quoted, await FindAsync("\"click and\""));
    }

    [Fact]
    public async Task Erased_words_are_no_longer_found()
    {
        const string customer = "LOY-55555";
        var mine = await _data.Feedback().Saying("Ruth collected the parcel from the Leeds store.").ForCustomer(customer).AddAsync();
        var other = await _data.Feedback().Saying("Collected my parcel from Leeds, easy.").ReceivedAt(FeedbackData.Now.AddDays(-2)).AddAsync();
        Assert.Equal([mine], await FindAsync("Ruth"));

        var admin = new Caller(_data.Eli, "Eli Novak", _data.DigitalTeam, new HashSet<string> { Roles.Admin });
        await new AdminService(_data.Database, _data.Clock).EraseCustomerAsync(customer, admin);

        Assert.Empty(await FindAsync("Ruth"));
        Assert.Equal([other], await FindAsync("Leeds"));
        Assert.Equal([mine], await FindAsync("erased"));
    }

    /// <summary>On SQL Server, "as soon as" is once its index has caught up, seconds later: the search waits for that.</summary>
    [Fact]
    public async Task Feedback_recorded_through_the_app_is_found_as_soon_as_it_is_saved()
    {
        Assert.Empty(await FindAsync("escalator"));

        var recorded = await _data.Service().RecordAsync(_data.Command(_data.Store, verbatim: "The escalator was broken again."), _data.CxLead);

        Assert.Equal([recorded.Id], await FindAsync("escalator"));
    }
}
