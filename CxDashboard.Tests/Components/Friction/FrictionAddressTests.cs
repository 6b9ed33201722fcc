using System.Globalization;
using Bunit;
using Bunit.Rendering;
using Bunit.TestDoubles;
using CxDashboard.Domain.Friction;
using CxDashboard.Tests.Features.Friction;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Friction;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Components.Friction;

public sealed class FrictionAddressTests : BunitContext, IAsyncLifetime
{
    private TestDatabase _database = null!;
    private FrictionData _data = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _data = await FrictionData.CreateAsync(_database);
        ComponentHost.Prepare(this, _database, _data.CxLead);
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
        return ComponentHost.RenderWithPopovers<FrictionBoardPage>(this);
    }

    private static List<string> ListedTitles(IRenderedComponent<ContainerFragment> page) =>
        page.FindAll("td a[href^='/friction/']").Select(a => a.TextContent.Trim()).ToList();

    private static ViewQuery ExportLink(IRenderedComponent<ContainerFragment> page)
    {
        var href = page.Find("a[download]").GetAttribute("href")!;
        Assert.StartsWith("/export/friction.xlsx", href, StringComparison.Ordinal);
        return ViewQuery.FromUri(href);
    }

    private async Task AddStoresIssuesAsync(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await _data.IssueAsync(_data.Details($"Issue {i:D2}"), createdAt: FrictionData.Now.AddDays(-40 + i));
        }
        await _data.IssueAsync(_data.Details("Checkout times out", owningTeam: _data.Digital));
    }

    [Fact]
    public async Task A_link_to_the_friction_list_opens_with_its_filters_sort_and_page_and_exports_that_view()
    {
        await AddStoresIssuesAsync(30);
        var stores = _data.Stores.ToString(CultureInfo.InvariantCulture);

        var page = Open($"/friction?view=list&team={stores}&sort=Title&order=desc&page=2");

        page.WaitForAssertion(() => Assert.Equal(["Issue 05", "Issue 04", "Issue 03", "Issue 02", "Issue 01"], ListedTitles(page)));
        Assert.Equal($"http://localhost/friction?view=list&team={stores}&sort=Title&order=desc&page=2", Navigation.Uri);
        var export = ExportLink(page);
        Assert.Equal("list", export.Text("view"));
        Assert.Equal(stores, export.Text("team"));
        Assert.Equal("Title", export.Text("sort"));
        Assert.Equal("desc", export.Text("order"));
        Assert.Null(export.Text("page"));
    }

    [Fact]
    public async Task Values_the_friction_page_cannot_read_in_the_address_are_ignored()
    {
        await AddStoresIssuesAsync(3);

        var list = Open("/friction?view=list&team=abc&severity=9&status=Lost&open=perhaps&sort=Colour&order=up&page=-1&rows=7");

        list.WaitForAssertion(() => Assert.Equal(["Checkout times out", "Issue 03", "Issue 02", "Issue 01"], ListedTitles(list)));

        Navigation.NavigateTo("/friction?team=abc&contributor=0&channel=web&overdue=1");

        list.WaitForAssertion(() => Assert.Equal(6, list.FindAll("[data-testid=board-column]").Count));
        Assert.Equal(4, list.FindAll("[data-testid=friction-card]").Count);
    }

    [Fact]
    public async Task Switching_to_the_list_is_a_new_entry_in_the_history_and_going_back_shows_the_board_again()
    {
        await AddStoresIssuesAsync(2);
        var page = Open("/friction?severity=3");
        page.WaitForAssertion(() => Assert.Equal(6, page.FindAll("[data-testid=board-column]").Count));

        page.FindAll("button").Single(b => b.TextContent.Trim() == "List").Click();

        page.WaitForAssertion(() => Assert.Equal(3, ListedTitles(page).Count));
        Assert.Equal("http://localhost/friction?severity=3&view=list", Navigation.Uri);
        Assert.False(Navigation.History.First().Options.ReplaceHistoryEntry);

        // The browser's Back button: the location changes to the previous address.
        Navigation.NavigateTo("/friction?severity=3");

        page.WaitForAssertion(() => Assert.Equal(6, page.FindAll("[data-testid=board-column]").Count));
        Assert.Empty(ListedTitles(page));
    }

    [Fact]
    public async Task Sorting_the_list_by_a_column_puts_the_sort_in_the_address()
    {
        await AddStoresIssuesAsync(3);
        var page = Open("/friction?view=list");
        page.WaitForAssertion(() => Assert.Equal(4, ListedTitles(page).Count));

        page.FindAll("th").First(th => th.TextContent.Contains("Issue")).QuerySelector(".sortable-column-header")!.Click();

        page.WaitForAssertion(() => Assert.Equal(["Checkout times out", "Issue 01", "Issue 02", "Issue 03"], ListedTitles(page)));
        var address = ViewQuery.FromUri(Navigation.Uri);
        Assert.Equal("Title", address.Text("sort"));
        Assert.Equal("asc", address.Text("order"));
        Assert.Equal("asc", ExportLink(page).Text("order"));
    }
}
