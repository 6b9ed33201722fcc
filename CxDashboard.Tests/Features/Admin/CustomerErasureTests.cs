using System.Text;
using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Friction;
using CxDashboard.Domain.Governance;
using CxDashboard.Domain.Metrics;
using CxDashboard.Tests.Features.Feedback;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Admin;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Feedback;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Tests.Features.Admin;

public sealed class CustomerErasureTests : IAsyncLifetime
{
    private const string Reference = "LOY-88120";
    private const string Secret = "My daughter Ruth collected the parcel from the Leeds store";

    private FeedbackData _data = null!;

    public async Task InitializeAsync() => _data = await FeedbackData.CreateAsync();

    public async Task DisposeAsync() => await _data.Database.DisposeAsync();

    private AdminService Service => new(_data.Database, _data.Clock);

    private Caller Admin => new(_data.Eli, "Eli Novak", _data.DigitalTeam, new HashSet<string> { Roles.Admin });

    private async Task RecordAsync(string verbatim, string? customerRef, int? nps = null) =>
        await _data.Service().RecordAsync(_data.Command(_data.Store, nps is null ? null : ScoreScale.Nps, nps,
            source: nps is null ? FeedbackSource.Complaint : FeedbackSource.Survey, verbatim: verbatim, customerRef: customerRef), _data.CxLead);

    [Fact]
    public async Task Erasing_a_customer_removes_their_reference_and_words_everywhere_and_the_trail_keeps_neither()
    {
        await RecordAsync(Secret, Reference);
        await RecordAsync("The parcel was late again, second time this month.", Reference, nps: 2);
        await RecordAsync("Another customer entirely: great service.", "LOY-00001", nps: 10);
        Assert.Equal(2, await Service.CountCustomerFeedbackAsync(Reference, Admin));

        var erased = await Service.EraseCustomerAsync(Reference, Admin);

        Assert.Equal(2, erased);
        Assert.Equal(0, await Service.CountCustomerFeedbackAsync(Reference, Admin));
        await using var db = _data.Database.CreateDbContext();
        Assert.False(await db.Feedback.AnyAsync(f => f.CustomerRef == Reference));
        Assert.False(await db.Feedback.AnyAsync(f => f.Verbatim.Contains("Ruth") || f.Verbatim.Contains("late again")));
        Assert.True(await db.Feedback.AnyAsync(f => f.CustomerRef == "LOY-00001" && f.Verbatim.Contains("great service")));

        var trail = await db.AuditEntries.AsNoTracking().ToListAsync();
        var text = string.Join("\n", trail.Select(a => $"{a.Summary} {a.EntityId} {a.Before} {a.After}"));
        Assert.DoesNotContain(Reference, text);
        Assert.DoesNotContain("Ruth", text);
        Assert.DoesNotContain("late again", text);
        var erasure = Assert.Single(trail, a => a.EntityType == "Customer");
        Assert.Equal("Erased personal data of a customer from 2 feedback items", erasure.Summary);
        Assert.Equal("Eli Novak", erasure.ActorName);
    }

    private const string Said = "My daughter Ruth collected the parcel from the Leeds store. The assistant at the Headingley till refused the return.";
    private const string ContactNote = "Called Ruth back on 0113 4960871, she was happy with the refund.";
    private const string SurveyId = "SRV-7731-QX";

    /// <summary>Words of the erased customer that must be found nowhere afterwards, in any case, in any column or index page.</summary>
    private static readonly string[] Traces = ["Ruth", "Leeds", "Headingley", "4960871", "88120", "7731-QX"];

    [Fact]
    public async Task Erasing_a_customer_leaves_none_of_their_words_in_any_table_the_audit_trail_or_the_search_index()
    {
        var issueId = await RecordCustomerWhoseWordsWereQuotedAsync();
        await RecordAsync("Another customer entirely: great service in Harrogate.", "LOY-00001", nps: 10);
        Assert.NotEmpty(await TracesAsync());

        // Typed in a different case from how it was recorded.
        var erased = await Service.EraseCustomerAsync(Reference.ToLowerInvariant(), Admin);

        Assert.Equal(2, erased);
        Assert.Empty(await TracesAsync());
        await using var db = _data.Database.CreateDbContext();
        Assert.True(await db.Feedback.AnyAsync(f => f.CustomerRef == "LOY-00001" && f.Verbatim.Contains("Harrogate")));
        var issue = await db.FrictionIssues.SingleAsync(i => i.Id == issueId);
        Assert.Equal("Parcels collected by family are refused for return", issue.Title);
        Assert.Equal($"A customer wrote: \"{Redaction.Marker}.\" Staff did not accept it.", issue.Description);
        var found = await _data.Service().GetInboxPageAsync(new FeedbackFilter { Text = "Ruth" }, FeedbackPageRequest.First(), _data.CxLead);
        Assert.Equal(0, found.Total);
    }

    /// <summary>
    /// A complaint and a survey answer from the same customer (their reference cased two ways, the survey
    /// tool's id on one), a follow-up note, and an issue raised from the complaint whose description,
    /// action, progress note and review decision quote what the customer said.
    /// </summary>
    private async Task<int> RecordCustomerWhoseWordsWereQuotedAsync()
    {
        await RecordAsync(Said, Reference);
        await using var db = _data.Database.CreateDbContext();
        db.Feedback.Add(new FeedbackItem(new FeedbackDetails(FeedbackData.Now.AddHours(-2), _data.Web, null, FeedbackSource.Survey,
            FeedbackCategory.Service, Sentiment.Negative, ScoreScale.Nps, 1, "Ruth again: nobody in Leeds answers the phone.",
            Reference.ToLowerInvariant(), SurveyId, "API key: Qualtrics"), null, FeedbackData.Now));
        await db.SaveChangesAsync();
        var complaint = await db.Feedback.SingleAsync(f => f.CustomerRef == Reference);
        complaint.MarkContacted(ContactNote, FeedbackData.Now);

        var issue = new FrictionIssue(new FrictionDetails("Parcels collected by family are refused for return",
            $"A customer wrote: \"{Said.Split('.')[0].ToLowerInvariant()}.\" Staff did not accept it.", _data.Delivery, [_data.Store],
            FeedbackCategory.Service, 2, 10, null, _data.StoresTeam, _data.Dana, [], null), _data.Dana, FeedbackData.Now);
        var spec = new MetricSpec("How likely to recommend", "promoters - detractors", "Survey tool", MetricUnit.NpsScore,
            Direction.HigherIsBetter, Aggregation.WeightedBySample, PeriodKind.Month, [_data.Store]);
        var nps = MetricDefinition.Draft("NPS", "Net Promoter Score", MetricDimension.Advocacy, _data.Dana, _data.StoresTeam, spec, [],
            _data.Dana, FeedbackData.Now);
        db.Metrics.Add(nps);
        db.FrictionIssues.Add(issue);
        await db.SaveChangesAsync();
        complaint.LinkTo(issue.Id);
        issue.Triage(_data.Dana, FeedbackData.Now, $"Seen with {Reference}.");
        issue.LinkMetric(nps.Id, 40);
        issue.GiveReasonToCloseWithoutImprovement(nps.Id, $"Closing anyway: {Reference} was the only complaint.", _data.Dana, FeedbackData.Now);
        var review = new Review(ReviewKind.MonthlyCxCouncil, "November council", new DateOnly(2026, 11, 20), [_data.StoresTeam], _data.Dana);
        review.RecordDecision("Train tills staff: The assistant at the Headingley till refused the return.", _data.Dana, FeedbackData.Now);
        db.Reviews.Add(review);
        await db.SaveChangesAsync();
        var action = new ActionItem("Brief store staff on returns", "Quote: the assistant at the Headingley till refused the return",
            _data.Dana, _data.StoresTeam, new DateOnly(2026, 12, 1), 2, 1, true, _data.Dana, FeedbackData.Now, issue.Id, review.Id);
        action.AddNote(_data.Dana, $"Phoned the store about {Reference.ToLowerInvariant()}.", FeedbackData.Now);
        db.Actions.Add(action);
        await db.SaveChangesAsync();
        return issue.Id;
    }

    /// <summary>Every place, column by column (byte by byte on SQLite, the search index's own pages too), where a trace is found.</summary>
    private async Task<List<string>> TracesAsync()
    {
        await using var db = _data.Database.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var sqlite = _data.Database.Provider == DatabaseProvider.Sqlite;
        var columns = new List<(string Table, string Column)>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = sqlite
                ? """
                  SELECT m.name, c.name FROM sqlite_master m JOIN pragma_table_info(m.name) c
                  WHERE m.type = 'table' AND m.sql NOT LIKE 'CREATE VIRTUAL TABLE%'
                  """
                : """
                  SELECT c.TABLE_NAME, c.COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS c
                  JOIN INFORMATION_SCHEMA.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
                  WHERE t.TABLE_TYPE = 'BASE TABLE' AND c.DATA_TYPE IN ('nvarchar', 'varchar', 'nchar', 'char')
                  """;
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        var found = new List<string>();
        foreach (var (table, column) in columns)
        {
            foreach (var trace in Traces)
            {
                await using var search = connection.CreateCommand();
                if (sqlite)
                {
                    search.CommandText = $"""
                        SELECT COUNT(*) FROM "{table}"
                        WHERE instr(CAST("{column}" AS BLOB), $exact) > 0 OR instr(CAST("{column}" AS BLOB), $lower) > 0
                           OR instr(CAST("{column}" AS BLOB), $upper) > 0
                        """;
                    AddParameter(search, "$exact", Encoding.UTF8.GetBytes(trace));
                    AddParameter(search, "$lower", Encoding.UTF8.GetBytes(trace.ToLowerInvariant()));
                    AddParameter(search, "$upper", Encoding.UTF8.GetBytes(trace.ToUpperInvariant()));
                }
                else
                {
                    search.CommandText = $"SELECT COUNT(*) FROM [{table}] WHERE CHARINDEX(@trace, UPPER(CAST([{column}] AS nvarchar(max)))) > 0";
                    AddParameter(search, "@trace", trace.ToUpperInvariant());
                }
                if (Convert.ToInt64(await search.ExecuteScalarAsync()) > 0)
                {
                    found.Add($"{table}.{column}: {trace}");
                }
            }
        }
        return found;
    }

    private static void AddParameter(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    [Fact]
    public async Task A_reference_that_looks_like_an_email_is_refused_and_only_admins_erase()
    {
        await Assert.ThrowsAsync<DomainException>(() => Service.CountCustomerFeedbackAsync("ruth@example.com", Admin));
        await Assert.ThrowsAsync<NotAllowedException>(() => Service.EraseCustomerAsync(Reference, _data.CxLead));
    }

    [Fact]
    public async Task Erasing_a_reference_nobody_carries_writes_nothing()
    {
        Assert.Equal(0, await Service.EraseCustomerAsync("LOY-NOBODY", Admin));

        await using var db = _data.Database.CreateDbContext();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.EntityType == "Customer"));
    }
}
