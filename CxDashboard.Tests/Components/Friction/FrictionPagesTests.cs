using Bunit;
using Bunit.Rendering;
using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Friction;
using CxDashboard.Tests.Features.Friction;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Features.Actions;
using CxDashboard.Web.Features.Friction;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CxDashboard.Tests.Components.Friction;

public sealed class FrictionPagesTests : BunitContext, IAsyncLifetime
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

    private IRenderedComponent<ContainerFragment> Render<T>(string address, Action<Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder>? parameters = null) where T : IComponent
    {
        ComponentHost.Prepare(this, _database, _data.StoresChannelLead);
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        return ComponentHost.RenderWithPopovers<T>(this, parameters);
    }

    [Fact]
    public async Task The_issue_page_lists_what_is_missing_before_the_loop_can_be_closed_naming_unchecked_metrics()
    {
        var id = await _data.IssueAsync(status: FrictionStatus.Resolved);
        var service = new FrictionService(_database, new FakeTimeProvider(new DateTimeOffset(FrictionData.Now)));
        await service.LinkMetricAsync(id, new MetricLink(_data.Nps, 20), _data.CxLead, default);
        await _data.ActionAsync(issueId: id);

        var page = Render<FrictionIssuePage>($"/friction/{id}", b => b.AddComponentParameter(2, nameof(FrictionIssuePage.Id), id));

        page.WaitForAssertion(() => Assert.Contains("Closing the loop", page.Markup));
        var missing = page.FindAll("[data-testid=check-missing]").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(
        [
            "Missing: 1 action is still open: finish or cancel it.",
            "Missing: Nobody has recorded telling the customers or front-line staff who raised it.",
            "Missing: The after-check of Net Promoter Score is not recorded. Close with a significant improvement, or give a reason to close without one.",
        ], missing);
        Assert.True(page.FindAll("button").Single(b => b.TextContent.Trim() == "Close the loop").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Heatmap_cells_carry_their_numbers_in_text_and_label_and_link_to_the_open_issues()
    {
        await _data.IssueAsync(_data.Details("A", channels: [_data.Web], stage: _data.Deliver, severity: 3));
        await _data.IssueAsync(_data.Details("B", channels: [_data.Web], stage: _data.Deliver, severity: 2));

        var page = Render<HeatmapPage>("/friction/heatmap");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=heat-cell]")));
        var cell = page.FindAll("[data-testid=heat-cell]").Single(c => c.GetAttribute("aria-label")!.StartsWith("Deliver, Website"));
        Assert.Equal("Deliver, Website: 2 open issues, total severity 5", cell.GetAttribute("aria-label"));
        Assert.Equal("5 (2)", cell.TextContent.Trim());
        Assert.Equal($"/friction?view=list&stage={_data.Deliver}&channel={_data.Web}&open=true", cell.GetAttribute("href"));
    }

    [Fact]
    public async Task The_silo_map_shows_open_and_overdue_counts_linking_to_the_filtered_list()
    {
        await _data.IssueAsync(_data.Details("A", owningTeam: _data.Stores, contributors: [_data.It], due: FrictionData.Today.AddDays(-3)));

        var page = Render<SiloMapPage>("/friction/silos");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=silo-cell] a")));
        var link = page.Find("[data-testid=silo-cell] a");
        Assert.Equal("Stores needs IT on 1 open issues, 1 overdue", link.GetAttribute("aria-label"));
        Assert.Equal($"/friction?view=list&team={_data.Stores}&contributor={_data.It}&open=true", link.GetAttribute("href"));
    }

    [Fact]
    public async Task The_create_page_shows_the_selected_feedback_and_raises_the_issue_linking_it()
    {
        var first = await _data.FeedbackAsync();
        var second = await _data.FeedbackAsync();

        var page = Render<FrictionNewPage>($"/friction/new?feedback={first},{second}");

        page.WaitForAssertion(() => Assert.Contains("Raised from 2 feedback items", page.Markup));
        Assert.Contains($"#{first}", page.Markup);
    }

    [Fact]
    public async Task The_action_page_shows_the_notes_timeline()
    {
        var id = await _data.ActionAsync(team: _data.Stores, owner: _data.StoresLead, status: ActionStatus.Blocked);

        var page = Render<ActionPage>($"/actions/{id}", b => b.AddComponentParameter(2, nameof(ActionPage.Id), id));

        page.WaitForAssertion(() => Assert.Contains("Progress notes", page.Markup));
        Assert.Contains("Waiting for IT", page.Markup);
        Assert.NotEmpty(page.FindAll("[data-testid=action-quick-update]"));
    }
}
