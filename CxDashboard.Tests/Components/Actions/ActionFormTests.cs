using Bunit;
using Bunit.Rendering;
using CxDashboard.Tests.Components.Forms;
using CxDashboard.Tests.Components.Friction;
using CxDashboard.Tests.Features.Friction;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Features.Actions;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CxDashboard.Tests.Components.Actions;

/// <summary>The new-action form (on its own page, a friction issue or a review).</summary>
public sealed class ActionFormTests : FrictionComponentTest
{
    private IRenderedComponent<ContainerFragment> RenderNewAction()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/actions/new");
        var page = ComponentHost.RenderWithPopovers<ActionNewPage>(this);
        page.WaitForAssertion(() => Assert.Contains("Add the action", page.Markup));
        return page;
    }

    private static void AddTheAction(IRenderedComponent<ContainerFragment> page) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Add the action").Click();

    private async Task<int> ActionCountAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.Actions.CountAsync();
    }

    [Fact]
    public async Task An_action_without_a_title_or_owner_is_refused_beside_those_fields_and_nothing_is_saved()
    {
        var page = RenderNewAction();

        AddTheAction(page);

        page.WaitForAssertion(() => Assert.Equal("Say what needs doing.", page.ErrorUnder("What needs doing")));
        Assert.Equal("Choose the owner.", page.ErrorUnder("Owner"));
        Assert.Null(page.ErrorUnder("Team"));
        Assert.Null(page.ErrorUnder("Due date"));
        Assert.Equal(0, await ActionCountAsync());
    }

    [Fact]
    public async Task An_action_with_a_title_and_owner_is_saved_due_in_two_weeks_and_opened()
    {
        var page = RenderNewAction();
        page.InputUnder("What needs doing").Change("Brief store staff on web order pick lists");
        await page.InvokeAsync(() => page.FindComponents<MudSelect<int?>>().Single(s => s.Instance.Label == "Owner").Instance.ValueChanged.InvokeAsync(Data.StoresLead));

        AddTheAction(page);

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Matches(@"/actions/\d+$", navigation.Uri));
        await using var db = Database.CreateDbContext();
        var saved = await db.Actions.SingleAsync();
        Assert.Equal(("Brief store staff on web order pick lists", Data.StoresLead, Data.Stores, FrictionData.Today.AddDays(14)),
            (saved.Title, saved.OwnerPersonId, saved.TeamId, saved.DueDate));
    }

    [Fact]
    public async Task Enter_in_what_needs_doing_adds_the_action()
    {
        var page = RenderNewAction();
        await page.InvokeAsync(() => page.FindComponents<MudSelect<int?>>().Single(s => s.Instance.Label == "Owner").Instance.ValueChanged.InvokeAsync(Data.StoresLead));
        var title = page.InputUnder("What needs doing");
        title.Change("Label click & collect shelves by day");

        title.PressEnterIn();

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Matches(@"/actions/\d+$", navigation.Uri));
        await using var db = Database.CreateDbContext();
        Assert.Equal("Label click & collect shelves by day", (await db.Actions.SingleAsync()).Title);
    }
}
