using System.Globalization;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Metrics;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Dashboard;
using CxDashboard.Web.Features.Feedback;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Bench;

/// <summary>
/// The dashboard tiles' counts and the feedback inbox's queries through the app's services, each
/// against the same result asked of SQLite in hand-written SQL on one open connection (the floor).
/// </summary>
internal sealed class QueryBenchmarks(IServiceProvider services, string connectionString, int runs, Report report)
{
    private const double DashboardRatio = 1.5;
    private const double DashboardP95Ms = 200;
    private const double InboxP95Ms = 300;
    private const int PageSize = 50;
    private const string SearchWord = "refund";

    // A word in most verbatims: the search must not fetch and sort all of its matches for one page.
    private const string EverywhereWord = "the";

    // A word no verbatim contains: the search must prove there is nothing to find, the slowest case for a scan.
    private const string RareWord = "zeppelin";

    // The inbox's columns, as FeedbackService projects them (the verbatim cut to its 160-character preview).
    private const string InboxColumns = """
        "Id", "ReceivedAt", "ChannelId", "JourneyStageId", "Source", "Category", "Sentiment", "ScoreScale", "Score",
        "ScoreBand", substr("Verbatim", 1, 160), length("Verbatim") > 160, "CustomerRef", "FollowUpStatus", "FollowUpDueAt",
        "FollowUpStatus" = 1 AND "FollowUpDueAt" < @now, "FrictionIssueId"
        """;

    public async Task RunAsync()
    {
        await using var floor = new SqliteConnection(connectionString);
        await floor.OpenAsync();
        await DashboardAsync(floor);
        await InboxAsync(floor);
    }

    private async Task DashboardAsync(SqliteConnection floor)
    {
        using var scope = services.CreateScope();
        var dashboard = scope.ServiceProvider.GetRequiredService<DashboardService>();
        var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<CxDbContext>>();
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var quarter = Period.Containing(today, PeriodKind.Quarter);
        var (start, end) = (quarter.StartUtc, quarter.EndExclusiveUtc);
        var todayText = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var startText = Timestamp(start);
        var endText = Timestamp(end);

        const string metricsSql = """SELECT COUNT(*) FROM "Metrics" WHERE "Status" = 3""";
        const string frictionSql = """SELECT COUNT(*) FROM "FrictionIssues" WHERE "Status" NOT IN (5, 6)""";
        const string actionsSql = """SELECT COUNT(*) FROM "Actions" WHERE "Status" NOT IN (4, 5) AND "DueDate" < @today""";
        const string feedbackSql = """SELECT COUNT(*) FROM "Feedback" WHERE "ReceivedAt" >= @start AND "ReceivedAt" < @end""";

        var tiles = await dashboard.GetHomeTilesAsync();
        var check = (
            await ScalarAsync(floor, metricsSql), await ScalarAsync(floor, frictionSql),
            await ScalarAsync(floor, actionsSql, ("@today", todayText)),
            await ScalarAsync(floor, feedbackSql, ("@start", startText), ("@end", endText)));
        if ((tiles.MetricsAgreed, tiles.OpenFrictionIssues, tiles.OverdueActions, tiles.FeedbackThisQuarter) != check)
        {
            report.Note($"The hand-written counts {check} differ from the tiles {tiles}: the floors do not ask the same question.");
        }
        report.Note(Report.Inv($"Tile counts on this database: {tiles.MetricsAgreed} metrics agreed, {tiles.OpenFrictionIssues} open friction issues, {tiles.OverdueActions} overdue actions, {tiles.FeedbackThisQuarter:N0} feedback this quarter."));

        // The friction and action tiles sum the counts the database keeps per status and due date, as the service does;
        // the check above counts the rows themselves, so a kept count that drifted would be reported there.
        const string frictionKeptSql = """SELECT COALESCE(SUM("Count"), 0) FROM "FrictionStatusCounts" WHERE "Status" NOT IN (5, 6)""";
        const string actionsKeptSql = """SELECT COALESCE(SUM("Count"), 0) FROM "ActionDueCounts" WHERE "Status" NOT IN (4, 5) AND "DueDate" < @today""";
        await DashboardLineAsync("all four tiles (GetHomeTilesAsync)", queries: 4, () => dashboard.GetHomeTilesAsync(), async () =>
        {
            await ScalarAsync(floor, metricsSql);
            await ScalarAsync(floor, frictionKeptSql);
            await ScalarAsync(floor, actionsKeptSql, ("@today", todayText));
            await ScalarAsync(floor, """SELECT COALESCE(SUM("Count"), 0) FROM "FeedbackDailyVolume" WHERE "Day" >= @first AND "Day" < @after""",
                ("@first", quarter.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("@after", quarter.Next.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        });
        // Each tile alone: the same LINQ as DashboardService, on one context as the service runs its four counts
        // (the context is made once, as the floor's connection is opened once; "all four tiles" above includes
        // making it). EF Core still opens and closes its pooled connection for every count, as in the app.
        await using var db = await dbFactory.CreateDbContextAsync();
        await DashboardLineAsync("metrics agreed", queries: 1,
            () => db.Metrics.AsNoTracking().CountAsync(m => m.Status == MetricStatus.Agreed),
            () => ScalarAsync(floor, metricsSql));
        await DashboardLineAsync("open friction issues", queries: 1,
            () => TileCounts.OpenFrictionIssuesAsync(db),
            () => ScalarAsync(floor, frictionKeptSql));
        await DashboardLineAsync("overdue actions", queries: 1,
            () => TileCounts.OverdueActionsAsync(db, today),
            () => ScalarAsync(floor, actionsKeptSql, ("@today", todayText)));
        // Summed from the feedback counted per day, as the service does; the tiles' check above counts the feedback itself.
        const string feedbackDaysSql = """SELECT COALESCE(SUM("Count"), 0) FROM "FeedbackDailyVolume" WHERE "Day" >= @first AND "Day" < @after""";
        var (firstDay, dayAfter) = (quarter.Start, quarter.Next.Start);
        var (firstText, afterText) = (firstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), dayAfter.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await DashboardLineAsync("feedback this quarter", queries: 1,
            () => db.FeedbackDailyVolume.AsNoTracking().Where(v => v.Day >= firstDay && v.Day < dayAfter).SumAsync(v => v.Count),
            () => ScalarAsync(floor, feedbackDaysSql, ("@first", firstText), ("@after", afterText)));
    }

    /// <param name="queries">
    /// The round trips the line makes: a floor under 1 ms a query counts as 1 ms a query, the cost of asking at all
    /// (making a context, opening its pooled connection), which a bare connection kept open does not pay.
    /// </param>
    private async Task DashboardLineAsync(string what, int queries, Func<Task> app, Func<Task> floor)
    {
        var (a, f) = await Timing.PairAsync(app, floor, runs);
        var pass = a.Median <= DashboardRatio * Math.Max(f.Median, queries) && a.P95 < DashboardP95Ms;
        report.Add(new ReportLine("Dashboard", what, Report.Ms(a), Report.Ms(f),
            "≤ 1.5× floor (floor under 1 ms a query counts as 1 ms a query), p95 < 200 ms", pass)
        {
            // SQLite counts by reading every entry it counts, and the metrics grow with the data; the other tiles sum
            // counts the database keeps (a quarter's days, the statuses and due dates in use), the same rows at any volume.
            Growth = new("Dashboard | " + what, a.Median, a.P95, what == "metrics agreed" ? 1 : 0),
        });
    }

    private async Task InboxAsync(SqliteConnection floor)
    {
        using var scope = services.CreateScope();
        var inbox = scope.ServiceProvider.GetRequiredService<FeedbackService>();
        var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<CxDbContext>>();
        var caller = await HeadOfCxAsync(dbFactory);
        var now = DateTime.UtcNow;
        var nowText = Timestamp(now);

        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var busiest = await db.Channels.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            var first = FeedbackPageRequest.First(pageSize: PageSize);

            await InboxLineAsync("first page, newest first", "first page, newest first", 0, floor, () => inbox.GetInboxPageAsync(FeedbackFilter.All, first, caller),
                "", "\"ReceivedAt\" DESC, \"Id\" DESC", nowText, withCount: true);

            var channelAndSentiment = new FeedbackFilter { ChannelId = busiest, Sentiment = Sentiment.Negative };
            await InboxLineAsync(Report.Inv($"filtered: channel {busiest} + negative"), "filtered: a channel + negative", 0, floor,
                () => inbox.GetInboxPageAsync(channelAndSentiment, first, caller),
                Report.Inv($"\"ChannelId\" = {busiest} AND \"Sentiment\" = 3"), "\"ReceivedAt\" DESC, \"Id\" DESC", nowText, withCount: true);

            var byScore = FeedbackPageRequest.First(FeedbackSort.HighestScoreFirst, PageSize);
            await InboxLineAsync("sorted by score, highest first", "sorted by score, highest first", 0, floor, () => inbox.GetInboxPageAsync(FeedbackFilter.All, byScore, caller),
                "", "\"ScoreSortKey\" DESC, \"ReceivedAt\" DESC, \"Id\" DESC", nowText, withCount: true);

            // Page 10,000 starts after the last row of page 9,999: found once here, as the pages before it would have,
            // and read back from the inbox's address the way a link to that page opens it.
            var total = await db.Feedback.CountAsync();
            var offset = Math.Max(0, Math.Min(9_999 * PageSize - 1, total - PageSize - 1));
            var pageNumber = offset / PageSize + 2;
            var edge = await CursorAtAsync(floor, offset);
            var deep = new FeedbackPageRequest(FeedbackSort.NewestFirst, PageSize,
                After: FeedbackCursor.FromToken(new FeedbackCursor(edge.At, edge.Id, null).ToToken()));
            await InboxLineAsync(Report.Inv($"page {pageNumber:N0} by keyset (after row {offset + 1:N0})"), "page 10,000 by keyset", 0, floor,
                () => inbox.GetInboxPageAsync(FeedbackFilter.All, deep, caller),
                "", "\"ReceivedAt\" DESC, \"Id\" DESC", nowText, withCount: true,
                seek: ("\"ReceivedAt\" <= @at AND (\"ReceivedAt\" < @at OR \"Id\" < @id)", Timestamp(edge.At), edge.Id));

            // A common word's matches are listed, so they grow with the data; a word in most rows is checked row by row
            // and stops at a page, and a word in none is proven absent by the index: neither grows.
            // Each word's floor is the best hand-written form for it: a rare word's few matches looked up by id,
            // a common one's list checked while walking the inbox's index ("Id" + 0), a word in most rows
            // checked row by row against the index.
            foreach (var (word, where) in new[]
            {
                (SearchWord, "\"Id\" + 0 IN (SELECT rowid FROM \"FeedbackSearch\" WHERE \"FeedbackSearch\" MATCH '\"" + SearchWord + "\"*')"),
                (EverywhereWord, "EXISTS (SELECT 1 FROM \"FeedbackSearch\" WHERE \"FeedbackSearch\" MATCH '\"" + EverywhereWord + "\"*' AND rowid = \"Feedback\".\"Id\")"),
                (RareWord, "\"Id\" IN (SELECT rowid FROM \"FeedbackSearch\" WHERE \"FeedbackSearch\" MATCH '\"" + RareWord + "\"*')"),
            })
            {
                var search = new FeedbackFilter { Text = word };
                await InboxLineAsync($"text search \"{word}\", first page", $"text search \"{word}\", first page", word == SearchWord ? 1 : 0, floor, () => inbox.GetInboxPageAsync(search, first, caller),
                    where, "\"ReceivedAt\" DESC, \"Id\" DESC", nowText, withCount: false);
            }

            // Bounded as the app bounds it: no follow-up can be overdue before the shortest SLA has passed since receipt.
            var overdue = new FeedbackFilter { FollowUp = FollowUpFilter.Overdue };
            var receivedBefore = Timestamp(FeedbackItem.OverdueOnlyIfReceivedBefore(now));
            await InboxLineAsync("overdue follow-ups", "overdue follow-ups", 0, floor, () => inbox.GetInboxPageAsync(overdue, first, caller),
                $"\"FollowUpStatus\" = 1 AND \"ReceivedAt\" < '{receivedBefore}' AND \"FollowUpDueAt\" < @now", "\"ReceivedAt\" DESC, \"Id\" DESC", nowText, withCount: true);
        }
    }

    private async Task InboxLineAsync(string what, string key, double expected, SqliteConnection floor, Func<Task<FeedbackPage>> app, string where, string orderBy,
        string nowText, bool withCount, (string Sql, string At, int Id)? seek = null)
    {
        var filter = where.Length == 0 ? "1" : where;
        var pageWhere = seek is { } s ? $"({filter}) AND {s.Sql}" : filter;
        var pageSql = $"SELECT {InboxColumns} FROM \"Feedback\" WHERE {pageWhere} ORDER BY {orderBy} LIMIT {PageSize + 1}";
        var countSql = $"SELECT COUNT(*) FROM (SELECT 1 FROM \"Feedback\" WHERE {filter} LIMIT {FeedbackPage.CountCap + 1})";

        async Task<int> FloorAsync()
        {
            await using var command = floor.CreateCommand();
            command.CommandText = pageSql;
            command.Parameters.AddWithValue("@now", nowText);
            if (seek is { } k)
            {
                command.Parameters.AddWithValue("@at", k.At);
                command.Parameters.AddWithValue("@id", k.Id);
            }
            var firstId = 0;
            var values = new object[17];
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    reader.GetValues(values);
                    firstId = firstId == 0 ? reader.GetInt32(0) : firstId;
                }
            }
            if (withCount)
            {
                await ScalarAsync(floor, countSql, ("@now", nowText));
            }
            return firstId;
        }

        var appFirst = (await app()).Rows.FirstOrDefault()?.Id ?? 0;
        var floorFirst = await FloorAsync();
        if (appFirst != floorFirst)
        {
            report.Note($"Inbox '{what}': the app's first row is {appFirst}, the floor's {floorFirst}; the floor does not ask the same question.");
        }
        var (a, f) = await Timing.PairAsync(app, FloorAsync, runs);
        report.Add(new ReportLine("Feedback inbox", what, Report.Ms(a), Report.Ms(f), "p95 < 300 ms", a.P95 < InboxP95Ms)
        {
            Growth = new("Feedback inbox | " + key, a.Median, a.P95, expected),
        });
    }

    private static async Task<(DateTime At, int Id)> CursorAtAsync(SqliteConnection connection, int offset)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "ReceivedAt", "Id" FROM "Feedback" ORDER BY "ReceivedAt" DESC, "Id" DESC LIMIT 1 OFFSET @offset""";
        command.Parameters.AddWithValue("@offset", offset);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var at = DateTime.SpecifyKind(DateTime.Parse(reader.GetString(0), CultureInfo.InvariantCulture), DateTimeKind.Utc);
        return (at, reader.GetInt32(1));
    }

    private static async Task<Caller> HeadOfCxAsync(IDbContextFactory<CxDbContext> dbFactory)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var person = await db.People.AsNoTracking().Where(p => p.Subject == "demo-eleanor-hartley")
            .Select(p => new { p.Id, p.DisplayName, p.TeamId }).FirstAsync();
        return new Caller(person.Id, person.DisplayName, person.TeamId, new HashSet<string>(StringComparer.Ordinal) { Roles.CxLead });
    }

    internal static async Task<int> ScalarAsync(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Timestamps as EF Core stores them in SQLite (UTC text), so string comparison orders them.</summary>
    internal static string Timestamp(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
