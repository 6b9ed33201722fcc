using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using CxDashboard.Domain.Feedback;
using CxDashboard.Web.Data;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Features.Feedback;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CxDashboard.Tests.Data.SqlServer;

/// <summary>
/// The SQL the app writes by hand, in its SQL Server form: the bulk inserts of imports and demo data, and
/// the indexed views read with NOEXPAND. And proof that the checks can fail: a query EF Core cannot
/// translate, and SQLite's own SQL, are caught.
/// </summary>
public sealed class SqlServerRawSqlTests
{
    private static readonly DateTime Now = new(2026, 5, 14, 9, 30, 0, DateTimeKind.Utc);

    // SQL Server refuses a command with more than 2,100 parameters.
    private const int MostParameters = 2100;

    [Fact]
    public async Task Bulk_feedback_inserts_parse_and_stay_within_SQL_Servers_parameter_limit()
    {
        foreach (var returnIds in new[] { false, true })
        {
            var sent = new List<(string Text, int Parameters)>();
            var connection = new NoServerConnection(sent);
            await using (var writer = new FeedbackBulkWriter(connection, new NothingTransaction(connection, IsolationLevel.ReadCommitted), sqlite: false, returnIds))
            {
                for (var i = 0; i < 250; i++)
                {
                    await writer.WriteAsync(Item(i), CancellationToken.None);
                }
                await writer.CompleteAsync(CancellationToken.None);
                Assert.Equal(250, writer.Written);
            }

            Assert.True(sent.Count >= 2, "The rows were not written in batches.");
            Assert.All(sent, s =>
            {
                Assert.Empty(TSql.Problems(s.Text));
                Assert.StartsWith("INSERT INTO [Feedback] ([ExternalId], [ExternalSource], [ExternalKey], [ReceivedAt]", s.Text);
                Assert.InRange(s.Parameters, 22, MostParameters);
                Assert.Equal(returnIds, s.Text.Contains("OUTPUT INSERTED.[Id]", StringComparison.Ordinal));
            });
        }
    }

    [Fact]
    public async Task Bulk_inserts_of_every_column_type_parse_including_one_row_returning_its_id()
    {
        var sent = new List<(string Text, int Parameters)>();
        var connection = new NoServerConnection(sent);
        BulkColumn[] columns =
        [
            new("Count", BulkType.Int), new("Value", BulkType.Double), new("QuickWin", BulkType.Bool), new("Title", BulkType.Text),
            new("CreatedAt", BulkType.Timestamp), new("DueDate", BulkType.Date),
        ];
        await using (var writer = new BulkRowWriter(connection, new NothingTransaction(connection, IsolationLevel.ReadCommitted), sqlite: false, "Actions", columns))
        {
            await writer.InsertReturningIdAsync([1, 2.5, true, "Add a till", Now, DateOnly.FromDateTime(Now)], CancellationToken.None);
            await writer.WriteAsync([1, 2.5, false, null, Now, DateOnly.FromDateTime(Now)], CancellationToken.None);
            await writer.CompleteAsync(CancellationToken.None);
        }

        Assert.Equal(2, sent.Count);
        Assert.All(sent, s => Assert.Empty(TSql.Problems(s.Text)));
        Assert.Contains("OUTPUT INSERTED.[Id]", sent[0].Text);
    }

    [Fact]
    public async Task The_feedback_volume_is_read_from_the_indexed_view_through_its_index()
    {
        var server = new SqlServerWithoutServer();
        var service = new FeedbackService(server, new FakeTimeProvider(new DateTimeOffset(Now)), Options.Create(new FollowUpOptions()),
            new CxDashboard.Web.Hosting.Telemetry.AppMetrics(MeterRecorder.NewMeterFactory()), new VerbatimSearch(NullLogger<VerbatimSearch>.Instance));

        await service.GetVolumeBySentimentAsync(new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 1), CxDashboard.Domain.Common.PeriodKind.Month, null);

        var sent = server.TakeSent();
        Assert.Contains(sent, s => s.Contains($"FROM [dbo].[{FeedbackDayCounts.VolumeName}] WITH (NOEXPAND)", StringComparison.Ordinal));
        Assert.All(sent, s => Assert.Empty(TSql.Problems(s)));
    }

    [Fact]
    public async Task A_query_SQL_Server_cannot_translate_is_caught_without_a_server()
    {
        var server = new SqlServerWithoutServer();
        await using var db = server.CreateDbContext();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            db.Feedback.Where(f => f.Verbatim.GetHashCode() == 1).ToListAsync());

        Assert.Contains("could not be translated", refused.Message);
    }

    [Fact]
    public void SQLites_own_SQL_does_not_pass_for_T_SQL()
    {
        Assert.NotEmpty(TSql.Problems(FeedbackSearchIndex.CreateTableSql));
        Assert.NotEmpty(TSql.Problems(FeedbackDayCounts.SqliteCreateTriggersSql));
        Assert.NotEmpty(TSql.Problems("SELECT \"Id\" FROM \"Feedback\" LIMIT 10"));
    }

    private static FeedbackItem Item(int i) =>
        new(new FeedbackDetails(Now.AddMinutes(-i), 1, i % 2 == 0 ? 2 : null, FeedbackSource.Survey, FeedbackCategory.Service, Sentiment.Negative,
            ScoreScale.Nps, i % 11, $"Slow queue {i}", $"C-{i}", $"ext-{i}", "API key: Survey tool"), 7, Now);

    /// <summary>A connection to no server: every command it makes is kept (text and parameter count) and answered with nothing.</summary>
    private sealed class NoServerConnection(List<(string Text, int Parameters)> sent) : DbConnection
    {
        [AllowNull]
        public override string ConnectionString { get; set; } = string.Empty;
        public override string Database => "CxDashboard";
        public override string DataSource => "no-server";
        public override string ServerVersion => "16.00.1000";
        public override ConnectionState State => ConnectionState.Open;
        public override void ChangeDatabase(string databaseName) { }
        public override void Close() { }
        public override void Open() { }
        protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => new NothingTransaction(this, isolationLevel);
        protected override DbCommand CreateDbCommand() => new UnsentCommand(c => sent.Add((c.CommandText, c.Parameters.Count)));
    }
}
