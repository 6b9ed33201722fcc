using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CxDashboard.Tests.Browser;

public static class Accessibility
{
    /// <summary>Runs axe-core on the page and fails on any serious or critical violation, listing them.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")
            .ToList();
        Assert.True(serious.Count == 0, $"Accessibility violations on {page.Url}:\n{string.Join("\n", serious)}");
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(AppServerFixture.ScreenshotFolder, name + ".png"),
            FullPage = true,
        });
}
