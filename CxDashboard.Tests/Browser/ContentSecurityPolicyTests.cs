using Microsoft.Playwright;
using static CxDashboard.Tests.Browser.BrowserSteps;

namespace CxDashboard.Tests.Browser;

/// <summary>The policy is enforced by the browser, and what it refuses reaches the tests.</summary>
public sealed class ContentSecurityPolicyTests(AppServerFixture app) : IClassFixture<AppServerFixture>, IDisposable
{
    public void Dispose() => app.AssertNoContentSecurityPolicyViolations();

    [BrowserFact]
    public async Task A_script_injected_into_a_page_does_not_run()
    {
        var page = await app.NewPageAsync();
        await SignInAsync(page, "Eleanor Hartley", "/metrics");

        // What a stored cross-site-scripting payload would do once it reached the page.
        await page.EvaluateAsync("""
            () => {
                const script = document.createElement("script");
                script.textContent = "document.body.dataset.injected = 'ran';";
                document.body.append(script);
            }
            """);

        await Assertions.Expect(page.Locator("body")).Not.ToHaveAttributeAsync("data-injected", "ran");
        await WaitForViolationAsync();
        Assert.Contains(app.TakeContentSecurityPolicyViolations(), v => v.Contains("script-src", StringComparison.Ordinal));
    }

    private async Task WaitForViolationAsync()
    {
        for (var attempt = 0; attempt < 50 && !app.HasContentSecurityPolicyViolations; attempt++)
        {
            await Task.Delay(100);
        }
    }
}
