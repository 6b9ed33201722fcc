using System.Globalization;
using System.Security.Claims;
using Bunit;
using CxDashboard.Tests.Features.Governance;
using CxDashboard.Tests.Features.Metrics;
using CxDashboard.Web.Features.Actions;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Friction;
using CxDashboard.Web.Features.Governance;
using CxDashboard.Web.Features.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using CxDbContext = CxDashboard.Web.Data.CxDbContext;

namespace CxDashboard.Tests.Components.Governance;

public sealed class ReviewPageTests : BunitContext, IAsyncLifetime
{
    private GovernanceData _data = null!;

    public async Task InitializeAsync() => _data = await GovernanceData.CreateAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _data.DisposeAsync();
    }

    private IRenderedComponent<ReviewPage> RenderReview(int id, Caller caller)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<IDbContextFactory<CxDbContext>>(_data.Metrics.Database);
        Services.AddSingleton<TimeProvider>(_data.Metrics.Clock);
        Services.AddScoped<MetricsService>();
        Services.AddScoped<GovernanceService>();
        Services.AddScoped<ActionService>();
        Services.AddScoped<FrictionService>();
        Services.AddCxPageCommands();
        var auth = AddAuthorization();
        auth.SetAuthorized(caller.Name);
        auth.SetRoles([.. caller.Roles]);
        auth.SetClaims(
            new Claim(Caller.PersonIdClaim, caller.PersonId!.Value.ToString(CultureInfo.InvariantCulture)),
            new Claim(Caller.TeamIdClaim, caller.TeamId!.Value.ToString(CultureInfo.InvariantCulture)));
        Render<MudPopoverProvider>();
        return Render<ReviewPage>(p => p.Add(x => x.Id, id));
    }

    private async Task<int> ReviewWithAgendaAsync()
    {
        await _data.RedMetricAsync();
        await _data.ActionAsync("Retrain the returns desk", _data.Today.AddDays(-20));
        await _data.IssueAsync("Orders missing at collection", severity: 4);
        var id = await _data.Service.CreateAsync(_data.Draft(), _data.Metrics.CxLead, default);
        await _data.Service.RecordDecisionAsync(id, "Stores owns click & collect readiness.", _data.Metrics.CxLead, default);
        return id;
    }

    [Fact]
    public async Task An_executive_reads_the_agenda_and_decision_log_but_is_offered_no_way_to_record_a_decision()
    {
        var id = await ReviewWithAgendaAsync();

        var page = RenderReview(id, _data.Metrics.Executive);

        page.WaitForAssertion(() => Assert.Contains("Escalated friction issues", page.Markup));
        Assert.Contains("Red metrics", page.Markup);
        Assert.Contains("Hours to answer a complaint", page.Markup);
        Assert.Contains("30.0 h against a target of 24.0 h", page.Markup);
        Assert.Contains("Overdue actions", page.Markup);
        Assert.Contains("Retrain the returns desk", page.Markup);
        Assert.Contains("Orders missing at collection", page.Markup);
        Assert.Contains("Stores owns click &amp; collect readiness.", page.Markup);
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() is "Record decision" or "Add an action" or "Save changes");
    }

    [Fact]
    public async Task The_head_of_cx_is_offered_to_record_a_decision_and_add_an_action()
    {
        var id = await ReviewWithAgendaAsync();

        var page = RenderReview(id, _data.Metrics.CxLead);

        page.WaitForAssertion(() => Assert.Contains("Escalated friction issues", page.Markup));
        Assert.Contains(page.FindAll("button"), b => b.TextContent.Trim() == "Record decision");
        Assert.Contains(page.FindAll("button"), b => b.TextContent.Trim() == "Add an action");
    }
}
