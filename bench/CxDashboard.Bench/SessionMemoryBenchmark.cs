using System.Diagnostics;
using Microsoft.Playwright;

namespace CxDashboard.Bench;

/// <summary>
/// Server memory per open session: headless Chromium pages signed in as the head of CX and left open on a page, each
/// holding a Blazor circuit if the page is interactive (the line says how many did); the server's managed heap after a
/// full collection, before and after, divided by the number of pages. The browser is driven from a child
/// process, so the heap measured holds the server's objects and none of the Playwright client's.
/// </summary>
internal sealed class SessionMemoryBenchmark(string baseUrl, OpenCircuits circuits, int sessions, string path, Report report)
{
    public const string ChildSwitch = "--sessions-child";
    public const string ChromiumPath = "/usr/bin/chromium";
    private const long TargetBytesPerSession = 500 * 1024;

    private static readonly string[] ChromiumArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    public async Task RunAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            report.Add(new ReportLine("Sessions", "server memory per idle interactive session", "not measured: no Chromium at " + ChromiumPath,
                "—", "< 500 KB", null));
            return;
        }
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(SessionMemoryBenchmark).Assembly.Location);
        }
        foreach (var arg in new[] { ChildSwitch, baseUrl, sessions.ToString(System.Globalization.CultureInfo.InvariantCulture), path })
        {
            start.ArgumentList.Add(arg);
        }
        using var child = Process.Start(start)!;
        try
        {
            // The child signs in and opens (and closes) the page once, so first-use costs are paid before.
            await ExpectAsync(child, "WARM");
            // Circuits of pages closed earlier (the warm-up, a previous page's sessions) are not counted as before.
            if (!await circuits.WaitForNoneAsync(TimeSpan.FromMinutes(4)))
            {
                throw new InvalidOperationException($"{circuits.Count} circuits were still held four minutes after their pages closed.");
            }
            await Task.Delay(2000);
            var before = Settle();
            await child.StandardInput.WriteLineAsync("open");
            await ExpectAsync(child, "OPEN");
            await Task.Delay(2000);
            var after = Settle();
            var held = circuits.Count;
            var perSession = (after - before) / sessions;
            report.Add(new ReportLine("Sessions", Report.Inv($"server managed memory per idle session on `{path}` ({sessions} Chromium pages, {held} circuits held)"),
                Report.Inv($"{perSession / 1024.0:N0} KB (heap {before / 1048576.0:0.0} → {after / 1048576.0:0.0} MB)"),
                "—", "< 500 KB", perSession < TargetBytesPerSession));
        }
        finally
        {
            await child.StandardInput.WriteLineAsync("close");
            await child.WaitForExitAsync();
        }
    }

    private static async Task ExpectAsync(Process child, string word)
    {
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line == word)
            {
                return;
            }
        }
        throw new InvalidOperationException($"The browser process ended before it said {word} (exit {child.ExitCode}).");
    }

    /// <summary>In the child process: the browser, signed in; then the pages when told, held open until told to close.</summary>
    public static async Task<int> RunChildAsync(string[] args)
    {
        var (baseUrl, sessions, path) = (args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), args[3]);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArguments,
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl });
        context.SetDefaultTimeout(60_000);

        var first = await context.NewPageAsync();
        await first.GotoAsync("/account/signin?returnUrl=%2F");
        await first.GetByRole(AriaRole.Button, new() { NameRegex = new("Eleanor Hartley") }).ClickAsync();
        await first.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await WaitForCircuitAsync(first);
        await first.GotoAsync(path);
        await WaitForCircuitAsync(first);
        await first.CloseAsync();
        Console.WriteLine("WARM");
        await Console.In.ReadLineAsync();

        var pages = new List<IPage>();
        for (var i = 0; i < sessions; i++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(path);
            await WaitForCircuitAsync(page);
            pages.Add(page);
        }
        Console.WriteLine("OPEN");
        await Console.In.ReadLineAsync();
        foreach (var page in pages)
        {
            await page.CloseAsync();
        }
        return 0;
    }

    /// <summary>The page is interactive once Blazor has started and the circuit's connection is up.</summary>
    private static async Task WaitForCircuitAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.WaitForTimeoutAsync(500);
    }

    private static long Settle()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
