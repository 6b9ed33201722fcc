using System.Globalization;
using System.Text.RegularExpressions;
using CxDashboard.Domain.Friction;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static CxDashboard.Tests.Browser.BrowserSteps;

namespace CxDashboard.Tests.Browser;

/// <summary>A newcomer's first minute: sign in as the head of CX and read the home page, in a real browser.</summary>
public sealed class SmokeTests(AppServerFixture app) : IClassFixture<AppServerFixture>, IDisposable
{
    public void Dispose() => app.AssertNoContentSecurityPolicyViolations();

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
    public async Task The_dashboard_is_narrowed_by_a_plain_form_and_its_layout_buttons_work_without_a_circuit()
    {
        var page = await app.NewPageAsync();
        await SignInAsync(page, "Eleanor Hartley", "/");
        var closedLoop = page.Locator("[data-section=closed-loop]");
        var thisQuarter = await page.Locator("select[name=quarter] option").First.InnerTextAsync();
        await Assertions.Expect(closedLoop).ToContainTextAsync($"Median days to close in {thisQuarter}");

        // The quarter and channel are chosen with the keyboard-friendly native selects, then shown.
        var lastQuarter = await page.Locator("select[name=quarter] option").Nth(1).InnerTextAsync();
        await page.GetByLabel("Quarter", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = lastQuarter });
        await page.GetByLabel("Channel", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Website" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();

        await ExpectUrlAsync(page, new Regex($@"/\?quarter={Regex.Escape(lastQuarter)}&channel=\d+$"));
        await Assertions.Expect(closedLoop).ToContainTextAsync($"Median days to close in {lastQuarter}");
        await Assertions.Expect(page.Locator("[data-section=feedback-volume]")).ToContainTextAsync("Website");
        await Assertions.Expect(page.GetByLabel("Channel", new() { Exact = true })).ToHaveValueAsync(new Regex(@"^\d+$"));
        await Accessibility.ScreenshotAsync(page, "02-home-narrowed");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // The navigation hides and shows again.
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Navigation", Exact = true });
        var navigation = page.Locator("#cx-navigation");
        await menu.ClickAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(navigation).Not.ToBeInViewportAsync();
        await menu.ClickAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(navigation).ToBeInViewportAsync();

        // On a phone the drawer starts hidden, and the button says so; it opens over the page when asked.
        await page.SetViewportSizeAsync(400, 900);
        await page.ReloadAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(navigation).Not.ToBeVisibleAsync();
        await menu.ClickAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(navigation).ToBeInViewportAsync();
        await page.SetViewportSizeAsync(1400, 900);
        await page.ReloadAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");

        // Dark mode is drawn by the server from then on, here and on the interactive pages.
        var darkMode = page.GetByTestId("dark-mode-toggle");
        await Assertions.Expect(darkMode).ToHaveAttributeAsync("aria-pressed", "false");
        // The page is asked for again only once the choice is stored, so the server draws it.
        var reload = await page.RunAndWaitForRequestAsync(() => darkMode.ClickAsync(), request => request.IsNavigationRequest);
        Assert.Contains("cx-dark-mode=true", await reload.HeaderValueAsync("cookie") ?? "");
        await Assertions.Expect(page.GetByTestId("dark-mode-toggle")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(closedLoop).ToContainTextAsync($"Median days to close in {lastQuarter}");
        await Accessibility.ScreenshotAsync(page, "02-home-dark");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Metrics", Exact = true }).ClickAsync();
        await ExpectPathAsync(page, "/metrics");
        await WaitForInteractiveAfterTheDashboardAsync(page);
        await Assertions.Expect(page.GetByTestId("dark-mode-toggle")).ToHaveAttributeAsync("aria-pressed", "true");

        // Back on the dashboard from an interactive page, it is again a page of its own.
        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard", Exact = true }).ClickAsync();
        await ExpectPathAsync(page, "/");
        await Assertions.Expect(page.Locator("[data-static-toggle=navigation]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("dark-mode-toggle")).ToHaveAttributeAsync("aria-pressed", "true");

        // Light mode chosen on an interactive page is the dashboard's too.
        await page.GetByRole(AriaRole.Link, new() { Name = "Actions", Exact = true }).ClickAsync();
        await ExpectPathAsync(page, "/actions");
        await WaitForInteractiveAfterTheDashboardAsync(page);
        await page.GetByTestId("dark-mode-toggle").ClickAsync();
        await Assertions.Expect(page.GetByTestId("dark-mode-toggle")).ToHaveAttributeAsync("aria-pressed", "false");
        await ExpectCookieAsync(page, "cx-dark-mode", "false");
        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard", Exact = true }).ClickAsync();
        await ExpectPathAsync(page, "/");
        await Assertions.Expect(page.Locator("[data-static-toggle=navigation]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("dark-mode-toggle")).ToHaveAttributeAsync("aria-pressed", "false");
    }

    /// <summary>
    /// From the dashboard a link is followed inside the page: the address changes before the new page's markup
    /// replaces the dashboard's, which is marked ready as it arrives. So the dashboard's markup must be gone before
    /// the wait for the circuit means anything.
    /// </summary>
    // The page shows a choice at once and stores it a moment later; a page asked for before then is drawn without it.
    private static async Task ExpectCookieAsync(IPage page, string name, string value)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await page.Context.CookiesAsync()).FirstOrDefault(c => c.Name == name)?.Value != value)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The browser never stored {name}={value}.");
            await Task.Delay(50);
        }
    }

    private static async Task WaitForInteractiveAfterTheDashboardAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("[data-static-toggle]")).ToHaveCountAsync(0);
        await WaitForInteractiveAsync(page);
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
