using System.Globalization;
using CxDashboard.Domain.Friction;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static CxDashboard.Tests.Browser.BrowserSteps;

namespace CxDashboard.Tests.Browser;

/// <summary>A newcomer's first minute: sign in as the head of CX and read the home page, in a real browser.</summary>
public sealed class SmokeTests(AppServerFixture app) : IClassFixture<AppServerFixture>
{
    private static readonly string[] AreaPages = ["/metrics", "/feedback", "/friction", "/actions", "/scorecards", "/governance", "/audit"];

    [BrowserFact]
    public async Task Head_of_cx_signs_in_and_sees_home_tiles_read_from_the_database()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/");
        await ExpectPathAsync(page, "/account/signin");
        await Assertions.Expect(page.GetByTestId("development-sign-in")).ToBeVisibleAsync();
        await Accessibility.ScreenshotAsync(page, "01-sign-in");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { NameRegex = new("Eleanor Hartley") }).ClickAsync();
        await ExpectPathAsync(page, "/");
        var tile = page.Locator(".cx-tile").Filter(new() { HasText = "Open friction issues" });
        var count = tile.GetByTestId("tile-count");
        await Assertions.Expect(count).ToBeVisibleAsync();

        int openIssues;
        await using (var db = app.CreateDbContext())
        {
            openIssues = await db.FrictionIssues.CountAsync(i => i.Status != FrictionStatus.Closed && i.Status != FrictionStatus.WontFix);
        }
        Assert.True(openIssues > 0, "The demo retailer has open friction issues.");
        Assert.Equal(openIssues, int.Parse(await count.InnerTextAsync(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByText("Head of CX").First).ToBeVisibleAsync();
        await Accessibility.ScreenshotAsync(page, "02-home");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        foreach (var path in AreaPages)
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await Assertions.Expect(page.Locator("h1").First).ToBeVisibleAsync();
            await Accessibility.ScreenshotAsync(page, "03" + path.Replace('/', '-'));
            await Accessibility.AssertNoSeriousViolationsAsync(page);
        }
    }

    [BrowserFact]
    public async Task A_person_with_no_role_is_told_they_have_no_access_yet()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/account/signin");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new("Nadia Newcombe") }).ClickAsync();
        await ExpectPathAsync(page, "/account/no-access");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("No access yet");
        await Accessibility.ScreenshotAsync(page, "04-no-access");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [BrowserFact]
    public async Task An_executive_is_refused_the_admin_area_in_words()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/account/signin?returnUrl=%2Fadmin");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new("Margaret Osei") }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("not open to your role");
        await Accessibility.ScreenshotAsync(page, "05-not-allowed");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
