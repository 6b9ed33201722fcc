using System.Globalization;
using System.Text.RegularExpressions;
using CxDashboard.Web.Features.Feedback;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CxDashboard.Bench;

/// <summary>
/// A 199 MB export uploaded through the running app as a person does it: headless Chromium on the Import feedback page,
/// the file chosen in its file input and sent over the circuit (Blazor's InputFile stream), spooled to disk, mapped
/// (by a preset saved for the bench's survey source), checked, previewed and imported, each step timed and the
/// progress texts the page showed recorded. Then a 201 MB file, which the page refuses by the size the browser
/// declares, without the upload starting. The app runs in this process, so its working set and managed heap are
/// sampled through the whole journey. The imported rows are deleted again afterwards.
/// </summary>
internal sealed partial class ImportUploadBenchmark(string baseUrl, IServiceProvider services, string connectionString, Report report)
{
    private const string SurveySource = "Upload bench";

    // Records every text the page's progress status shows, as the circuit changes it.
    private const string WatchProgress = """
        () => {
            window.__progress = [];
            new MutationObserver(() => {
                for (const status of document.querySelectorAll('div[role=status]')) {
                    const text = status.textContent.trim();
                    if (text && window.__progress[window.__progress.length - 1] !== text) window.__progress.push(text);
                }
            }).observe(document.body, { subtree: true, childList: true, characterData: true });
        }
        """;

    public async Task RunAsync()
    {
        if (!File.Exists(SessionMemoryBenchmark.ChromiumPath))
        {
            report.Add(new ReportLine("Import upload", "a 199 MB export through the page", "not measured: no Chromium at " + SessionMemoryBenchmark.ChromiumPath, "—", "—", null));
            return;
        }
        var folder = Path.Combine(Path.GetTempPath(), "cxdashboard-bench", string.Create(CultureInfo.InvariantCulture, $"import-upload-{Environment.ProcessId}"));
        Directory.CreateDirectory(folder);
        try
        {
            await RunInAsync(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task RunInAsync(string folder)
    {
        var rows = (int)(199 * 1048576L / ImportBenchmarks.MappedRowBytes);
        var export = Path.Combine(folder, "qualtrics-199mb.csv");
        await ImportMemoryBenchmark.WriteCsvAsync(connectionString, export, rows);
        var megabytes = new FileInfo(export).Length / 1048576.0;
        var over = Path.Combine(folder, "qualtrics-201mb.csv");
        await using (var file = File.Create(over))
        {
            file.SetLength(201L * 1048576);
        }
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ImportPresetService>()
                .SaveAsync(await ImportBenchmarks.HeadOfCxAsync(services), "Bench layout", SurveySource, ImportBenchmarks.Mapped);
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = SessionMemoryBenchmark.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl });
        context.SetDefaultTimeout(15 * 60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/signin?returnUrl=" + Uri.EscapeDataString("/feedback/import"));
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new("Eleanor Hartley") }).ClickAsync();
        await page.Locator("main#main-content[data-interactive=true]").WaitForAsync();
        await page.GetByLabel("Survey source").FillAsync(SurveySource);
        await page.GetByLabel("Survey source").PressAsync("Tab");

        var feedbackBefore = await FeedbackCountAsync();
        var spooledBefore = Spooled();
        await page.Locator("input[type=file]").Last.SetInputFilesAsync(over);
        await page.Locator("[data-testid=import-error]").WaitForAsync();
        var refusal = (await page.Locator("[data-testid=import-error]").TextContentAsync())?.Trim();
        var refusedCleanly = refusal == ImportFile.TooLarge && await FeedbackCountAsync() == feedbackBefore && Spooled() == spooledBefore;
        report.Add(new ReportLine("Import upload",
            "a 201 MB file chosen on the Import feedback page (headless Chromium)",
            Report.Inv($"\"{refusal}\"; feedback rows {feedbackBefore:N0} before and after; spool files {spooledBefore} before and {Spooled()} after"),
            "—", "refused by its declared size, nothing written or spooled", refusedCleanly));

        await page.EvaluateAsync(WatchProgress);
        var steps = new Dictionary<string, double>();
        var sample = await ImportMemoryBenchmark.UndoneAfterAsync(connectionString, report, rows, () => ImportMemoryBenchmark.SampledAsync(async () =>
        {
            steps["upload, spool and map"] = await Timing.TimeAsync(async () =>
            {
                await page.Locator("input[type=file]").Last.SetInputFilesAsync(export);
                await page.GetByRole(AriaRole.Region, new() { Name = "Columns in the file" }).WaitForAsync();
            });
            steps["check and preview"] = await Timing.TimeAsync(async () =>
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
                await page.Locator("[data-testid=import-preview], [data-testid=import-problems]").First.WaitForAsync();
            });
            var preview = await page.Locator("[data-testid=import-preview], [data-testid=import-problems]").First.TextContentAsync() ?? "";
            if (!preview.Contains(Report.Inv($"{rows:N0} rows checked, none with a problem"), StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The preview did not pass: " + preview[..Math.Min(preview.Length, 600)]);
            }
            steps["import"] = await Timing.TimeAsync(async () =>
            {
                await page.GetByRole(AriaRole.Button, new() { Name = Report.Inv($"Import {rows:N0} rows") }).ClickAsync();
                await page.Locator("[data-testid=import-summary], [data-testid=import-problems]").First.WaitForAsync();
            });
            var summary = await page.Locator("[data-testid=import-summary], [data-testid=import-problems]").First.TextContentAsync() ?? "";
            if (!summary.Contains(Report.Inv($"{rows:N0} feedback items imported"), StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The import did not go through: " + summary[..Math.Min(summary.Length, 600)]);
            }
        }));
        var shown = await page.EvaluateAsync<string[]>("() => window.__progress");
        var percents = shown.Select(t => ProgressText().Match(t)).Where(m => m.Success)
            .GroupBy(m => m.Groups["step"].Value, m => int.Parse(m.Groups["percent"].Value, CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Distinct().Order().ToList());
        var moved = percents.TryGetValue("Uploading", out var uploading) && uploading.Count >= 5
            && percents.TryGetValue("Importing", out var importing) && importing.Count >= 2;
        var total = steps.Values.Sum();
        report.Add(new ReportLine("Import upload",
            Report.Inv($"{rows:N0} rows in one {megabytes:0.0} MB Qualtrics-layout CSV through the Import feedback page (headless Chromium, Blazor InputFile over the circuit), preset mapping, 1 run"),
            Report.Inv($"{total / 1000:0} s in all: {string.Join("; ", steps.Select(s => Report.Inv($"{s.Key} {s.Value / 1000:0.0} s")))}; progress shown: {string.Join(", ", percents.Select(p => Report.Inv($"{p.Key} {p.Value.Count} steps ({p.Value[0]}–{p.Value[^1]} %)")))}; server working set +{(sample.PeakWorkingSet - sample.WorkingSetBefore) / 1048576.0:N0} MB, managed heap after a collection +{(sample.PeakHeapAfterCollection - sample.HeapBefore) / 1048576.0:N0} MB"),
            "—", "imported whole, the progress bar moving", moved));
    }

    [GeneratedRegex(@"^(?<step>\w+) .*?(?<percent>\d+)\s?%")]
    private static partial Regex ProgressText();

    private static int Spooled()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cxdashboard-imports");
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;
    }

    private async Task<long> FeedbackCountAsync()
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        return await QueryBenchmarks.ScalarAsync(connection, """SELECT COUNT(*) FROM "Feedback" """);
    }
}
