using AngleSharp.Dom;
using Bunit;
using Bunit.Rendering;
using CxDashboard.Domain.Actions;
using CxDashboard.Tests.Components.Forms;
using CxDashboard.Tests.Components.Friction;
using CxDashboard.Tests.Features.Friction;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Features.Actions;
using CxDashboard.Web.Features.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Components.Actions;

public sealed class ActionInlineUpdateTests : BunitContext, IAsyncLifetime
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

    private IRenderedComponent<ContainerFragment> RenderMyActions(Caller caller)
    {
        ComponentHost.Prepare(this, _database, caller);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/actions?tab=mine");
        var page = ComponentHost.RenderWithPopovers<ActionsPage>(this);
        page.WaitForAssertion(() => Assert.Contains("Show web orders on the store handheld", page.Markup));
        return page;
    }

    private static IElement Row(IRenderedComponent<ContainerFragment> page) =>
        page.FindAll("tr").Single(r => r.TextContent.Contains("Show web orders on the store handheld"));

    [Fact]
    public async Task A_contributor_blocks_their_action_with_a_reason_without_leaving_the_list()
    {
        var id = await _data.ActionAsync(owner: _data.DigitalContributor, status: ActionStatus.InProgress);
        var page = RenderMyActions(_data.Contributor);

        var buttons = Row(page).QuerySelectorAll("[data-testid=action-quick-update] button").Select(b => b.TextContent.Trim()).ToList();
        Assert.Equal(["Blocked", "Done", "Cancel", "Add note"], buttons);

        Row(page).QuerySelector("[data-testid=action-quick-update] input")!.Change("Waiting for the handheld update");
        Row(page).QuerySelectorAll("[data-testid=action-quick-update] button").Single(b => b.TextContent.Trim() == "Blocked").Click();

        page.WaitForAssertion(() => Assert.Contains("Waiting for the handheld update", Row(page).TextContent));
        Assert.Contains("Blocked", Row(page).TextContent);
        Assert.Equal(["In progress", "Cancel", "Add note"],
            Row(page).QuerySelectorAll("[data-testid=action-quick-update] button").Select(b => b.TextContent.Trim()));
        await using var db = _database.CreateDbContext();
        var saved = await db.Actions.Include(a => a.Notes).SingleAsync(a => a.Id == id);
        Assert.Equal((ActionStatus.Blocked, "Waiting for the handheld update"), (saved.Status, saved.BlockedReason));
    }

    [Fact]
    public async Task Blocking_without_a_reason_asks_for_one_and_changes_nothing()
    {
        var id = await _data.ActionAsync(owner: _data.DigitalContributor);
        var page = RenderMyActions(_data.Contributor);

        Row(page).QuerySelectorAll("[data-testid=action-quick-update] button").Single(b => b.TextContent.Trim() == "Blocked").Click();

        page.WaitForAssertion(() => Assert.Contains("Give the reason before choosing Blocked.", Row(page).TextContent));
        await using var db = _database.CreateDbContext();
        Assert.Equal(ActionStatus.Open, (await db.Actions.SingleAsync(a => a.Id == id)).Status);
    }

    [Fact]
    public async Task Adding_an_empty_note_asks_for_the_note_and_adds_nothing()
    {
        var id = await _data.ActionAsync(owner: _data.DigitalContributor);
        var page = RenderMyActions(_data.Contributor);

        Row(page).QuerySelectorAll("[data-testid=action-quick-update] button").Single(b => b.TextContent.Trim() == "Add note").Click();

        page.WaitForAssertion(() => Assert.Contains("Write the note first.", Row(page).TextContent));
        await using var db = _database.CreateDbContext();
        Assert.Empty((await db.Actions.Include(a => a.Notes).SingleAsync(a => a.Id == id)).Notes);
    }

    [Fact]
    public async Task Enter_in_the_note_adds_it_to_the_action()
    {
        var id = await _data.ActionAsync(owner: _data.DigitalContributor);
        var page = RenderMyActions(_data.Contributor);

        var note = Row(page).QuerySelector("[data-testid=action-quick-update] input")!;
        note.Change("Handhelds updated in two stores");
        note.PressEnterIn();

        await using var db = _database.CreateDbContext();
        page.WaitForAssertion(() => Assert.Equal(["Handhelds updated in two stores"],
            db.Actions.Include(a => a.Notes).AsNoTracking().Single(a => a.Id == id).Notes.Select(n => n.Text)));
    }

    [Fact]
    public async Task An_executive_sees_their_actions_without_controls_to_change_them()
    {
        await _data.ActionAsync(owner: _data.Executive, team: _data.Stores);

        var page = RenderMyActions(_data.ExecutiveReader);

        Assert.Empty(Row(page).QuerySelectorAll("[data-testid=action-quick-update]"));
        Assert.DoesNotContain("New action", page.Markup);
    }
}
