using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using CxDashboard.Domain.Feedback;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Seeding;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Features.Feedback;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CxDashboard.Tests.Data.SqlServer;

/// <summary>
/// The SQL the app writes by hand, in its SQL Server form: what surrounds the bulk copies of imports and demo data, and
/// the indexed views read with NOEXPAND. And proof that the checks can fail: a query EF Core cannot
/// translate, and SQLite's own SQL, are caught.
/// </summary>
public sealed class SqlServerRawSqlTests
{
    private static readonly DateTime Now = new(2026, 5, 14, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public async Task The_one_row_inserts_that_return_an_id_parse_for_every_table_the_demo_volume_fills()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        foreach (var (entity, columns) in DemoDataSeeder.BulkWrites)
        {
            var sent = new List<(string Text, int Parameters)>();
            var connection = new NoServerConnection(sent);
            var table = BulkTable.Of(db.Model, entity, sqlite: false, columns);
            await using (var writer = new BulkRowWriter(new NothingTransaction(connection, IsolationLevel.ReadCommitted), table))
            {
                await writer.InsertReturningIdAsync(columns.Select(SampleValue).ToArray(), CancellationToken.None);
            }

            var insert = Assert.Single(sent);
            Assert.Empty(TSql.Problems(insert.Text));
            Assert.StartsWith($"INSERT INTO [{table.Name}] (", insert.Text);
            Assert.Contains("OUTPUT INSERTED.[Id]", insert.Text);
            Assert.Equal(columns.Length, insert.Parameters);
        }
    }

    [Fact]
    public void The_lock_and_the_id_range_read_around_a_bulk_copy_parse()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var table = BulkTable.Of(db.Model, typeof(FeedbackItem), sqlite: false, FeedbackBulkWriter.Columns);

        Assert.Empty(TSql.Problems(BulkRowWriter.SqlServerLockSql(table)));
        Assert.Contains("FROM [Feedback] WITH (TABLOCKX, HOLDLOCK)", BulkRowWriter.SqlServerLockSql(table));
        Assert.Empty(TSql.Problems(BulkRowWriter.SqlServerRangeSql(table)));
    }

    private static object? SampleValue(BulkColumn column) => column.Type switch
    {
        BulkType.Int => 1,
        BulkType.Double => 2.5,
        BulkType.Bool => true,
        BulkType.Timestamp => Now,
        BulkType.Date => DateOnly.FromDateTime(Now),
        _ => "text",
    };

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
