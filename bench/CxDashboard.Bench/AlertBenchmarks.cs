using System.Diagnostics;
using CxDashboard.Domain.Notifications;
using CxDashboard.Domain.Organisation;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Bench;

/// <summary>
/// A survey tool's batch of 1,000 answers, 300 of them detractors, through the API's
/// <see cref="IngestionService.IngestFeedbackAsync"/>: the follow-ups' owners and the other members of the channels' teams
/// are told (once per person and channel, with the count, when a batch brings several), routed and written in bulk in the
/// batch's own transaction, so the answer waits for them. Its floor is the same batch with no detractor (no follow-up, no notification), which is how fast a
/// batch is answered; the issue asks that detractors leave it about as fast. Then the time until the background has
/// delivered the e-mails (in Development, as .eml files). A batch of each kind goes first, untimed. Last, one detractor in a channel whose team has
/// <see cref="CrowdMembers"/> members, each of whom is told: the members are added for the line and removed after it.
/// Each run's answers stay: a few thousand rows do not change a database of the bench's size.
/// </summary>
internal sealed class AlertBenchmarks(IServiceProvider services, int runs, Report report)
{
    private const int BatchSize = IngestionService.MaxItems;
    private const int Detractors = 300;
    private const int CrowdMembers = 5_000;

    public async Task RunAsync()
    {
        var channels = await ChannelCodesAsync();
        var client = new ApiClient(new AuditActor(null, "API key: bench"), null, null, "API key: bench");
        var times = Math.Max(3, Math.Min(runs, 10));
        var app = new List<double>();
        var floor = new List<double>();
        var delivered = new List<double>();
        // Untimed, first: a batch of each kind, so that neither line pays for compiling the code and the queries they share.
        await WithDetractorsAsync(channels, client);
        await WithoutDetractorsAsync(channels, client);
        for (var i = 0; i < times; i++)
        {
            var (answered, sent) = await WithDetractorsAsync(channels, client);
            app.Add(answered);
            delivered.Add(sent);
            floor.Add(await WithoutDetractorsAsync(channels, client));
        }
        var a = Timings.Of(app);
        var f = Timings.Of(floor);
        var d = Timings.Of(delivered);
        report.Add(new ReportLine("Alerts",
            Report.Inv($"API batch of {BatchSize:N0} answers, {Detractors} detractors: IngestFeedbackAsync with {Detractors} follow-ups and their notifications routed and written in bulk in its transaction ({times} runs)"),
            Report.Inv($"median {a.Median:N0} ms, p95 {a.P95:N0} ms ({a.Median / f.Median:0.00}× the floor)"),
            Report.Inv($"the same batch with no detractor: median {f.Median:N0} ms"), "≤ 1.25 × floor", a.Median <= 1.25 * f.Median));
        report.Add(new ReportLine("Alerts",
            Report.Inv($"the e-mails delivered by the background after the answer (Development: .eml files)"),
            Report.Inv($"median {d.Median / 1000:0.0} s, p95 {d.P95 / 1000:0.0} s"), "—", "< 60 s", d.P95 < 60_000));
        var (crowd, told) = await CrowdAsync(channels, client, times);
        var c = Timings.Of(crowd);
        report.Add(new ReportLine("Alerts",
            Report.Inv($"API batch of {BatchSize:N0} answers, 1 detractor in a channel whose team has {CrowdMembers:N0} more members, each told ({times} runs)"),
            Report.Inv($"median {c.Median:N0} ms, p95 {c.P95:N0} ms ({c.Median / f.Median:0.00}× the floor); members told per batch: {string.Join(", ", told)}"),
            Report.Inv($"no detractor: median {f.Median:N0} ms"), "— (what it costs)", null));
    }

    /// <summary>
    /// Gives the team of the first channel <see cref="CrowdMembers"/> more members, times batches with one detractor there, and
    /// counts how many of them each batch told; then removes them and what they were told.
    /// </summary>
    private async Task<(List<double> Took, List<int> Told)> CrowdAsync(IReadOnlyList<string> channels, ApiClient client, int times)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<CxDbContext>>();
        var run = Guid.NewGuid().ToString("N")[..8];
        var prefix = Report.Inv($"crowd-{run}-");
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            db.AuditEnabled = false;
            var teamId = await db.Channels.Where(c => c.Code == channels[0]).Select(c => c.OwningTeamId).SingleAsync();
            db.People.AddRange(Enumerable.Range(0, CrowdMembers).Select(i => new Person(Report.Inv($"Crowd {run} {i}"), Report.Inv($"{prefix}{i}@bench.example"), teamId)));
            await db.SaveChangesAsync();
        }
        var took = new List<double>();
        var told = new List<int>();
        try
        {
            for (var i = 0; i < times; i++)
            {
                var batch = Batch(Guid.NewGuid().ToString("N"), channels, detractors: 1);
                var before = await CrowdToldAsync(dbFactory, prefix);
                took.Add(await Timing.TimeAsync(() => Ingest(batch, client)));
                told.Add(await CrowdToldAsync(dbFactory, prefix) - before);
            }
        }
        finally
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            await db.Notifications.Where(n => db.People.Any(p => p.Id == n.RecipientPersonId && p.Email.StartsWith(prefix))).ExecuteDeleteAsync();
            await db.People.Where(p => p.Email.StartsWith(prefix)).ExecuteDeleteAsync();
        }
        return (took, told);
    }

    private static async Task<int> CrowdToldAsync(IDbContextFactory<CxDbContext> dbFactory, string prefix)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Notifications.CountAsync(n => db.People.Any(p => p.Id == n.RecipientPersonId && p.Email.StartsWith(prefix)));
    }

    private async Task<(double Answered, double Delivered)> WithDetractorsAsync(IReadOnlyList<string> channels, ApiClient client)
    {
        var run = Guid.NewGuid().ToString("N");
        var batch = Batch(run, channels, detractors: Detractors);
        var started = Stopwatch.GetTimestamp();
        await Ingest(batch, client);
        var answered = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var dbFactory = services.GetRequiredService<IDbContextFactory<CxDbContext>>();
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            if (!await db.Notifications.AnyAsync(n => n.EmailStatus == EmailStatus.Pending))
            {
                break;
            }
            await Task.Delay(100);
        }
        var delivered = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return (answered, delivered);
    }

    private async Task<double> WithoutDetractorsAsync(IReadOnlyList<string> channels, ApiClient client)
    {
        var run = Guid.NewGuid().ToString("N");
        var batch = Batch(run, channels, detractors: 0);
        var took = await Timing.TimeAsync(() => Ingest(batch, client));
        return took;
    }

    private async Task Ingest(FeedbackBatch batch, ApiClient client)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IngestionService>().IngestFeedbackAsync(batch, client);
        if (result.Result is null)
        {
            throw new InvalidOperationException("The bench batch was refused: " + string.Join("; ", result.Problems.SelectMany(p => p.Value)));
        }
    }

    private static FeedbackBatch Batch(string run, IReadOnlyList<string> channels, int detractors) =>
        new(Enumerable.Range(0, BatchSize).Select(i => (FeedbackInput?)new FeedbackInput(
            Report.Inv($"bench-{run}-{i}"), DateTimeOffset.UtcNow.AddHours(-1), channels[i % channels.Count], null, "Survey", "Service", null, "Nps",
            i < detractors ? 2 : 9, "Waited at the tills.", null)).ToList());

    private async Task<IReadOnlyList<string>> ChannelCodesAsync()
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContextAsync();
        return await db.Channels.OrderBy(c => c.SortOrder).Select(c => c.Code).ToListAsync();
    }
}
