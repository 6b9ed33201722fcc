using System.Text.RegularExpressions;
using CxDashboard.Domain.Feedback;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static CxDashboard.Tests.Browser.BrowserSteps;

namespace CxDashboard.Tests.Browser;

/// <summary>The demo retailer's figures read with their answers, margins and verdicts, in a real browser.</summary>
public sealed class FigureTests(AppServerFixture app) : IClassFixture<AppServerFixture>, IDisposable
{
    private static readonly Regex Verdict = new("(a real improvement|a real decline|within the noise|too few answers to tell|not tested)$");

    public void Dispose() => app.AssertNoContentSecurityPolicyViolations();

    [BrowserFact]
    public async Task The_dashboard_and_the_nps_page_say_how_many_answers_stand_behind_each_figure()
    {
        var page = await app.NewPageAsync();
        await SignInAsync(page, "Eleanor Hartley", "/");

        var changes = page.Locator("[data-section=metrics] td[data-change]");
        await Assertions.Expect(changes.First).ToBeVisibleAsync();
        foreach (var change in await changes.AllInnerTextsAsync())
        {
            Assert.True(change.Trim() == "—" || Verdict.IsMatch(change.Trim()), $"'{change}' does not say whether the change is real.");
        }
        await Assertions.Expect(page.Locator("[data-section=metrics] [data-sample]").First).ToContainTextAsync("n = ");
        await Accessibility.ScreenshotAsync(page, "figures-01-dashboard");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        int npsId;
        await using (var db = app.CreateDbContext())
        {
            npsId = await db.MetricRevisions.Where(r => r.ComputedFrom == ScoreScale.Nps).Select(r => r.MetricDefinitionId).FirstAsync();
        }
        await GoToAsync(page, $"/metrics/{npsId}");
        var total = page.Locator("td[data-total]").First;
        await Assertions.Expect(total).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("polygon[data-band]").First).ToBeAttachedAsync();
        await Accessibility.ScreenshotAsync(page, "figures-02-metric-page");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
