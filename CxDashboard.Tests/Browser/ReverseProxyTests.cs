using System.Text.Json;
using System.Text.RegularExpressions;
using CxDashboard.Tests.Http.Auth;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static CxDashboard.Tests.Browser.BrowserSteps;

namespace CxDashboard.Tests.Browser;

/// <summary>Several instances behind nginx, as docs/deployment.md describes them.</summary>
public sealed class ReverseProxyTests(ReverseProxyFixture deployment, ITestOutputHelper output) : IClassFixture<ReverseProxyFixture>
{
    // Blazor announces each change of its reconnect UI on the dialog; kept in sessionStorage, the list survives the reload that follows.
    private const string RecordReconnectStates = """
        document.addEventListener('components-reconnect-state-changed', event => {
            const states = JSON.parse(sessionStorage.getItem('reconnect-states') || '[]');
            states.push(event.detail.state);
            sessionStorage.setItem('reconnect-states', JSON.stringify(states));
        }, true);
        """;

    [ReverseProxyFact]
    public async Task A_person_signed_in_through_the_proxy_keeps_working_on_the_other_instance_when_theirs_stops()
    {
        deployment.IdentityProvider.User = new ProviderUser("idp-erin", "Erin Shaw", "erin.shaw@example.test", ["Executive"]);
        var page = await deployment.NewPageAsync();
        await page.Context.AddInitScriptAsync(RecordReconnectStates);

        // Where each request went, and what came back: printed when the test fails.
        page.Request += (_, r) => output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} -> {r.Method} {r.Url}");
        page.Response += (_, r) => output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} <- {r.Status} {r.Url}");
        page.RequestFailed += (_, r) => output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} !! {r.Failure} {r.Url}");
        await page.GotoAsync("/feedback", new() { Timeout = 60_000 });
        await ExpectPathAsync(page, "/feedback");
        await WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator(".cx-user-name")).ToHaveTextAsync("Erin Shaw");
        var affinity = (await page.Context.CookiesAsync()).SingleOrDefault(c => c.Name == "cxdashboard_affinity");
        Assert.True(affinity is { Secure: true, HttpOnly: true }, "nginx pins the browser with a Secure, HttpOnly affinity cookie.");

        // The open page talks to one instance only; a reload stays with it.
        foreach (var instance in deployment.Instances)
        {
            instance.ForgetPageConnections();
        }
        await GoToAsync(page, "/feedback");
        var pinned = Assert.Single(deployment.Instances, i => i.PageConnections > 0);
        var other = Assert.Single(deployment.Instances, i => i != pinned);
        await Accessibility.ScreenshotAsync(page, "proxy-01-inbox");

        var signInsBefore = deployment.IdentityProvider.AuthorizationRequests.Count;
        await page.EvaluateAsync("window.loadedBeforeTheStop = true");

        await pinned.StopAsync();

        // The reconnect UI appears; the other instance does not know the page's circuit, so the page loads again, there.
        await UntilAsync(page, "(sessionStorage.getItem('reconnect-states') || '').includes('show')");
        await UntilAsync(page, "window.loadedBeforeTheStop === undefined");
        await WaitForInteractiveAsync(page);
        await ExpectPathAsync(page, "/feedback");
        await Assertions.Expect(page.Locator(".cx-user-name")).ToHaveTextAsync("Erin Shaw");
        Assert.True(other.PageConnections > 0, $"The page is served by {other}; nginx logged: {deployment.Proxy.ErrorLog}");
        Assert.Equal(signInsBefore, deployment.IdentityProvider.AuthorizationRequests.Count);
        var states = JsonSerializer.Deserialize<string[]>(await page.EvaluateAsync<string>("sessionStorage.getItem('reconnect-states')"))!;
        Assert.Contains("show", states);

        // And it answers: a filter chosen now is applied by the other instance.
        await ChooseAsync(page, "Sentiment", "Negative");
        var chips = page.Locator(".feedback-grid tbody tr .mud-chip");
        await Assertions.Expect(chips.Filter(new() { HasTextRegex = new Regex("^\\s*(Positive|Neutral)\\s*$") })).ToHaveCountAsync(0);
        await Assertions.Expect(chips.Filter(new() { HasTextRegex = new Regex("^\\s*Negative\\s*$") }).First).ToBeVisibleAsync();
        await Accessibility.ScreenshotAsync(page, "proxy-02-inbox-after-failover");
    }

    // Read from outside the page: its Content-Security-Policy refuses the eval that Playwright's own waiting uses.
    private static async Task UntilAsync(IPage page, string condition)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(60); waited += TimeSpan.FromMilliseconds(200))
        {
            try
            {
                if (await page.EvaluateAsync<bool>(condition))
                {
                    return;
                }
            }
            catch (PlaywrightException)
            {
                // The page is between documents while it loads again.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The page never showed {condition} within 60 seconds.");
    }
}
