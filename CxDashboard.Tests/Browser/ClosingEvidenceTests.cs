using CxDashboard.Domain.Friction;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static CxDashboard.Tests.Browser.BrowserSteps;

namespace CxDashboard.Tests.Browser;

/// <summary>The closing checklist's metric check on a demo issue, in a real browser: evidence or a stated reason.</summary>
public sealed class ClosingEvidenceTests(AppServerFixture app) : IClassFixture<AppServerFixture>, IDisposable
{
    public void Dispose() => app.AssertNoContentSecurityPolicyViolations();

    [BrowserFact]
    public async Task A_linked_metric_without_a_significant_improvement_holds_the_loop_open_until_a_reason_is_given()
    {
        int issueId;
        await using (var db = app.CreateDbContext())
        {
            issueId = await db.FrictionIssues.Where(i => i.Status == FrictionStatus.Resolved && i.LinkedMetrics.Any(m => m.CheckedAt == null))
                .OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
        }
        var page = await app.NewPageAsync();
        await SignInAsync(page, "Eleanor Hartley", $"/friction/{issueId}");
        await WaitForInteractiveAsync(page);

        var checklist = page.Locator("[aria-labelledby=closing-checklist]");
        var missing = checklist.GetByTestId("check-missing").Filter(new() { HasText = "The after-check of" }).First;
        await Assertions.Expect(missing).ToContainTextAsync("Close with a significant improvement, or give a reason to close without one.");
        await Accessibility.ScreenshotAsync(page, "closing-evidence-01-missing");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        var metric = page.GetByTestId("linked-metric").First;
        await metric.GetByRole(AriaRole.Button, new() { Name = "Close without an improvement…" }).ClickAsync();
        await Field(metric, "Why close without a significant improvement?").FillAsync("Complaints about it stopped; the survey lags a quarter.");
        await metric.GetByRole(AriaRole.Button, new() { Name = "Record reason" }).ClickAsync();

        await Assertions.Expect(metric.GetByTestId("metric-reason")).ToContainTextAsync("Complaints about it stopped; the survey lags a quarter.");
        await Assertions.Expect(checklist.GetByTestId("check-done").Filter(new() { HasText = "closes without a significant improvement" }).First).ToBeVisibleAsync();
        await Accessibility.ScreenshotAsync(page, "closing-evidence-02-reason");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
