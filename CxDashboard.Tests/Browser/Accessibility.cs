using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CxDashboard.Tests.Browser;

public static class Accessibility
{
    /// <summary>
    /// Runs axe-core on the page at rest and fails on any serious or critical violation, listing them. A button that
    /// has just been enabled fades its colour in over a quarter of a second, and its contrast halfway through is not
    /// what anyone reads, so colour changes under way finish first (endless ones, such as a loading bar, are left).
    /// </summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        // The pointer rests where the test last clicked, and a page that has since changed can put a chip or a row
        // under it, whose hover colour is not the page at rest; it moves off the page's content first, and the
        // colour change that starts a frame later finishes before axe reads the page.
        await page.Mouse.MoveAsync(0, 0);
        await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
        await FinishColourChangesAsync(page);
        var result = await page.RunAxe();
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")
            .ToList();
        Assert.True(serious.Count == 0, $"Accessibility violations on {page.Url}:\n{string.Join("\n", serious)}");
    }

    /// <summary>Lets colour changes under way finish (endless animations, such as a loading bar, are left running).</summary>
    public static async Task FinishColourChangesAsync(IPage page) =>
        await page.EvaluateAsync("""
            () => Promise.all(document.getAnimations()
                .filter(a => a.effect?.getComputedTiming().endTime !== Infinity)
                .map(a => a.finished.catch(() => null)))
            """);

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(AppServerFixture.ScreenshotFolder, name + ".png"),
            FullPage = true,
        });
}
