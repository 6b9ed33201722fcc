using AngleSharp.Dom;
using Bunit;
using Bunit.Rendering;
using CxDashboard.Domain.Friction;
using CxDashboard.Tests.Features.Friction;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Features.Friction;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Components.Friction;

public sealed class FrictionBoardTests : BunitContext, IAsyncLifetime
{
    private TestDatabase _database = null!;
    private FrictionData _data = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _data = await FrictionData.CreateAsync(_database);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    private IRenderedComponent<ContainerFragment> RenderBoard(string address = "/friction")
    {
        ComponentHost.Prepare(this, _database, _data.StoresChannelLead);
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        var page = ComponentHost.RenderWithPopovers<FrictionBoardPage>(this);
        page.WaitForAssertion(() => Assert.Equal(6, page.FindAll("[data-testid=board-column]").Count));
        return page;
    }

    private static IElement Card(IRenderedComponent<ContainerFragment> page, string title) =>
        page.FindAll("[data-testid=friction-card]").Single(c => c.TextContent.Contains(title));

    private List<string> OpenMenu(IRenderedComponent<ContainerFragment> page, string title)
    {
        Card(page, title).QuerySelector("[data-testid=move-menu] button")!.Click();
        return page.WaitForElements(".mud-popover-open .mud-menu-item").Select(i => i.TextContent.Trim()).ToList();
    }

    [Fact]
    public async Task The_board_has_a_column_per_status_headed_by_its_count()
    {
        await _data.IssueAsync(_data.Details("Parcel not ready"));
        await _data.IssueAsync(_data.Details("Wrong opening hours online"));
        await _data.IssueAsync(_data.Details("Returns refused in store"), FrictionStatus.InProgress);
        await _data.IssueAsync(_data.Details("Old loyalty points"), FrictionStatus.Closed);

        var page = RenderBoard();

        var headings = page.FindAll("[data-testid=board-column] h2").Select(h => string.Join(" ", h.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Equal(["New (2)", "Triaged (0)", "In progress (1)", "Resolved (0)", "Closed (1)", "Won't fix (0)"], headings);
        var firstColumn = page.FindAll("[data-testid=board-column]")[0];
        Assert.Equal(2, firstColumn.QuerySelectorAll("[data-testid=friction-card]").Length);
        Assert.Contains("Severity 3", Card(page, "Parcel not ready").TextContent);
        Assert.Contains("Cross-channel", Card(page, "Parcel not ready").TextContent);
    }

    [Fact]
    public async Task A_cards_status_menu_offers_only_the_next_statuses_the_state_machine_allows()
    {
        await _data.IssueAsync(_data.Details("Parcel not ready"));
        await _data.IssueAsync(_data.Details("Returns refused in store"), FrictionStatus.InProgress);
        await _data.IssueAsync(_data.Details("Old loyalty points"), FrictionStatus.Closed);

        var page = RenderBoard();

        Assert.Equal(["Triage", "Won't fix…"], OpenMenu(page, "Parcel not ready"));
        Assert.Null(Card(page, "Old loyalty points").QuerySelector("[data-testid=move-menu]"));
    }

    [Fact]
    public async Task Resolving_from_the_card_asks_for_the_resolution_and_moves_the_card()
    {
        await _data.IssueAsync(_data.Details("Returns refused in store"), FrictionStatus.InProgress);
        var page = RenderBoard();

        Assert.Equal(["Resolve…", "Won't fix…"], OpenMenu(page, "Returns refused in store"));
        // Each step re-finds its element inside the renderer, so a re-render in between cannot leave a stale handler.
        await page.InvokeAsync(() => page.FindAll(".mud-popover-open .mud-menu-item").Single(i => i.TextContent.Contains("Resolve")).Click());
        page.WaitForAssertion(() => Assert.NotNull(Card(page, "Returns refused in store").QuerySelector("textarea")));
        await page.InvokeAsync(() => Card(page, "Returns refused in store").QuerySelector("textarea")!.Change("Till staff trained on the returns policy."));
        await page.InvokeAsync(() => Card(page, "Returns refused in store").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Resolve").Click());

        page.WaitForAssertion(() => Assert.Contains("Returns refused in store", page.FindAll("[data-testid=board-column]")[3].TextContent));
    }
}
