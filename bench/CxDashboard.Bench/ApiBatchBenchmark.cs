using System.Globalization;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Api;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Bench;

/// <summary>
/// One API batch of 1,000 new feedback items, through the same <see cref="IngestionService.IngestFeedbackAsync"/> the
/// endpoint calls: checked whole, external ids looked up, follow-ups opened for detractors, written in bulk with an audit
/// entry per item. The items are a survey tool's: every channel and journey stage in turn, a third of them detractors.
/// Each run's rows (and their audit entries) are deleted again, untimed.
/// </summary>
internal sealed class ApiBatchBenchmark(IServiceProvider services, string connectionString, int runs, Report report)
{
    private const int Items = IngestionService.MaxItems;

    public async Task RunAsync()
    {
        var (channels, stages) = await CodesAsync();
        var client = new ApiClient(new AuditActor(null, ApiClient.KeyDisplayName("Benchmark survey tool")), PersonId: null, ResponsiblePersonId: null,
            ApiClient.KeyDisplayName("Benchmark survey tool"));
        var times = Math.Max(1, Math.Min(runs, 10));
        var samples = new List<double>();
        for (var run = -1; run < times; run++)
        {
            var batch = Batch(run + 1, channels, stages);
            var elapsed = await TimedThenUndoneAsync(() => SendAsync(batch, client));
            // The first run pays for first use (compiled queries, the bulk writer's statements) and is not counted.
            if (run >= 0)
            {
                samples.Add(elapsed);
            }
        }
        var timings = Timings.Of(samples);
        report.Add(new ReportLine("API ingestion",
            Report.Inv($"batch of {Items:N0} feedback items: IngestionService.IngestFeedbackAsync (checks, external ids, follow-ups, bulk INSERT, an audit entry per item; {times} runs)"),
            Report.Inv($"median {timings.Median:0} ms, p95 {timings.P95:0} ms ({Items / (timings.Median / 1000):N0} items/s)"),
            "—", "—", null));
    }

    private static FeedbackBatch Batch(int run, IReadOnlyList<string> channels, IReadOnlyList<string> stages) => new(Enumerable.Range(0, Items)
        .Select(i => new FeedbackInput(
            string.Create(CultureInfo.InvariantCulture, $"bench-api-{run}-{i}"),
            DateTimeOffset.UtcNow.AddMinutes(-i),
            channels[i % channels.Count],
            stages[i % stages.Count],
            "Survey",
            i % 2 == 0 ? "Service" : "Product",
            null,
            "Nps",
            i % 11,
            i % 3 == 0 ? "Waited a long time at the till and nobody came to help." : "Quick and friendly, found what I came for.",
            null))
        .ToList());

    private async Task SendAsync(FeedbackBatch batch, ApiClient client)
    {
        await using var scope = services.CreateAsyncScope();
        var sent = await scope.ServiceProvider.GetRequiredService<IngestionService>().IngestFeedbackAsync(batch, client);
        if (sent.Result is not { Created: Items })
        {
            throw new InvalidOperationException("The batch was not stored whole: " + string.Join(" ", sent.Problems.SelectMany(p => p.Value)));
        }
    }

    private async Task<(List<string> Channels, List<string> Stages)> CodesAsync()
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContextAsync();
        return (await db.Channels.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Code).ToListAsync(),
            await db.JourneyStages.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Code).ToListAsync());
    }

    private async Task<double> TimedThenUndoneAsync(Func<Task> send)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var before = await QueryBenchmarks.ScalarAsync(connection, """SELECT coalesce(max("Id"), 0) FROM "Feedback" """);
        var auditBefore = await QueryBenchmarks.ScalarAsync(connection, """SELECT coalesce(max("Id"), 0) FROM "AuditEntries" """);
        var elapsed = await Timing.TimeAsync(send);
        await using var undo = connection.CreateCommand();
        // The benchmark's own clean-up, not an erasure: see ImportBenchmarks.
        undo.CommandText = """
            INSERT INTO "FeedbackSearch" ("FeedbackSearch", rank) VALUES ('secure-delete', 0);
            DELETE FROM "Feedback" WHERE "Id" > @id;
            DELETE FROM "AuditEntries" WHERE "Id" > @audit;
            INSERT INTO "FeedbackSearch" ("FeedbackSearch", rank) VALUES ('secure-delete', 1);
            """;
        undo.Parameters.AddWithValue("@id", before);
        undo.Parameters.AddWithValue("@audit", auditBefore);
        await undo.ExecuteNonQueryAsync();
        return elapsed;
    }
}
