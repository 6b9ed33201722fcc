using System.Diagnostics;
using CxDashboard.Domain.Scorecards;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static CxDashboard.Tests.Browser.BrowserSteps;

namespace CxDashboard.Tests.Browser;

/// <summary>
/// Every page a role can reach from the navigation, and one of each detail page, on a phone and on a tablet: the page
/// never scrolls sideways, the app bar keeps its buttons in view, and axe's WCAG 2.2 AA rules (target size included)
/// pass. One browser context per role and size, pages opened one after another. Axe takes seconds a page on two cores,
/// so it reads the first ten rows of a long table or list: the rest repeat their markup.
/// </summary>
public sealed class SmallScreenTests(AppServerFixture app, ITestOutputHelper output) : IClassFixture<AppServerFixture>, IDisposable
{
    public void Dispose() => app.AssertNoContentSecurityPolicyViolations();

    private static readonly (string Name, int Width, int Height)[] Screens = [("phone", 390, 844), ("tablet", 768, 1024)];

    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        // Only the failures come back with their elements; the rules that passed come back by name alone.
        ResultTypes = [ResultType.Violations],
    };

    [BrowserFact]
    public Task Every_page_fits_a_phone_and_a_tablet_for_the_head_of_cx() => EveryPageFitsAsync("Eleanor Hartley", "cxlead");

    [BrowserFact]
    public Task Every_page_fits_a_phone_and_a_tablet_for_a_channel_lead() => EveryPageFitsAsync("Priya Shah", "channellead");

    [BrowserFact]
    public Task Every_page_fits_a_phone_and_a_tablet_for_a_contributor() => EveryPageFitsAsync("Tom Baxter", "contributor");

    [BrowserFact]
    public Task Every_page_fits_a_phone_and_a_tablet_for_an_executive() => EveryPageFitsAsync("Margaret Osei", "executive");

    [BrowserFact]
    public Task Every_page_fits_a_phone_and_a_tablet_for_an_admin() => EveryPageFitsAsync("David Nguyen", "admin");

    private async Task EveryPageFitsAsync(string person, string role)
    {
        var details = await DetailPagesAsync();
        var clock = Stopwatch.StartNew();
        // The two sizes side by side: each waits on the server and on the other's rendering by turns.
        var problems = await Task.WhenAll(Screens.Select(screen => ProblemsAtAsync(screen, person, role, details)));
        output.WriteLine($"{person}: the navigation and {details.Length} detail pages at two sizes in {clock.Elapsed.TotalSeconds:0.0} s");
        var all = problems.SelectMany(p => p).ToList();
        Assert.True(all.Count == 0, string.Join(Environment.NewLine, all));
    }

    private async Task<List<string>> ProblemsAtAsync((string Name, int Width, int Height) screen, string person, string role, string[] details)
    {
        var problems = new List<string>();
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(screen.Width, screen.Height);
        await SignInAsync(page, person, "/");
        var navigation = await page.Locator("#cx-navigation a[href]").EvaluateAllAsync<string[]>(
            "links => links.map(a => new URL(a.href).pathname)");
        Assert.Contains("/", navigation);

        foreach (var path in navigation.Concat(details))
        {
            await page.GotoAsync(path);
            await WaitForInteractiveAsync(page);
            try
            {
                await WaitForFiguresAsync(page);
            }
            catch (TimeoutException)
            {
                problems.Add($"{path} on a {screen.Name}: still loading after 30 s");
                continue;
            }
            if (screen.Name == "phone")
            {
                await page.ScreenshotAsync(new()
                {
                    Path = Path.Combine(AppServerFixture.ScreenshotFolder, $"small-{role}-{screen.Name}{(path == "/" ? "-dashboard" : path.Replace('/', '-'))}.png"),
                    FullPage = true,
                    Clip = new() { X = 0, Y = 0, Width = screen.Width, Height = 2400 },
                });
            }
            problems.AddRange(await WidthProblemsAsync(page, screen.Name, path));
            problems.AddRange(await AccessibilityProblemsAsync(page, screen.Name, path));
        }
        await page.Context.CloseAsync();
        return problems;
    }

    /// <summary>A metric, a friction issue and a review with the most actions, an action, the latest published scorecard.</summary>
    private async Task<string[]> DetailPagesAsync()
    {
        await using var db = app.CreateDbContext();
        var metric = await db.Metrics.OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
        var issue = await db.Actions.Where(a => a.FrictionIssueId != null)
            .GroupBy(a => a.FrictionIssueId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var action = await db.Actions.Where(a => a.FrictionIssueId != null).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        var review = await db.Actions.Where(a => a.ReviewId != null)
            .GroupBy(a => a.ReviewId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var published = (await db.Scorecards.Where(s => s.Status == ScorecardStatus.Published).Select(s => s.Quarter).ToListAsync())
            .Max();
        return [$"/metrics/{metric}", $"/friction/{issue}", $"/actions/{action}", $"/scorecards/{published}", $"/governance/{review}"];
    }

    /// <summary>
    /// Pages read their figures after the first render: the layout is measured once nothing in view is still loading
    /// (a folded panel may hold a loading bar until it is opened).
    /// </summary>
    private static async Task WaitForFiguresAsync(IPage page) =>
        await page.WaitForFunctionAsync("""
            () => ![...document.querySelectorAll('main :is(.mud-skeleton, .mud-progress-linear, .mud-progress-circular, .mud-table-loading)')]
                .some(e => {
                    if (!e.checkVisibility()) return false;
                    for (let a = e.parentElement; a; a = a.parentElement) {
                        if (a.clientHeight === 0 && getComputedStyle(a).overflowY !== 'visible') return false;
                    }
                    return true;
                })
            """, null, new() { Timeout = 30_000 });

    /// <summary>
    /// The page is no wider than the window, and the app bar's buttons (navigation, dark mode, sign out) lie inside it.
    /// </summary>
    private static async Task<IEnumerable<string>> WidthProblemsAsync(IPage page, string screen, string path)
    {
        var found = new List<string>();
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        if (widths[0] > widths[1])
        {
            // The elements that reach past the window and are not held inside a scrolling or clipping box.
            var widest = await page.EvaluateAsync<string>("""
                () => [...document.body.querySelectorAll('*')]
                    .filter(e => {
                        const right = e.getBoundingClientRect().right;
                        if (right <= innerWidth + 0.5) return false;
                        // Held in a scrolling box, unless positioned against something outside it.
                        if (getComputedStyle(e).position === 'static') {
                            for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
                                if (getComputedStyle(a).overflowX !== 'visible') return false;
                            }
                        }
                        return true;
                    })
                    .slice(0, 4)
                    .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} (${Math.round(e.getBoundingClientRect().right)} px)`)
                    .join(', ')
                """);
            found.Add($"{path} on a {screen}: the page is {widths[0]} px wide in a {widths[1]} px window; reaching past it: {widest}");
        }
        var buttons = page.Locator("header.mud-appbar button");
        foreach (var button in await buttons.AllAsync())
        {
            var box = await button.BoundingBoxAsync();
            if (box is null || box.X < 0 || box.X + box.Width > widths[1])
            {
                found.Add($"{path} on a {screen}: the app bar's button '{await button.GetAttributeAsync("aria-label")}' is cut off");
            }
        }
        return found;
    }

    /// <summary>Rows past the tenth of a table or a list repeat the markup of the first ten: axe reads those.</summary>
    private static readonly AxeRunContext AllButRepeatedRows = new()
    {
        Exclude = [new AxeSelector("tbody > tr:nth-child(n+11)"), new AxeSelector(".mud-list > .mud-list-item:nth-child(n+11)")],
    };

    private static async Task<IEnumerable<string>> AccessibilityProblemsAsync(IPage page, string screen, string path)
    {
        await Accessibility.FinishColourChangesAsync(page);
        var result = await page.RunAxe(AllButRepeatedRows, WcagAa);
        Assert.Contains("target-size", result.Passes.Concat(result.Incomplete).Concat(result.Inapplicable).Concat(result.Violations).Select(r => r.Id));
        return result.Violations.Select(v =>
            $"{path} on a {screen}: {v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}");
    }
}
