using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Scorecards;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using CxDashboard.Domain.Metrics;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Seeding;
using CxDashboard.Web.Features.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Bench;

/// <summary>The benchmark's entry point (a named class: the app's own <c>Program</c> is the one WebApplicationFactory starts).</summary>
internal static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == ExportBenchmarks.ChildSwitch)
        {
            return await ExportBenchmarks.RunChildAsync(args);
        }
        if (args.Length > 0 && args[0] == SessionMemoryBenchmark.ChildSwitch)
        {
            return await SessionMemoryBenchmark.RunChildAsync(args);
        }
        if (args.Length > 0 && args[0] == CapacityBenchmark.ChildSwitch)
        {
            return await CapacityBenchmark.RunChildAsync(args);
        }

        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        var startedAt = DateTime.UtcNow;
        var loadBefore = LoadAverage();
        var report = new Report();
        Console.WriteLine($"CX Dashboard benchmark: {options.Feedback:N0} feedback items, {options.Runs} runs, database {options.DatabasePath}");

        if (!options.SkipBuildDb)
        {
            foreach (var file in new[] { "", "-wal", "-shm" }.Select(suffix => options.DatabasePath + suffix).Where(File.Exists))
            {
                File.Delete(file);
            }
        }
        else if (!File.Exists(options.DatabasePath))
        {
            Console.Error.WriteLine($"--skip-build-db: there is no database at {options.DatabasePath}; run once without it.");
            return 2;
        }

        await using var host = new BenchHost(options.DatabasePath);
        host.Start();
        var services = host.Services;
        var dbFactory = services.GetRequiredService<IDbContextFactory<CxDbContext>>();

        if (!options.SkipBuildDb)
        {
            Console.WriteLine($"Seeding the demo retailer with {options.Feedback:N0} feedback items…");
            var seeder = services.GetRequiredService<DemoDataSeeder>();
            var seeding = Stopwatch.StartNew();
            var volume = await seeder.SeedAsync(options.Scale, reset: true);
            var seconds = (seeding.Elapsed - volume.Took).TotalSeconds;
            report.Add(new ReportLine("Seeding", Report.Inv($"demo retailer with {options.Feedback:N0} feedback items (DemoDataSeeder.SeedAsync)"),
                Report.Inv($"{seconds:0.0} s ({options.Feedback / seconds:N0} rows/s)"), "—", "< 2 min", seconds < 120));
            report.Add(new ReportLine("Seeding", Report.Inv($"top-up to scale: {volume.FrictionIssues:N0} friction issues, {volume.Actions:N0} actions, {volume.Metrics:N0} metrics with {volume.MetricValues:N0} weekly values"),
                Report.Inv($"{volume.Took.TotalSeconds:0.0} s"), "—", "—", null));
        }

        int feedbackInDatabase;
        int metricId;
        string publishedQuarter;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            feedbackInDatabase = await db.Feedback.CountAsync();
            metricId = await db.Metrics.Where(m => m.Status == MetricStatus.Agreed).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
            publishedQuarter = (await db.Scorecards.Where(s => s.Status == ScorecardStatus.Published).Select(s => s.Quarter).ToListAsync()).Max().ToString();
            report.Note(Report.Inv($"Database: {feedbackInDatabase:N0} feedback items, {await db.FrictionIssues.CountAsync():N0} friction issues, {await db.Actions.CountAsync():N0} actions, {await db.Metrics.CountAsync():N0} metrics, {await db.Set<MetricValue>().CountAsync():N0} metric values; file {new FileInfo(options.DatabasePath).Length / 1048576.0:N0} MB."));
        }

        if (options.Only is null or "queries")
        {
            Console.WriteLine("Dashboard and inbox queries…");
            await new QueryBenchmarks(services, host.ConnectionString, options.Runs, report).RunAsync();
        }
        if (options.Only is null or "themes")
        {
            Console.WriteLine("Themes: tagging, the themes page and emerging phrases…");
            await new ThemeBenchmarks(services, options.Runs, report).RunAsync();
        }
        if (options.Only is null)
        {
            await RunTheRestAsync(options, host, report, feedbackInDatabase, metricId, publishedQuarter);
        }
        if (options.Only is "api")
        {
            Console.WriteLine("API batch…");
            await new ApiBatchBenchmark(host.Services, host.ConnectionString, options.Runs, report).RunAsync();
        }
        if (options.Only is "import")
        {
            Console.WriteLine("Import from CSV…");
            await new ImportBenchmarks(host.Services, host.ConnectionString, options.Runs, report).RunAsync();
        }
        if (options.Only is null or "alerts")
        {
            Console.WriteLine("Alerts from an API batch…");
            await new AlertBenchmarks(services, options.Runs, report).RunAsync();
        }
        if (options.Only is "sessions")
        {
            Console.WriteLine("Open interactive sessions…");
            foreach (var page in options.SessionPages)
            {
                await new SessionMemoryBenchmark(host.BaseUrl, host.Circuits, options.Sessions, page, report).RunAsync();
            }
        }

        if (options.Only is null or "capacity")
        {
            Console.WriteLine("People at once on one instance…");
            await new CapacityBenchmark(host.BaseUrl, host.Circuits, await ActionsToUpdateAsync(dbFactory, options.Capacity.People[^1]),
                options.Capacity, report).RunAsync();
        }

        var elapsed = DateTime.UtcNow - startedAt;
        Console.WriteLine();
        Console.WriteLine(Report.Inv($"## Results, {startedAt:yyyy-MM-dd HH:mm} UTC"));
        Console.WriteLine();
        Console.WriteLine(Report.Inv($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, SQLite. Load average (1/5/15 min) before: {loadBefore}, after: {LoadAverage()}. Whole run {elapsed.TotalMinutes:0.0} min."));
        Console.WriteLine(Report.Inv($"Command: dotnet run -c Release --project bench/CxDashboard.Bench -- --feedback {options.Feedback} --friction-issues {options.Scale.FrictionIssues} --actions {options.Scale.Actions} --metrics {options.Scale.Metrics} --runs {options.Runs}{(options.SkipBuildDb ? " --skip-build-db" : "")} --db {options.DatabasePath}{(options.Only is { } only ? " --only " + only : "")}{(options.Only is null or "capacity" ? CapacityArguments(options.Capacity) : "")}"));
        Console.WriteLine();
        Console.WriteLine(report.ToMarkdown());
        return 0;
    }

    /// <summary>
    /// Twelve dashboard addresses no earlier step has opened: the seven quarters before this one, each for all channels
    /// and for one channel in turn (the current quarter for all channels is what the repeated prerender above asks for).
    /// </summary>
    private static async Task<IReadOnlyList<string>> DashboardFirstVisitsAsync(BenchHost host)
    {
        using var scope = host.Services.CreateScope();
        var dashboard = scope.ServiceProvider.GetRequiredService<DashboardService>();
        var channels = await dashboard.GetChannelsAsync();
        var quarters = dashboard.RecentQuarters(8).Skip(1).ToList();
        return Enumerable.Range(0, 12)
            .Select(i => i % 2 == 0
                ? $"/?quarter={quarters[i / 2 % quarters.Count]}&channel="
                : string.Create(CultureInfo.InvariantCulture, $"/?quarter={quarters[i / 2 % quarters.Count]}&channel={channels[i / 2 % channels.Count].Id}"))
            .ToList();
    }

    private static async Task RunTheRestAsync(BenchOptions options, BenchHost host, Report report, int feedbackInDatabase, int metricId,
        string publishedQuarter)
    {
        Console.WriteLine("Prerender over HTTP…");
        await new PrerenderBenchmarks(host.BaseUrl, report).RunAsync(
        [
            ("/", "dashboard"),
            ("/feedback", "feedback inbox"),
            ($"/scorecards/{publishedQuarter}", "published scorecard"),
            (string.Create(CultureInfo.InvariantCulture, $"/metrics/{metricId}"), "metric page"),
            ("/friction", "friction board"),
            ("/friction?view=list", "friction list"),
            ("/actions", "actions"),
            ("/metrics", "metric catalogue"),
        ]);
        await new PrerenderBenchmarks(host.BaseUrl, report).RunDashboardFirstVisitsAsync(await DashboardFirstVisitsAsync(host));

        Console.WriteLine("Exports to Excel (each in a child process)…");
        await new ExportBenchmarks(host.ConnectionString, options.Runs, report).RunAsync(feedbackInDatabase);

        Console.WriteLine("Import from CSV…");
        await new ImportBenchmarks(host.Services, host.ConnectionString, options.Runs, report).RunAsync();

        Console.WriteLine("API batch…");
        await new ApiBatchBenchmark(host.Services, host.ConnectionString, options.Runs, report).RunAsync();

        Console.WriteLine("Open interactive sessions…");
        foreach (var page in options.SessionPages)
        {
            await new SessionMemoryBenchmark(host.BaseUrl, host.Circuits, options.Sessions, page, report).RunAsync();
        }
    }

    private static string CapacityArguments(CapacityOptions capacity) =>
        Report.Inv($" --people {string.Join(',', capacity.People)} --capacity-seconds {capacity.Seconds} --think-seconds {capacity.ThinkSeconds}");

    /// <summary>One open action per person, so no two people add notes to the same one.</summary>
    private static async Task<IReadOnlyList<int>> ActionsToUpdateAsync(IDbContextFactory<CxDbContext> dbFactory, int people)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Actions.Where(a => a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress)
            .OrderBy(a => a.Id).Select(a => a.Id).Take(people).ToListAsync();
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg")
        ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
        : "unknown";
}
