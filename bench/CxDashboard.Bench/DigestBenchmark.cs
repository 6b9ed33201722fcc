using CxDashboard.Domain.Notifications;
using CxDashboard.Domain.Organisation;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxDashboard.Bench;

/// <summary>
/// The daily digest made for 1,000 people with 5 notifications each waiting (<see cref="DailyDigest.MakeDueAsync"/>): one grouped
/// query, 1,000 digest rows, one UPDATE filing the 5,000 notifications. Each run adds 1,000 new people and their notifications,
/// and makes the digest of the day after the app's own (its clock is a day ahead), so the running app's worker, which makes
/// today's, never takes them first.
/// </summary>
internal sealed class DigestBenchmark(IServiceProvider services, int runs, Report report)
{
    private const int People = 1_000;
    private const int EachWaiting = 5;

    public async Task RunAsync()
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<CxDbContext>>();
        var digest = new DailyDigest(dbFactory, new DayAhead(), services.GetRequiredService<IEmailSender>(), services.GetRequiredService<EmailDelivery>(),
            services.GetRequiredService<IOptions<EmailOptions>>(), services.GetRequiredService<ILogger<DailyDigest>>());
        var times = Math.Max(3, Math.Min(runs, 10));
        var took = new List<double>();
        var made = new List<int>();
        // Untimed, first: the digests of whoever already has notifications waiting (the lines before this one record
        // detractors, which a head of CX gets in the digest by default), so each run below makes exactly its own 1,000.
        await digest.MakeDueAsync(default);
        for (var i = 0; i < times; i++)
        {
            await WaitingAsync(dbFactory);
            var count = 0;
            took.Add(await Timing.TimeAsync(async () => count = await digest.MakeDueAsync(default)));
            made.Add(count);
        }
        var t = Timings.Of(took);
        report.Add(new ReportLine("Alerts",
            Report.Inv($"daily digest made for {People:N0} people with {EachWaiting} notifications waiting each: DailyDigest.MakeDueAsync, grouped in the database ({times} runs)"),
            Report.Inv($"median {t.Median:N0} ms, p95 {t.P95:N0} ms; digests made per run: {string.Join(", ", made)}"), "—", "< 5 s, one digest per person",
            t.P95 < 5_000 && made.All(m => m == People)));
    }

    /// <summary>Adds 1,000 people, each with notifications that go to the digest (an overdue action's, by default).</summary>
    private static async Task WaitingAsync(IDbContextFactory<CxDbContext> dbFactory)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        await using var db = await dbFactory.CreateDbContextAsync();
        db.AuditEnabled = false;
        // A team of their own, owning no channel: in a team that owns one, every later detractor there would tell them all.
        var team = new Team(Report.Inv($"digest-{run}"), Report.Inv($"Digest bench {run}"));
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        var people = Enumerable.Range(0, People).Select(i => new Person(Report.Inv($"Digest {run} {i}"), Report.Inv($"digest-{run}-{i}@bench.example"), team.Id)).ToList();
        db.People.AddRange(people);
        await db.SaveChangesAsync();
        var at = DateTime.UtcNow;
        db.Notifications.AddRange(people.SelectMany(p => Enumerable.Range(0, EachWaiting).Select(n =>
            new Notification(p.Id, NotificationKind.ActionOverdue, Report.Inv($"Action #{n} is overdue"), Report.Inv($"/actions/{n + 1}"), at, byEmail: true))));
        await db.SaveChangesAsync();
    }

    private sealed class DayAhead : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddDays(1);
    }
}
