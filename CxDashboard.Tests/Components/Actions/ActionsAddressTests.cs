using System.Globalization;
using Bunit;
using Bunit.Rendering;
using Bunit.TestDoubles;
using CxDashboard.Tests.Components.Friction;
using CxDashboard.Tests.Features.Friction;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Features.Actions;
using CxDashboard.Web.Features.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Components.Actions;

public sealed class ActionsAddressTests : BunitContext, IAsyncLifetime
{
    private TestDatabase _database = null!;
    private FrictionData _data = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _data = await FrictionData.CreateAsync(_database);
        ComponentHost.Prepare(this, _database, _data.CxLead);
        await _data.ActionAsync(team: _data.Digital, due: FrictionData.Today.AddDays(5));
        await _data.ActionAsync(owner: _data.HeadOfCx, team: _data.Stores, due: FrictionData.Today.AddDays(3), quickWin: true);
        await _data.ActionAsync(team: _data.Digital, due: FrictionData.Today.AddDays(-2));
        await _data.ActionAsync(owner: _data.HeadOfCx, team: _data.Stores, due: FrictionData.Today.AddDays(10));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    private BunitNavigationManager Navigation => (BunitNavigationManager)Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<ContainerFragment> Open(string address)
    {
        Navigation.NavigateTo(address);
        return ComponentHost.RenderWithPopovers<ActionsPage>(this);
    }

    /// <summary>Each listed action by when it is due, in days from today.</summary>
    private static List<int> DueInDays(IRenderedComponent<ContainerFragment> page) =>
        page.FindAll("tbody tr")
            .Where(r => r.TextContent.Contains("Show web orders on the store handheld"))
            .Select(r => DateOnly.ParseExact(r.QuerySelectorAll("td")[3].TextContent.Split('·')[0].Trim(), "d MMM yyyy", CultureInfo.InvariantCulture))
            .Select(d => d.DayNumber - FrictionData.Today.DayNumber)
            .ToList();

    [Fact]
    public void A_link_to_the_actions_opens_its_tab_filters_and_sort_and_exports_that_view()
    {
        var digital = _data.Digital.ToString(CultureInfo.InvariantCulture);

        var page = Open($"/actions?tab=all&team={digital}&sort=DueDate&order=desc");

        page.WaitForAssertion(() => Assert.Equal([5, -2], DueInDays(page)));
        var href = page.Find("a[download]").GetAttribute("href")!;
        Assert.StartsWith("/export/actions.xlsx", href, StringComparison.Ordinal);
        var export = ViewQuery.FromUri(href);
        Assert.Equal("all", export.Text("tab"));
        Assert.Equal(digital, export.Text("team"));
        Assert.Equal("DueDate", export.Text("sort"));
        Assert.Equal("desc", export.Text("order"));
    }

    [Fact]
    public void Values_the_actions_page_cannot_read_in_the_address_are_ignored()
    {
        var page = Open("/actions?tab=everything&team=x&owner=-1&status=Lost&overdue=maybe&sort=Owner&order=sideways&page=0&rows=3");

        // No tab it can read and no filter: the head of CX's own open actions, soonest due first.
        page.WaitForAssertion(() => Assert.Equal([3, 10], DueInDays(page)));
        Assert.Contains("mud-tab-active", page.FindAll(".mud-tab").Single(t => t.TextContent.Contains("My actions")).ClassName);
    }

    [Fact]
    public void Changing_tab_is_a_new_entry_in_the_history_and_going_back_shows_the_filtered_tab_again()
    {
        var page = Open("/actions?tab=all&quickWins=true");
        page.WaitForAssertion(() => Assert.Equal([3], DueInDays(page)));

        page.FindAll(".mud-tab").Single(t => t.TextContent.Contains("My actions")).Click();

        page.WaitForAssertion(() => Assert.Equal([3, 10], DueInDays(page)));
        Assert.Equal("http://localhost/actions?tab=mine", Navigation.Uri);
        Assert.False(Navigation.History.First().Options.ReplaceHistoryEntry);

        // The browser's Back button: the location changes to the previous address.
        Navigation.NavigateTo("/actions?tab=all&quickWins=true");

        page.WaitForAssertion(() => Assert.Equal([3], DueInDays(page)));
    }
}
