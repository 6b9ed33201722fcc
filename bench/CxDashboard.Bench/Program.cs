using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Scorecards;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using CxDashboard.Domain.Metrics;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Seeding;
using CxDashboard.Web.Features.Dashboard;
using Microsoft.Data.Sqlite;
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

        if (options.Scales.Count > 0)
        {
            return await GrowthRunAsync(options);
        }

        var startedAt = DateTime.UtcNow;
        var loadBefore = LoadAverage();
        var report = new Report();
        Console.WriteLine($"CX Dashboard benchmark: {options.Feedback:N0} feedback items, {options.Runs} runs, database {options.DatabasePath}");
        if (!await RunAtScaleAsync(options, report, growthRun: false))
        {
            return 2;
        }

        var elapsed = DateTime.UtcNow - startedAt;
        Console.WriteLine();
        Console.WriteLine(Report.Inv($"## Results, {startedAt:yyyy-MM-dd HH:mm} UTC"));
        Console.WriteLine();
        Console.WriteLine(Report.Inv($"Machine: {Machine()}. Load average (1/5/15 min) before: {loadBefore}, after: {LoadAverage()}. Whole run {elapsed.TotalMinutes:0.0} min."));
        Console.WriteLine(Report.Inv($"Command: dotnet run -c Release --project bench/CxDashboard.Bench -- --feedback {options.Feedback} --friction-issues {options.Scale.FrictionIssues} --actions {options.Scale.Actions} --metrics {options.Scale.Metrics} --runs {options.Runs}{(options.SkipBuildDb ? " --skip-build-db" : "")} --db {options.DatabasePath}{(options.Only is { } only ? " --only " + only : "")}{(options.Only is null or "capacity" ? CapacityArguments(options.Capacity) : "")}"));
        Console.WriteLine();
        Console.WriteLine(report.ToMarkdown());
        return 0;
    }

    /// <summary>
    /// The lines that grow with the data at each scale in turn, each on its own database, then how each line's median grew
    /// from one scale to the next. Import, sessions and capacity do not depend on the volume of data and are left out.
    /// </summary>
    private static async Task<int> GrowthRunAsync(BenchOptions options)
    {
        var startedAt = DateTime.UtcNow;
        var runs = new List<(int Feedback, Report Report, string LoadBefore, string LoadAfter)>();
        foreach (var feedback in options.Scales)
        {
            var atScale = options.AtScale(feedback);
            Console.WriteLine($"CX Dashboard benchmark at {feedback:N0} feedback items, {options.Runs} runs, database {atScale.DatabasePath}");
            var report = new Report();
            var loadBefore = LoadAverage();
            if (!await RunAtScaleAsync(atScale, report, growthRun: true))
            {
                return 2;
            }
            runs.Add((feedback, report, loadBefore, LoadAverage()));
            if (options.Only is "seed")
            {
                continue;
            }
            if (runs.Count >= 2 && runs.Count < options.Scales.Count)
            {
                // So far, in case the run is stopped before the largest scale.
                Console.WriteLine();
                Console.WriteLine(GrowthTable.ToMarkdown(runs.Select(r => (r.Feedback, r.Report)).ToList()));
            }
        }

        Console.WriteLine();
        Console.WriteLine(Report.Inv($"## Growth, {startedAt:yyyy-MM-dd HH:mm} UTC"));
        Console.WriteLine();
        Console.WriteLine(Report.Inv($"Machine: {Machine()}. Whole run {(DateTime.UtcNow - startedAt).TotalMinutes:0.0} min. Load average (1/5/15 min) before and after each scale: {string.Join("; ", runs.Select(r => Report.Inv($"{r.Feedback:N0}: {r.LoadBefore} → {r.LoadAfter}")))}."));
        Console.WriteLine(Report.Inv($"Command: dotnet run -c Release --project bench/CxDashboard.Bench -- --scales {string.Join(',', options.Scales)} --runs {options.Runs}{(options.SkipBuildDb ? " --skip-build-db" : "")} --db-dir {options.DatabaseFolder}{(options.Only is { } only ? " --only " + only : "")}"));
        Console.WriteLine();
        if (runs.Count >= 2 && options.Only is not "seed")
        {
            Console.WriteLine(GrowthTable.ToMarkdown(runs.Select(r => (r.Feedback, r.Report)).ToList()));
        }
        foreach (var (feedback, report, _, _) in runs)
        {
            Console.WriteLine(Report.Inv($"### At {feedback:N0} feedback items"));
            Console.WriteLine();
            Console.WriteLine(report.ToMarkdown());
        }
        return 0;
    }

    private static async Task<bool> RunAtScaleAsync(BenchOptions options, Report report, bool growthRun)
    {
        // A growth run reuses a database seeded completely at the same scale (seeding 10,000,000 items takes a
        // quarter of an hour or more); anything else is seeded again, unless --skip-build-db asks to reuse it as it is.
        var seeded = growthRun && !options.SkipBuildDb ? SeededDatabase.ReadComplete(options.DatabasePath, options.Scale) : null;
        var seed = !options.SkipBuildDb && seeded is null;
        if (seed)
        {
            SeededDatabase.Delete(options.DatabasePath);
        }
        else if (!File.Exists(options.DatabasePath))
        {
            Console.Error.WriteLine($"--skip-build-db: there is no database at {options.DatabasePath}; run once without it.");
            return false;
        }

        await using var host = new BenchHost(options.DatabasePath);
        host.Start();
        var services = host.Services;
        var dbFactory = services.GetRequiredService<IDbContextFactory<CxDbContext>>();

        if (seed)
        {
            Console.WriteLine($"Seeding the demo retailer with {options.Feedback:N0} feedback items…");
            var seeder = services.GetRequiredService<DemoDataSeeder>();
            var startedAt = DateTime.UtcNow;
            var loadBefore = LoadAverage();
            var seeding = Stopwatch.StartNew();
            var volume = await seeder.SeedAsync(options.Scale, reset: true);
            // The seeder streams the generated rows into prepared INSERTs; its peak memory should not grow with them.
            seeded = new SeededDatabase(options.Scale, (seeding.Elapsed - volume.Took).TotalSeconds, volume.SearchIndexTook.TotalSeconds,
                volume.DayCountsTook.TotalSeconds, volume.Took.TotalSeconds, volume.FrictionIssues, volume.Actions, volume.Metrics,
                volume.MetricValues, PeakResidentMb(), startedAt, DateTime.UtcNow, loadBefore, LoadAverage());
            seeded.Save(options.DatabasePath);
            seeded.AddLines(report, growthRun, reused: false);
        }
        else if (seeded is not null)
        {
            Console.WriteLine($"Reusing the database seeded completely with {options.Feedback:N0} feedback items at {seeded.EndedAtUtc:yyyy-MM-dd HH:mm} UTC.");
            seeded.AddLines(report, growthRun, reused: true);
        }
        if (options.Only is "seed")
        {
            return true;
        }

        int feedbackInDatabase;
        int metricId;
        string publishedQuarter;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            feedbackInDatabase = await db.Feedback.CountAsync();
            metricId = await db.Metrics.Where(m => m.Status == MetricStatus.Agreed).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
            publishedQuarter = (await db.Scorecards.Where(s => s.Status == ScorecardStatus.Published).Select(s => s.Quarter).ToListAsync()).Max().ToString();
            var megabytes = new FileInfo(options.DatabasePath).Length / 1048576.0;
            report.Note(Report.Inv($"Database: {feedbackInDatabase:N0} feedback items, {await db.FrictionIssues.CountAsync():N0} friction issues, {await db.Actions.CountAsync():N0} actions, {await db.Metrics.CountAsync():N0} metrics, {await db.Set<MetricValue>().CountAsync():N0} metric values; file {megabytes:N0} MB, {megabytes / (feedbackInDatabase / 1e6):N0} MB per million feedback items."));
        }

        if (growthRun && options.Only is null)
        {
            await MigrationIndexAsync(host.ConnectionString, report);
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
        if (options.Only is "prerender")
        {
            await PrerenderAsync(host, report, metricId, publishedQuarter);
            return true;
        }
        if (growthRun)
        {
            if (options.Only is not null)
            {
                return true;
            }
            await PrerenderAsync(host, report, metricId, publishedQuarter);
            Console.WriteLine("Exports to Excel (each in a child process)…");
            await new ExportBenchmarks(host.ConnectionString, options.Runs, report).RunAsync([feedbackInDatabase], wholeTable: feedbackInDatabase);
            return true;
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
        if (options.Only is "import-memory")
        {
            Console.WriteLine("Import memory against the file's size…");
            await new ImportMemoryBenchmark(host.Services, host.ConnectionString, report).RunAsync();
        }
        if (options.Only is "import-upload")
        {
            Console.WriteLine("A 199 MB export uploaded through the Import feedback page…");
            await new ImportUploadBenchmark(host.BaseUrl, host.Services, host.ConnectionString, report).RunAsync();
        }
        if (options.Only is null or "alerts")
        {
            Console.WriteLine("Alerts from an API batch…");
            await new AlertBenchmarks(services, options.Runs, report).RunAsync();
            Console.WriteLine("The daily digest…");
            await new DigestBenchmark(services, options.Runs, report).RunAsync();
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
        return true;
    }

    /// <summary>
    /// An index built on the whole feedback table, as a migration that adds one does (the customer reference's, dropped
    /// and built again): SQLite holds the database's write lock for all of it, so no feedback is recorded meanwhile.
    /// </summary>
    private static async Task MigrationIndexAsync(string connectionString, Report report)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var drop = connection.CreateCommand())
        {
            drop.CommandText = CustomerReferenceIndex.SqliteDropSql;
            await drop.ExecuteNonQueryAsync();
        }
        await using var create = connection.CreateCommand();
        create.CommandText = CustomerReferenceIndex.SqliteCreateSql;
        var ms = await Timing.TimeAsync(() => create.ExecuteNonQueryAsync());
        report.Add(new ReportLine("Migration", "an index built on the feedback table (IX_Feedback_CustomerRefUpper of migration ScaleIndexes), writes locked out meanwhile",
            Report.Inv($"{ms / 1000:0.0} s"), "—", "—", null)
        {
            Growth = new("Migration | an index built on the feedback", ms, ms, 1),
        });
    }

    private static string Machine() =>
        Report.Inv($"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, SQLite");

    private static string PeakResidentMb()
    {
        var line = File.Exists("/proc/self/status")
            ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            : null;
        return line is null
            ? Report.Inv($"{Process.GetCurrentProcess().PeakWorkingSet64 / 1048576}")
            : Report.Inv($"{long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024}");
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
        await PrerenderAsync(host, report, metricId, publishedQuarter);

        Console.WriteLine("Exports to Excel (each in a child process)…");
        await new ExportBenchmarks(host.ConnectionString, options.Runs, report).RunAsync(new[] { 100_000, 1_000_000 }.Where(r => r <= feedbackInDatabase).ToList());

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

    private static async Task PrerenderAsync(BenchHost host, Report report, int metricId, string publishedQuarter)
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
