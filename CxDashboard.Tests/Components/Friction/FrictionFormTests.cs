using Bunit;
using Bunit.Rendering;
using CxDashboard.Domain.Feedback;
using CxDashboard.Tests.Components.Forms;
using CxDashboard.Tests.Features.Friction;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Features.Friction;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CxDashboard.Tests.Components.Friction;

/// <summary>The friction issue form on the create and edit pages.</summary>
public sealed class FrictionFormTests : FrictionComponentTest
{
    private IRenderedComponent<ContainerFragment> RenderNewPage()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/friction/new");
        var page = ComponentHost.RenderWithPopovers<FrictionNewPage>(this);
        page.WaitForElement("button:not([disabled])");
        page.WaitForAssertion(() => Assert.Contains("Raise the issue", page.Markup));
        return page;
    }

    private static void Click(IRenderedComponent<ContainerFragment> page, string text) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == text).Click();

    private static Task Choose<T>(IRenderedComponent<ContainerFragment> page, string label, T value) =>
        page.InvokeAsync(() => page.FindComponents<MudSelect<T>>().Single(s => s.Instance.Label == label).Instance.SelectOption(value));

    private async Task<int> IssueCountAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.FrictionIssues.CountAsync();
    }

    [Fact]
    public async Task Raising_an_issue_with_nothing_filled_in_names_each_missing_field_and_saves_nothing()
    {
        var page = RenderNewPage();

        Click(page, "Raise the issue");

        page.WaitForAssertion(() => Assert.Equal("Give the issue a title.", page.ErrorUnder("Title")));
        Assert.Equal("Choose the journey stage.", page.ErrorUnder("Journey stage"));
        Assert.Equal("Choose at least one channel.", page.ErrorUnder("Channels it spans"));
        Assert.Equal("Choose product, service or experience.", page.ErrorUnder("Category"));
        Assert.Null(page.ErrorUnder("Owning team"));
        Assert.Contains("Some fields need attention.", page.Find(".mud-alert-text-error").TextContent);
        Assert.Equal(0, await IssueCountAsync());
    }

    [Fact]
    public async Task A_title_of_spaces_only_is_refused_like_an_empty_one()
    {
        var page = RenderNewPage();
        page.Find("input[maxlength='200']").Change("   ");

        Click(page, "Raise the issue");

        page.WaitForAssertion(() => Assert.Equal("Give the issue a title.", page.ErrorUnder("Title")));
        Assert.Equal(0, await IssueCountAsync());
    }

    [Fact]
    public async Task A_complete_issue_is_saved_and_the_page_moves_to_it()
    {
        var page = RenderNewPage();
        page.Find("input[maxlength='200']").Change("Parcel lockers reject the collection code");
        await Choose<int?>(page, "Journey stage", Data.Deliver);
        await Choose(page, "Channels it spans", Data.Store);
        await Choose<FeedbackCategory?>(page, "Category", FeedbackCategory.Product);

        Click(page, "Raise the issue");

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Matches(@"/friction/\d+$", navigation.Uri));
        await using var db = Database.CreateDbContext();
        var saved = await db.FrictionIssues.SingleAsync();
        Assert.Equal(("Parcel lockers reject the collection code", Data.Stores, Data.StoresLead),
            (saved.Title, saved.OwningTeamId, saved.OwnerPersonId));
    }

    [Fact]
    public async Task Clearing_the_title_of_an_issue_being_edited_is_refused_and_the_saved_title_stays()
    {
        var id = await Data.IssueAsync();
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/friction/{id}/edit");
        var page = ComponentHost.RenderWithPopovers<FrictionEditPage>(this, b => b.AddComponentParameter(2, nameof(FrictionEditPage.Id), id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("input[maxlength='200']")));

        page.Find("input[maxlength='200']").Change("");
        Click(page, "Save");

        page.WaitForAssertion(() => Assert.Equal("Give the issue a title.", page.ErrorUnder("Title")));
        await using var db = Database.CreateDbContext();
        Assert.Equal("Click and collect order not ready in store", (await db.FrictionIssues.SingleAsync()).Title);
    }

    [Fact]
    public async Task Enter_in_the_title_raises_a_complete_issue()
    {
        var page = RenderNewPage();
        await Choose<int?>(page, "Journey stage", Data.Deliver);
        await Choose(page, "Channels it spans", Data.Store);
        await Choose<FeedbackCategory?>(page, "Category", FeedbackCategory.Product);
        var title = page.InputUnder("Title");
        title.Change("Lockers time out before the code is typed");

        title.PressEnterIn();

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Matches(@"/friction/\d+$", navigation.Uri));
        await using var db = Database.CreateDbContext();
        Assert.Equal("Lockers time out before the code is typed", (await db.FrictionIssues.SingleAsync()).Title);
    }

    [Fact]
    public async Task Enter_in_the_title_of_an_issue_being_edited_saves_it()
    {
        var id = await Data.IssueAsync();
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/friction/{id}/edit");
        var page = ComponentHost.RenderWithPopovers<FrictionEditPage>(this, b => b.AddComponentParameter(2, nameof(FrictionEditPage.Id), id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("input[maxlength='200']")));
        var title = page.InputUnder("Title");
        title.Change("Click and collect order not ready at the desk");

        title.PressEnterIn();

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith($"/friction/{id}", navigation.Uri));
        await using var db = Database.CreateDbContext();
        Assert.Equal("Click and collect order not ready at the desk", (await db.FrictionIssues.SingleAsync()).Title);
    }
}
