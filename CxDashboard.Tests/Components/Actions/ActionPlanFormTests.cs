using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.Rendering;
using CxDashboard.Tests.Components.Forms;
using CxDashboard.Tests.Components.Friction;
using CxDashboard.Tests.Features.Friction;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Features.Actions;
using CxDashboard.Web.Features.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Components.Actions;

/// <summary>The "Edit plan and owner" form on an action's page.</summary>
public sealed class ActionPlanFormTests : FrictionComponentTest
{
    private async Task<(IRenderedComponent<ContainerFragment> Page, int Id)> OpenPlanAsync()
    {
        var id = await Data.ActionAsync(team: Data.Stores, owner: Data.StoresLead);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/actions/{id}");
        var page = ComponentHost.RenderWithPopovers<ActionPage>(this, b => b.AddComponentParameter(2, nameof(ActionPage.Id), id));
        page.WaitForAssertion(() => Assert.Contains("Edit plan and owner", page.Markup));
        page.Find(".mud-expand-panel-header").Click();
        page.WaitForAssertion(() => Assert.Equal("Show web orders on the store handheld", page.InputUnder("What needs doing").GetAttribute("value")));
        return (page, id);
    }

    [Fact]
    public async Task Clearing_what_needs_doing_shows_why_and_saving_keeps_the_stored_title()
    {
        var (page, id) = await OpenPlanAsync();

        page.InputUnder("What needs doing").Change("");
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Save").Click();

        page.WaitForAssertion(() => Assert.Equal("Say what needs doing.", page.ErrorUnder("What needs doing")));
        await using var db = Database.CreateDbContext();
        Assert.Equal("Show web orders on the store handheld", (await db.Actions.SingleAsync(a => a.Id == id)).Title);
    }

    [Fact]
    public async Task A_new_title_is_saved()
    {
        var (page, id) = await OpenPlanAsync();

        page.InputUnder("What needs doing").Change("Show web orders and returns on the store handheld");
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Save").Click();

        page.WaitForAssertion(() => Assert.Contains("Show web orders and returns on the store handheld", page.Find("h1").TextContent));
        await using var db = Database.CreateDbContext();
        Assert.Equal("Show web orders and returns on the store handheld", (await db.Actions.SingleAsync(a => a.Id == id)).Title);
    }

    [Fact]
    public async Task Enter_in_what_needs_doing_saves_the_new_title()
    {
        var (page, id) = await OpenPlanAsync();

        var title = page.InputUnder("What needs doing");
        title.Change("Pick lists printed before the store opens");
        title.PressEnterIn();

        page.WaitForAssertion(() => Assert.Contains("Pick lists printed before the store opens", page.Find("h1").TextContent));
        await using var db = Database.CreateDbContext();
        Assert.Equal("Pick lists printed before the store opens", (await db.Actions.SingleAsync(a => a.Id == id)).Title);
    }

    [Fact]
    public async Task A_contributor_updates_their_own_action_but_is_not_offered_its_plan_and_owner()
    {
        var id = await Data.ActionAsync(team: Data.Digital, owner: Data.DigitalContributor);
        Services.AddCxPageCommands();
        var auth = this.AddAuthorization();
        auth.SetRoles(Roles.Contributor);
        auth.SetClaims(
            new Claim(Caller.PersonIdClaim, Data.DigitalContributor.ToString(CultureInfo.InvariantCulture)),
            new Claim(Caller.TeamIdClaim, Data.Digital.ToString(CultureInfo.InvariantCulture)));

        var page = ComponentHost.RenderWithPopovers<ActionPage>(this, b => b.AddComponentParameter(2, nameof(ActionPage.Id), id));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=action-quick-update]")));
        Assert.DoesNotContain("Edit plan and owner", page.Markup);
    }
}
