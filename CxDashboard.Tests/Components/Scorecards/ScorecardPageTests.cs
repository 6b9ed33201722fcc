using System.Globalization;
using System.Security.Claims;
using Bunit;
using CxDashboard.Tests.Components.Shell;
using CxDashboard.Tests.Features.Scorecards;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Scorecards;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Components.Scorecards;

public sealed class ScorecardPageTests : ShellTestContext, IAsyncLifetime
{
    private ScorecardData _data = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        _data = await ScorecardData.CreateAsync();
        await _data.Service.StartDraftAsync(_data.Metrics.CxLead, ScorecardData.Q3);
        Services.AddSingleton(_data.Service);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await _data.DisposeAsync();
        await DisposeAsync();
    }

    private void SignIn(Caller caller, string role)
    {
        Services.AddCxPageCommands();
        var authorization = AddAuthorization();
        authorization.SetAuthorized(caller.Name);
        authorization.SetRoles(role);
        authorization.SetClaims(new Claim("name", caller.Name),
            new Claim(CxClaimTypes.PersonId, caller.PersonId!.Value.ToString(CultureInfo.InvariantCulture)));
        Services.AddAuthorizationCore(Policies.Configure);
        Services.AddSingleton<IAuthorizationPolicyProvider, DefaultAuthorizationPolicyProvider>();
        Services.AddSingleton<IAuthorizationService, DefaultAuthorizationService>();
    }

    private IRenderedComponent<ScorecardPage> Open(string quarter) =>
        Render<ScorecardPage>(p => p.Add(x => x.QuarterText, quarter));

    [Fact]
    public void The_head_of_cx_sees_the_draft_with_a_publish_button_and_the_metrics_in_total()
    {
        SignIn(_data.Metrics.CxLead, Roles.CxLead);

        var page = Open("2026-Q3");

        page.WaitForAssertion(() => Assert.Equal("Draft", page.Find("[data-status=Draft]").TextContent.Trim()));
        Assert.Equal("Publish", page.Find("[data-testid=publish]").TextContent.Trim());
        Assert.Equal("Scorecard 2026-Q3", page.Find("h1").TextContent.Trim());
        Assert.Equal(["CSAT", "DPK"], page.FindAll("[data-scope=total] tbody tr").Select(r => r.GetAttribute("data-metric")).Order());
        Assert.Equal("Export to Excel", page.Find("[data-testid=export]").TextContent.Trim());
    }

    [Fact]
    public void An_executive_opening_the_draft_is_told_it_is_not_published_yet_and_has_no_button()
    {
        SignIn(_data.Metrics.Executive, Roles.Executive);

        var page = Open("2026-Q3");

        page.WaitForAssertion(() => Assert.Contains("still a draft", page.Find("[data-testid=scorecard-refused]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=publish]"));
        Assert.Empty(page.FindAll("[data-scope]"));
    }

    [Fact]
    public void The_headline_field_stops_at_2000_characters_and_counts_them()
    {
        SignIn(_data.Metrics.CxLead, Roles.CxLead);
        var page = Open("2026-Q3");
        page.WaitForAssertion(() => page.Find("[aria-label='Edit the headline']"));

        page.Find("[aria-label='Edit the headline']").Click();
        page.Find("textarea").Input("Loyalty up, effort down");

        Assert.Equal("2000", page.Find("textarea").GetAttribute("maxlength"));
        Assert.Contains("23 / 2000", page.Markup);
    }

    [Fact]
    public async Task An_executive_reads_a_published_scorecard_without_a_publish_button()
    {
        await _data.Service.PublishAsync(_data.Metrics.CxLead, ScorecardData.Q3);
        SignIn(_data.Metrics.Executive, Roles.Executive);

        var page = Open("2026-Q3");

        page.WaitForAssertion(() => Assert.Equal("Published", page.Find("[data-status=Published]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=publish]"));
        Assert.Empty(page.FindAll("button[aria-label^='Edit']"));
    }
}
