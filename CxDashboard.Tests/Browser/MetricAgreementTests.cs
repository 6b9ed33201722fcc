using System.Text.RegularExpressions;
using CxDashboard.Domain.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static CxDashboard.Tests.Browser.BrowserSteps;

namespace CxDashboard.Tests.Browser;

/// <summary>A shared metric from first draft to agreement, in a real browser, by the people who agree it.</summary>
public sealed class MetricAgreementTests(AppServerFixture app) : IClassFixture<AppServerFixture>, IDisposable
{
    public void Dispose() => app.AssertNoContentSecurityPolicyViolations();

    [BrowserFact]
    public async Task Head_of_cx_proposes_a_metric_two_teams_sign_off_and_the_catalogue_shows_it_agreed()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var code = $"E2E-{suffix}";
        var name = $"Click and collect ease {suffix}";

        // Eleanor Hartley (head of CX, Marketing) drafts the metric and proposes it to Stores.
        var eleanor = await app.NewPageAsync();
        await SignInAsync(eleanor, "Eleanor Hartley", "/metrics/new");
        await Assertions.Expect(eleanor.Locator("h1")).ToHaveTextAsync("New metric");
        await Assertions.Expect(eleanor.GetByRole(AriaRole.Button, new() { Name = "Save and propose" })).ToBeEnabledAsync();
        await Field(eleanor, "Code").FillAsync(code);
        await Field(eleanor, "Name").FillAsync(name);
        await Field(eleanor, "What it measures").FillAsync("Share of click & collect customers who say collecting was easy.");
        await Field(eleanor, "Formula").FillAsync("Easy or very easy answers / all answers");
        await Field(eleanor, "Data source").FillAsync("Collection survey");
        await ChooseAsync(eleanor, "Channels it applies to", "Stores", "Website");
        await eleanor.GetByRole(AriaRole.Button, new() { Name = "Add a target" }).ClickAsync();
        await eleanor.Locator("input[aria-label='Quarter of target 1'], [aria-label='Quarter of target 1'] input").First.FillAsync("2026-Q4");
        await eleanor.Locator("input[aria-label='Value of target 1'], [aria-label='Value of target 1'] input").First.FillAsync("80");
        await ChooseAsync(eleanor, "Stakeholder teams asked to sign off", "Stores");
        await Accessibility.ScreenshotAsync(eleanor, "metric-01-new-form");
        await Accessibility.AssertNoSeriousViolationsAsync(eleanor);

        await eleanor.GetByRole(AriaRole.Button, new() { Name = "Save and propose" }).ClickAsync();
        await ExpectUrlAsync(eleanor, new Regex(@"/metrics/\d+$"));
        var id = int.Parse(new Uri(eleanor.Url).Segments[^1]);
        await Assertions.Expect(eleanor.Locator("h1")).ToHaveTextAsync(name);
        await Assertions.Expect(eleanor.Locator(".mud-chip").Filter(new() { HasTextRegex = new("^Proposed$") })).ToBeVisibleAsync();
        var waiting = eleanor.Locator(".mud-alert").Filter(new() { HasText = "Proposed: revision 1, waiting for" });
        await Assertions.Expect(waiting).ToContainTextAsync("Marketing");
        await Assertions.Expect(waiting).ToContainTextAsync("Stores");
        await Accessibility.ScreenshotAsync(eleanor, "metric-02-proposed");
        await Accessibility.AssertNoSeriousViolationsAsync(eleanor);

        // She answers for Marketing; only Stores is still to answer.
        await eleanor.GetByRole(AriaRole.Button, new() { Name = "Sign off" }).ClickAsync();
        await Assertions.Expect(eleanor.GetByText("Your team's sign-off is recorded.")).ToBeVisibleAsync();
        await Assertions.Expect(waiting).ToHaveTextAsync(new Regex(@"waiting for Stores\.\s*$"));
        await Assertions.Expect(eleanor.GetByText("Marketing: signed off by Eleanor Hartley")).ToBeVisibleAsync();
        await Assertions.Expect(eleanor.GetByText("Stores: not answered yet")).ToBeVisibleAsync();

        // Priya Shah, lead of Stores, signs off in her own session: the metric is agreed.
        var priya = await app.NewPageAsync();
        await SignInAsync(priya, "Priya Shah", $"/metrics/{id}");
        await Assertions.Expect(priya.Locator("h1")).ToHaveTextAsync(name);
        await Assertions.Expect(priya.GetByText("Your team's answer to revision 1")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(priya);
        await priya.GetByRole(AriaRole.Button, new() { Name = "Sign off" }).ClickAsync();
        await Assertions.Expect(priya.GetByText("Your team's sign-off is recorded.")).ToBeVisibleAsync();
        await Assertions.Expect(priya.Locator(".mud-chip").Filter(new() { HasTextRegex = new("^Agreed$") })).ToBeVisibleAsync();
        await Assertions.Expect(priya.GetByText("In force: revision 1")).ToBeVisibleAsync();
        await Assertions.Expect(priya.GetByText("Stores: signed off by Priya Shah")).ToBeVisibleAsync();
        await Accessibility.ScreenshotAsync(priya, "metric-03-agreed");
        await Accessibility.AssertNoSeriousViolationsAsync(priya);

        // The catalogue, filtered to agreed metrics and searched by name, lists it as agreed.
        await GoToAsync(priya, "/metrics?status=Agreed");
        await priya.GetByLabel("Search by name or code").FillAsync(name);
        var row = priya.Locator("tr").Filter(new() { Has = priya.GetByRole(AriaRole.Link, new() { Name = name }) });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator(".mud-chip")).ToHaveTextAsync("Agreed");
        await Assertions.Expect(row).ToContainTextAsync(code);
        await Accessibility.ScreenshotAsync(priya, "metric-04-catalogue");
        await Accessibility.AssertNoSeriousViolationsAsync(priya);

        await using var db = app.CreateDbContext();
        var metric = await db.Metrics.SingleAsync(m => m.Code == code);
        Assert.Equal(id, metric.Id);
        Assert.Equal(MetricStatus.Agreed, metric.Status);
        Assert.Equal(name, metric.Name);
        var marketing = await db.Teams.SingleAsync(t => t.Name == "Marketing");
        Assert.Equal(marketing.Id, metric.OwningTeamId);
    }
}
