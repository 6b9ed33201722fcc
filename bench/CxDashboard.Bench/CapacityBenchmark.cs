using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace CxDashboard.Bench;

/// <summary>
/// How many people one instance serves at once: for each number of people, that many Chromium pages (one browser, driven
/// from a child process) each work as a person would — open the feedback inbox, open the sentiment filter, choose a
/// sentiment, open one of the actions and add a progress note — with a few seconds' thought between clicks, for a fixed
/// time. Each click's round trip is timed in the page, from the pointer going down to the page showing the result. The
/// most people whose clicks' p95 stays under 250 ms is the instance's capacity; the server's managed heap and resident
/// memory per person are read with everyone's page still open after the busy minute.
/// </summary>
internal sealed class CapacityBenchmark(string baseUrl, OpenCircuits circuits, IReadOnlyList<int> actionIds, CapacityOptions options, Report report)
{
    public const string ChildSwitch = "--capacity-child";
    public const double TargetP95Ms = 250;

    // Installed before a click: times from the pointer going down to the page showing what the click asked for.
    private const string WatchRoundTrip = """
        spec => {
            const sentiments = ['Positive', 'Neutral', 'Negative'];
            const done = () => {
                if (spec.kind === 'list') {
                    return document.querySelector('.mud-popover-open .mud-list-item') !== null;
                }
                if (spec.kind === 'sentiment') {
                    const shown = [...document.querySelectorAll('.feedback-grid tbody tr .mud-chip')]
                        .map(chip => chip.textContent.trim()).filter(text => sentiments.includes(text));
                    return shown.length > 0 && shown.every(text => text === spec.value);
                }
                return document.body.textContent.includes(spec.value);
            };
            window.cxRoundTrip = new Promise(resolve => {
                let started = null;
                const begin = () => { if (started === null) { started = performance.now(); } };
                document.addEventListener('pointerdown', begin, { capture: true, once: true });
                document.addEventListener('mousedown', begin, { capture: true, once: true });
                const timer = setTimeout(() => { observer.disconnect(); resolve(-1); }, 30000);
                const observer = new MutationObserver(() => {
                    if (started !== null && done()) {
                        observer.disconnect();
                        clearTimeout(timer);
                        resolve(performance.now() - started);
                    }
                });
                observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
            });
        }
        """;

    public async Task RunAsync()
    {
        if (!File.Exists(SessionMemoryBenchmark.ChromiumPath))
        {
            report.Add(new ReportLine("Capacity", "people at once per instance", "not measured: no Chromium at " + SessionMemoryBenchmark.ChromiumPath,
                "—", Report.Inv($"click p95 < {TargetP95Ms} ms"), null));
            return;
        }
        Step? best = null;
        Step? firstMiss = null;
        foreach (var people in options.People)
        {
            Console.WriteLine(Report.Inv($"  {people} people for {options.Seconds} s…"));
            var step = await RunStepAsync(people);
            var pass = step.Timeouts == 0 && step.Clicks.P95 < TargetP95Ms;
            report.Add(new ReportLine("Capacity", Report.Inv($"{people} people at once, each a click every ~{options.ThinkSeconds} s for {options.Seconds} s (inbox, filter, action note)"),
                Report.Inv($"click round trip {Report.Ms(step.Clicks)} ({step.Clicks.Runs} clicks{(step.Timeouts > 0 ? $", {step.Timeouts} unanswered in 30 s" : "")}; p95 {string.Join(", ", step.ClicksByKind.Select(k => Report.Inv($"{KindNames[k.Key]} {k.Value.P95:0} ms")))}); inbox opened (navigation to interactive) median {step.InboxOpen.Median:0} ms, p95 {step.InboxOpen.P95:0} ms; per person {step.HeapPerPerson / 1024.0:N0} KB managed heap, {step.ResidentPerPerson / 1048576.0:0.0} MB resident ({step.Circuits} circuits held)"),
                "—", Report.Inv($"click p95 < {TargetP95Ms} ms"), pass));
            if (pass)
            {
                best = step;
            }
            else
            {
                firstMiss = step;
                break;
            }
        }
        report.Add(new ReportLine("Capacity", "most people at once on one instance with click p95 < 250 ms",
            best is null
                ? Report.Inv($"fewer than {options.People[0]}")
                : Report.Inv($"{best.People}{(firstMiss is null ? " or more (the largest number tried)" : $" (at {firstMiss.People}, p95 {firstMiss.Clicks.P95:0} ms)")}; {best.HeapPerPerson / 1024.0:N0} KB managed heap and {best.ResidentPerPerson / 1048576.0:0.0} MB resident per person at that load"),
            "—", "—", null));
    }

    private sealed record Step(int People, Timings Clicks, IReadOnlyDictionary<string, Timings> ClicksByKind, int Timeouts, Timings InboxOpen,
        long HeapPerPerson, long ResidentPerPerson, int Circuits);

    private static readonly IReadOnlyDictionary<string, string> KindNames = new Dictionary<string, string>
    {
        ["list"] = "opening the filter's list",
        ["sentiment"] = "choosing a sentiment (inbox query)",
        ["text"] = "adding a note (a write)",
    };

    private async Task<Step> RunStepAsync(int people)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(CapacityBenchmark).Assembly.Location);
        }
        foreach (var arg in new[]
        {
            ChildSwitch, baseUrl, people.ToString(CultureInfo.InvariantCulture), options.Seconds.ToString(CultureInfo.InvariantCulture),
            options.ThinkSeconds.ToString(CultureInfo.InvariantCulture), string.Join(',', actionIds.Take(people)),
        })
        {
            start.ArgumentList.Add(arg);
        }
        using var child = Process.Start(start)!;
        try
        {
            await ExpectAsync(child, "READY");
            if (!await circuits.WaitForNoneAsync(TimeSpan.FromMinutes(4)))
            {
                throw new InvalidOperationException($"{circuits.Count} circuits were still held four minutes after their pages closed.");
            }
            var (heapBefore, residentBefore) = Settle();
            await child.StandardInput.WriteLineAsync("go");
            var clicks = ParseSamples(await ExpectAsync(child, "CLICKS"));
            var opens = ParseSamples(await ExpectAsync(child, "OPENS")).Select(s => s.Ms).ToList();
            var (heapAfter, residentAfter) = Settle();
            var timeouts = clicks.Count(s => s.Ms < 0);
            // An unanswered click counts as 30 s, so it weighs on the p95 as the person felt it.
            var answered = clicks.Select(s => (s.Kind, Ms: s.Ms < 0 ? 30_000 : s.Ms)).ToList();
            var byKind = answered.GroupBy(s => s.Kind).ToDictionary(g => g.Key, g => Timings.Of(g.Select(s => s.Ms).ToList()));
            return new Step(people, Timings.Of(answered.Count > 0 ? answered.Select(s => s.Ms).ToList() : [30_000]), byKind, timeouts,
                Timings.Of(opens.Count > 0 ? opens : [0]), (heapAfter - heapBefore) / people, (residentAfter - residentBefore) / people, circuits.Count);
        }
        finally
        {
            await child.StandardInput.WriteLineAsync("close");
            await child.WaitForExitAsync();
        }
    }

    /// <summary>"WORD kind:ms kind:ms …" as the child prints it.</summary>
    private static List<(string Kind, double Ms)> ParseSamples(string line) =>
        line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(s => s.Split(':'))
            .Select(p => (p[0], double.Parse(p[1], CultureInfo.InvariantCulture)))
            .ToList();

    private static async Task<string> ExpectAsync(Process child, string word)
    {
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line == word || line.StartsWith(word + " ", StringComparison.Ordinal))
            {
                return line;
            }
        }
        throw new InvalidOperationException($"The browser process ended before it said {word} (exit {child.ExitCode}).");
    }

    private static (long Heap, long Resident) Settle()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var self = Process.GetCurrentProcess();
        return (heap, self.WorkingSet64);
    }

    /// <summary>In the child process: signs in, then on "go" runs every person until the time is up and reports each click.</summary>
    public static async Task<int> RunChildAsync(string[] args)
    {
        var baseUrl = args[1];
        var people = int.Parse(args[2], CultureInfo.InvariantCulture);
        var seconds = int.Parse(args[3], CultureInfo.InvariantCulture);
        var think = double.Parse(args[4], CultureInfo.InvariantCulture);
        var actionIds = args[5].Split(',').Select(id => int.Parse(id, CultureInfo.InvariantCulture)).ToArray();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = SessionMemoryBenchmark.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-renderer-backgrounding", "--disable-background-timer-throttling"],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(120_000);
        var first = await context.NewPageAsync();
        await first.GotoAsync("/account/signin?returnUrl=%2Ffeedback");
        await first.GetByRole(AriaRole.Button, new() { NameRegex = new("Eleanor Hartley") }).ClickAsync();
        await WaitForInteractiveAsync(first);
        // One whole round, untimed, so first-use costs (compiled queries, caches, code) fall before the baseline reading.
        await PersonAsync(first, people, actionIds[0], think: 0, until: DateTime.UtcNow.AddSeconds(1), [], []);
        await first.CloseAsync();
        Console.WriteLine("READY");
        await Console.In.ReadLineAsync();

        var clicks = new List<(string Kind, double Ms)>();
        var opens = new List<(string Kind, double Ms)>();
        var until = DateTime.UtcNow.AddSeconds(seconds);
        var running = new List<Task>();
        for (var person = 0; person < people; person++)
        {
            var page = await context.NewPageAsync();
            running.Add(PersonAsync(page, person, actionIds[person % actionIds.Length], think, until, clicks, opens));
            // People arrive over the first seconds rather than all in one instant.
            await Task.Delay(TimeSpan.FromSeconds(think / Math.Max(1, people)));
        }
        await Task.WhenAll(running);
        lock (clicks)
        {
            Console.WriteLine("CLICKS " + string.Join(' ', clicks.Select(s => Report.Inv($"{s.Kind}:{s.Ms:0.0}"))));
            Console.WriteLine("OPENS " + string.Join(' ', opens.Select(s => Report.Inv($"{s.Kind}:{s.Ms:0.0}"))));
        }
        await Console.In.ReadLineAsync();
        return 0;
    }

    private static async Task PersonAsync(IPage page, int person, int actionId, double think, DateTime until,
        List<(string Kind, double Ms)> clicks, List<(string Kind, double Ms)> opens)
    {
        var random = new Random(person);
        var sentiments = new[] { "Negative", "Positive" };
        var note = 0;
        for (var cycle = 0; DateTime.UtcNow < until; cycle++)
        {
            var opening = Stopwatch.StartNew();
            await page.GotoAsync("/feedback");
            await WaitForInteractiveAsync(page);
            Record(opens, "inbox", opening.Elapsed.TotalMilliseconds);
            await ThinkAsync(random, think);

            var sentimentSelect = page.Locator(".mud-select").Filter(new() { Has = page.Locator("label", new() { HasTextString = "Sentiment" }) }).Locator(".mud-input").First;
            Record(clicks, "list", await ClickAsync(page, sentimentSelect, new { kind = "list", value = "" }));
            var sentiment = sentiments[cycle % sentiments.Length];
            var option = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new($"^\\s*{sentiment}\\s*$") }).First;
            Record(clicks, "sentiment", await ClickAsync(page, option, new { kind = "sentiment", value = sentiment }));
            await ThinkAsync(random, think);

            await page.GotoAsync(string.Create(CultureInfo.InvariantCulture, $"/actions/{actionId}"));
            await WaitForInteractiveAsync(page);
            var text = string.Create(CultureInfo.InvariantCulture, $"Checked with the store team, person {person} note {++note} {Guid.NewGuid():N}");
            await page.GetByLabel("Note or reason").First.FillAsync(text);
            Record(clicks, "text", await ClickAsync(page, page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Add note") }).First, new { kind = "text", value = text }));
            await ThinkAsync(random, think);
        }
    }

    private static async Task<double> ClickAsync(IPage page, ILocator target, object spec)
    {
        await target.WaitForAsync();
        await page.EvaluateAsync(WatchRoundTrip, spec);
        await target.ClickAsync();
        return await page.EvaluateAsync<double>("window.cxRoundTrip");
    }

    private static void Record(List<(string Kind, double Ms)> samples, string kind, double ms)
    {
        lock (samples)
        {
            samples.Add((kind, ms));
        }
    }

    private static Task ThinkAsync(Random random, double think) =>
        Task.Delay(TimeSpan.FromSeconds(think * (0.5 + random.NextDouble())));

    private static Task WaitForInteractiveAsync(IPage page) =>
        page.Locator("main#main-content[data-interactive=true]").WaitForAsync();
}

/// <summary>The people tried in turn (stopping at the first that misses), for how long each, and the thought between clicks.</summary>
internal sealed record CapacityOptions(IReadOnlyList<int> People, int Seconds, double ThinkSeconds)
{
    public static readonly CapacityOptions Default = new([10, 20, 30, 40, 60], 60, 3);
}
