using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static CxDashboard.Tests.Browser.BrowserSteps;

namespace CxDashboard.Tests.Browser;

/// <summary>The themes page in a real browser: the demo retailer's themes by effect on NPS, and a new theme with its live preview.</summary>
public sealed class ThemeTests(AppServerFixture app) : IClassFixture<AppServerFixture>, IDisposable
{
    public void Dispose() => app.AssertNoContentSecurityPolicyViolations();

    [BrowserFact]
    public async Task The_head_of_cx_reads_the_themes_by_effect_and_adds_one_after_previewing_its_rule()
    {
        var page = await app.NewPageAsync();
        await SignInAsync(page, "Eleanor Hartley", "/themes");
        await WaitForInteractiveAsync(page);

        var effects = page.Locator("section[aria-labelledby=effects-heading] tbody tr");
        await Assertions.Expect(effects.First).ToBeVisibleAsync();
        // The shared app's quarter holds a few hundred answers, fewer than 30 for any one theme: no theme's effect is
        // shown as a figure, only how few answers there are (ThemeEffectsTableTests show a figure with enough).
        await Assertions.Expect(effects.First.Locator("td").Last).ToContainTextAsync("too few answers (n = ");
        await Accessibility.ScreenshotAsync(page, "themes-01-effects");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "New theme" }).ClickAsync();
        await Field(page, "Name").FillAsync("Gift wrapping");
        await Field(page, "Rule").FillAsync("gift* OR \"wrapping\"");
        var preview = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "stored items match" });
        await Assertions.Expect(preview).ToBeVisibleAsync();
        await Accessibility.ScreenshotAsync(page, "themes-02-preview");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Add the theme" }).ClickAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby=catalogue-heading] th[scope=row]", new() { HasText = "Gift wrapping" }))
            .ToBeVisibleAsync();
        await using var db = app.CreateDbContext();
        Assert.Equal("gift* OR \"wrapping\"", await db.Themes.Where(t => t.Name == "Gift wrapping").Select(t => t.Rule).SingleAsync());
    }
}
