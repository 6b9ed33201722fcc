using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Friction;
using CxDashboard.Tests.Features.Friction;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Features.Actions;
using CxDashboard.Web.Features.Common;
using Microsoft.Extensions.Time.Testing;

namespace CxDashboard.Tests.Features.Actions;

public sealed class ActionServiceTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private FrictionData _data = null!;
    private ActionService _service = null!;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(FrictionData.Now));

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _data = await FrictionData.CreateAsync(_database);
        _service = new ActionService(_database, _clock);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<ActionDetail> MoveAsync(int id, ActionMove move, string? text, Caller caller)
    {
        var seen = await _service.GetAsync(id, default);
        await _service.ChangeStatusAsync(id, move, text, seen.Version, caller, default);
        return await _service.GetAsync(id, default);
    }

    [Fact]
    public async Task A_channel_lead_updates_their_teams_actions_but_not_another_teams()
    {
        var digital = await _data.ActionAsync(team: _data.Digital);
        var stores = await _data.ActionAsync(team: _data.Stores, owner: _data.StoresLead);

        Assert.Equal(ActionStatus.InProgress, (await MoveAsync(digital, ActionMove.Start, null, _data.DigitalChannelLead)).Status);
        var refused = await Assert.ThrowsAsync<NotAllowedException>(() => MoveAsync(stores, ActionMove.Start, null, _data.DigitalChannelLead));
        Assert.Equal("As a channel lead you update your own team's actions only.", refused.Message);
        await Assert.ThrowsAsync<NotAllowedException>(() => _service.AddNoteAsync(stores, "Chased IT", _data.DigitalChannelLead, default));

        Assert.Equal(ActionStatus.Open, (await _service.GetAsync(stores, default)).Status);
    }

    [Fact]
    public async Task A_contributor_updates_their_own_actions_but_not_someone_elses()
    {
        var mine = await _data.ActionAsync(owner: _data.DigitalContributor);
        var colleagues = await _data.ActionAsync(owner: _data.OtherDigitalContributor);

        var blocked = await MoveAsync(mine, ActionMove.Block, "Waiting for the store handheld update", _data.Contributor);
        Assert.Equal((ActionStatus.Blocked, "Waiting for the store handheld update"), (blocked.Status, blocked.BlockedReason));
        await _service.AddNoteAsync(mine, "IT promised Friday", _data.Contributor, default);
        Assert.Equal("IT promised Friday", (await _service.GetAsync(mine, default)).Notes[0].Text);

        await Assert.ThrowsAsync<NotAllowedException>(() => MoveAsync(colleagues, ActionMove.Complete, null, _data.Contributor));
        await Assert.ThrowsAsync<NotAllowedException>(() => _service.AddNoteAsync(colleagues, "Looked at it", _data.Contributor, default));
    }

    [Fact]
    public async Task An_executive_changes_nothing()
    {
        var id = await _data.ActionAsync(team: _data.Stores, owner: _data.Executive);
        var seen = await _service.GetAsync(id, default);

        await Assert.ThrowsAsync<NotAllowedException>(() => _service.ChangeStatusAsync(id, ActionMove.Complete, null, seen.Version, _data.ExecutiveReader, default));
        await Assert.ThrowsAsync<NotAllowedException>(() => _service.AddNoteAsync(id, "Looks good", _data.ExecutiveReader, default));
        await Assert.ThrowsAsync<NotAllowedException>(() => _service.UpdateAsync(id, seen.ToPlan() with { QuickWin = true }, seen.Version, _data.ExecutiveReader, default));
        await Assert.ThrowsAsync<NotAllowedException>(() => _service.CreateAsync(
            new ActionDraft("Brief the stores", null, _data.StoresLead, _data.Stores, FrictionData.Today.AddDays(7), 2, 1, true), _data.ExecutiveReader, default));

        var after = await _service.GetAsync(id, default);
        Assert.Equal((seen.Version, seen.Status, seen.QuickWin, seen.Notes.Count), (after.Version, after.Status, after.QuickWin, after.Notes.Count));
    }

    [Fact]
    public async Task Editing_an_action_loaded_before_someone_elses_save_is_a_conflict_and_keeps_their_values()
    {
        var id = await _data.ActionAsync();
        var mine = await _service.GetAsync(id, default);
        var theirs = await _service.GetAsync(id, default);
        await _service.UpdateAsync(id, theirs.ToPlan() with { DueDate = FrictionData.Today.AddDays(30) }, theirs.Version, _data.DigitalChannelLead, default);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            _service.UpdateAsync(id, mine.ToPlan() with { Title = "Reworded" }, mine.Version, _data.CxLead, default));
        Assert.Contains("Someone else saved this action", conflict.Message);

        var current = await _service.GetAsync(id, default);
        Assert.Equal((FrictionData.Today.AddDays(30), mine.Title), (current.DueDate, current.Title));
        await _service.UpdateAsync(id, current.ToPlan() with { Title = "Reworded" }, current.Version, _data.CxLead, default);
        Assert.Equal("Reworded", (await _service.GetAsync(id, default)).Title);
    }

    [Fact]
    public async Task A_status_change_from_a_stale_list_row_is_a_conflict()
    {
        var id = await _data.ActionAsync();
        var row = Assert.Single((await _service.ListAsync(new ActionFilter { Scope = ActionScope.Mine }, _data.Contributor, ActionSort.DueDate, false, 0, 10, default)).Items);
        await MoveAsync(id, ActionMove.Start, null, _data.DigitalChannelLead);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            _service.ChangeStatusAsync(id, ActionMove.Cancel, "Not needed", row.Version, _data.Contributor, default));

        Assert.Equal(ActionStatus.InProgress, (await _service.GetAsync(id, default)).Status);
    }

    [Fact]
    public async Task The_lists_show_my_actions_my_teams_actions_and_all_with_filters_and_overdue_marked()
    {
        var issue = await _data.IssueAsync();
        await _data.ActionAsync(owner: _data.DigitalContributor, due: FrictionData.Today.AddDays(-2), issueId: issue);
        await _data.ActionAsync(owner: _data.OtherDigitalContributor, quickWin: true);
        await _data.ActionAsync(owner: _data.StoresLead, team: _data.Stores, status: ActionStatus.Done, due: FrictionData.Today.AddDays(-5));

        async Task<ResultPage<ActionRow>> List(ActionFilter filter, Caller caller) =>
            await _service.ListAsync(filter, caller, ActionSort.DueDate, false, 0, 20, default);

        var mine = Assert.Single((await List(new ActionFilter { Scope = ActionScope.Mine }, _data.Contributor)).Items);
        Assert.True(mine.IsOverdue);
        Assert.Equal(("Cory Contributor", "Digital", issue), (mine.Owner, mine.Team, mine.FrictionIssueId));
        Assert.Equal(2, (await List(new ActionFilter { Scope = ActionScope.Team }, _data.Contributor)).Total);
        Assert.Equal(3, (await List(new ActionFilter(), _data.ExecutiveReader)).Total);
        Assert.Equal(mine.Id, Assert.Single((await List(new ActionFilter { OverdueOnly = true }, _data.CxLead)).Items).Id);
        Assert.Equal("Olu Other", Assert.Single((await List(new ActionFilter { QuickWinsOnly = true }, _data.CxLead)).Items).Owner);
        Assert.Equal("Sam Stores", Assert.Single((await List(new ActionFilter { TeamId = _data.Stores }, _data.CxLead)).Items).Owner);
        Assert.Equal(ActionStatus.Done, Assert.Single((await List(new ActionFilter { Status = ActionStatus.Done }, _data.CxLead)).Items).Status);
        Assert.Equal(mine.Id, Assert.Single((await List(new ActionFilter { FrictionIssueId = issue }, _data.CxLead)).Items).Id);
        Assert.Equal(mine.Id, Assert.Single((await List(new ActionFilter { OwnerPersonId = _data.DigitalContributor }, _data.CxLead)).Items).Id);
        Assert.Equal(2, (await List(new ActionFilter { OpenOnly = true }, _data.CxLead)).Total);
    }

    [Fact]
    public async Task A_channel_lead_asks_another_team_for_work_on_an_issue_their_team_owns()
    {
        var issue = await _data.IssueAsync(_data.Details(owningTeam: _data.Stores));

        var id = await _service.CreateAsync(new ActionDraft("Expose web orders to the store system", "API change", _data.DigitalContributor, _data.Digital,
            FrictionData.Today.AddDays(21), 3, 2, false, issue), _data.StoresChannelLead, default);

        var action = await _service.GetAsync(id, default);
        Assert.Equal((issue, "Digital", ActionStatus.Open), (action.FrictionIssueId, action.Team, action.Status));
        await Assert.ThrowsAsync<NotAllowedException>(() => _service.CreateAsync(
            new ActionDraft("Unrelated", null, _data.DigitalContributor, _data.Digital, FrictionData.Today, 1, 1, false), _data.StoresChannelLead, default));
    }

    [Fact]
    public async Task An_issue_that_is_no_longer_open_takes_no_new_actions()
    {
        var issue = await _data.IssueAsync(status: FrictionStatus.WontFix);

        await Assert.ThrowsAsync<DomainException>(() => _service.CreateAsync(
            new ActionDraft("Too late", null, _data.StoresLead, _data.Stores, FrictionData.Today, 1, 1, false, issue), _data.CxLead, default));
    }

    [Fact]
    public async Task The_dashboard_figures_count_overdue_actions_per_team_and_the_quick_wins_delivered()
    {
        var lastWeek = FrictionData.Today.AddDays(-7);
        await _data.ActionAsync(team: _data.Digital, due: lastWeek);
        await _data.ActionAsync(team: _data.Digital, due: lastWeek, status: ActionStatus.Blocked);
        await _data.ActionAsync(team: _data.Stores, owner: _data.StoresLead, due: lastWeek);
        await _data.ActionAsync(team: _data.Stores, owner: _data.StoresLead, due: lastWeek, status: ActionStatus.Done);
        await _data.ActionAsync(team: _data.It, due: FrictionData.Today);
        await _data.ActionAsync(quickWin: true, status: ActionStatus.Done, doneAt: FrictionData.Now.AddDays(-3));
        await _data.ActionAsync(quickWin: true, status: ActionStatus.Done, doneAt: FrictionData.Now.AddDays(-40));
        await _data.ActionAsync(quickWin: true, status: ActionStatus.Cancelled, doneAt: FrictionData.Now.AddDays(-3));

        var overdue = await _service.OverdueActionsByTeamAsync(FrictionData.Today, default);
        Assert.Equal([new TeamOverdue(_data.Digital, "Digital", 2), new TeamOverdue(_data.Stores, "Stores", 1)], overdue);

        var monthStart = FrictionData.Now.AddDays(-30);
        Assert.Equal(1, await _service.CountQuickWinsDeliveredAsync(monthStart, FrictionData.Now, default));
        var delivered = Assert.Single(await _service.QuickWinsDeliveredAsync(monthStart, FrictionData.Now, 10, default));
        Assert.Equal(("Digital", FrictionData.Now.AddDays(-3)), (delivered.Team, delivered.CompletedAt));
    }

    public static TheoryData<string, Func<ActionPlan, FrictionData, ActionPlan>> Replans => new()
    {
        { "due date", (plan, _) => plan with { DueDate = plan.DueDate.AddDays(60) } },
        { "owner", (plan, data) => plan with { OwnerPersonId = data.OtherDigitalContributor } },
        { "team", (plan, data) => plan with { TeamId = data.Stores, OwnerPersonId = data.StoresLead } },
        { "impact", (plan, _) => plan with { Impact = 1 } },
        { "quick win", (plan, _) => plan with { QuickWin = true } },
    };

    [Theory]
    [MemberData(nameof(Replans))]
    public async Task Contributor_cannot_replan_their_own_action(string what, Func<ActionPlan, FrictionData, ActionPlan> change)
    {
        var id = await _data.ActionAsync(owner: _data.DigitalContributor, team: _data.Digital);
        var seen = await _service.GetAsync(id, default);

        var refused = await Assert.ThrowsAsync<NotAllowedException>(() =>
            _service.UpdateAsync(id, change(seen.ToPlan(), _data), seen.Version, _data.Contributor, default));

        Assert.Contains("you update its status, progress and notes", refused.Message);
        var after = await _service.GetAsync(id, default);
        Assert.True(seen.ToPlan() == after.ToPlan(), $"The {what} changed.");
        Assert.Equal(seen.Version, after.Version);
    }

    [Theory]
    [MemberData(nameof(Replans))]
    public async Task The_owning_teams_channel_lead_and_the_head_of_cx_replan_an_action(string what, Func<ActionPlan, FrictionData, ActionPlan> change)
    {
        var byLead = await _data.ActionAsync(owner: _data.DigitalContributor, team: _data.Digital);
        var byHead = await _data.ActionAsync(owner: _data.DigitalContributor, team: _data.Digital);

        foreach (var (id, caller) in new[] { (byLead, _data.DigitalChannelLead), (byHead, _data.CxLead) })
        {
            var seen = await _service.GetAsync(id, default);
            var plan = change(seen.ToPlan(), _data);
            await _service.UpdateAsync(id, plan, seen.Version, caller, default);
            Assert.True(plan == (await _service.GetAsync(id, default)).ToPlan(), $"The {what} was not saved for {caller.Name}.");
        }
    }

    [Fact]
    public async Task A_channel_lead_cannot_replan_another_teams_action()
    {
        var id = await _data.ActionAsync(owner: _data.DigitalContributor, team: _data.Digital);
        var seen = await _service.GetAsync(id, default);

        var refused = await Assert.ThrowsAsync<NotAllowedException>(() =>
            _service.UpdateAsync(id, seen.ToPlan() with { DueDate = seen.DueDate.AddDays(30) }, seen.Version, _data.StoresChannelLead, default));

        Assert.Equal("As a channel lead you re-plan your own team's actions only.", refused.Message);
        Assert.Equal(seen.DueDate, (await _service.GetAsync(id, default)).DueDate);
    }

    [Fact]
    public async Task An_actions_owner_is_chosen_from_its_team()
    {
        var id = await _data.ActionAsync(owner: _data.DigitalContributor, team: _data.Digital);
        var seen = await _service.GetAsync(id, default);

        var reassigned = await Assert.ThrowsAsync<DomainException>(() =>
            _service.UpdateAsync(id, seen.ToPlan() with { OwnerPersonId = _data.StoresLead }, seen.Version, _data.CxLead, default));
        var created = await Assert.ThrowsAsync<DomainException>(() => _service.CreateAsync(
            new ActionDraft("Brief the stores", null, _data.DigitalContributor, _data.Stores, FrictionData.Today.AddDays(7), 2, 1, false), _data.CxLead, default));

        Assert.Equal("Sam Stores works in Stores, not Digital: choose the action's owner from Digital.", reassigned.Message);
        Assert.Equal("Cory Contributor works in Digital, not Stores: choose the action's owner from Stores.", created.Message);
        Assert.Equal("Cory Contributor", (await _service.GetAsync(id, default)).Owner);
        await using var db = _database.CreateDbContext();
        Assert.False(db.Actions.Any(a => a.Title == "Brief the stores"));
    }
}
