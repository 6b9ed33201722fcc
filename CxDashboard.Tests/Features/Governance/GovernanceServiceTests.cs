using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Governance;
using CxDashboard.Tests.Features.Metrics;
using CxDashboard.Web.Features.Actions;
using CxDashboard.Web.Features.Common;

namespace CxDashboard.Tests.Features.Governance;

public sealed class GovernanceServiceTests : IAsyncLifetime
{
    private GovernanceData _data = null!;

    public async Task InitializeAsync() => _data = await GovernanceData.CreateAsync();

    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task A_decision_is_recorded_in_the_log_with_who_recorded_it_and_when()
    {
        var id = await _data.Service.CreateAsync(_data.Draft(), _data.Metrics.CxLead, default);
        _data.Metrics.Clock.Advance(TimeSpan.FromMinutes(45));

        await _data.Service.RecordDecisionAsync(id, "Stores owns click & collect readiness.", _data.Metrics.CxLead, default);

        var review = await _data.Service.GetAsync(id, default);
        var decision = Assert.Single(review.Decisions);
        Assert.Equal(("Stores owns click & collect readiness.", "Alex Morgan", MetricsData.Now.AddMinutes(45)),
            (decision.Text, decision.RecordedBy, decision.At));
        var row = Assert.Single((await _data.Service.ListAsync(0, 25, default)).Items);
        Assert.Equal((1, 0, "Digital, Stores"), (row.Decisions, row.Actions, string.Join(", ", row.AttendeeTeams)));
    }

    [Fact]
    public async Task An_action_created_in_a_review_lands_in_its_owners_my_actions_tied_to_the_review()
    {
        var review = await _data.Service.CreateAsync(_data.Draft(), _data.Metrics.CxLead, default);
        var sam = _data.Metrics.StoresLead;

        var actionId = await _data.Actions.CreateAsync(new ActionDraft("Share store NPS verbatims weekly", null, sam.PersonId!.Value,
            _data.Metrics.StoresTeam, _data.Today.AddDays(14), 2, 1, true, ReviewId: review), _data.Metrics.CxLead, default);

        var mine = await _data.Actions.ListAsync(new ActionFilter { Scope = ActionScope.Mine }, sam, ActionSort.DueDate, false, 0, 50, default);
        Assert.Equal("Share store NPS verbatims weekly", Assert.Single(mine.Items).Title);
        Assert.Equal(review, (await _data.Actions.GetAsync(actionId, default)).ReviewId);
        var shown = Assert.Single((await _data.Service.GetAsync(review, default)).Actions);
        Assert.Equal(("Sam Patel", "Stores", true), (shown.Owner, shown.Team, shown.QuickWin));
        Assert.Equal(1, Assert.Single((await _data.Service.ListAsync(0, 25, default)).Items).Actions);
    }

    [Fact]
    public async Task The_agenda_lists_the_red_metric_the_overdue_actions_most_overdue_first_and_the_escalated_issues()
    {
        await _data.RedMetricAsync();
        await _data.GreenMetricAsync();
        await _data.ActionAsync("Fix the collection point signage", _data.Today.AddDays(-3));
        await _data.ActionAsync("Retrain the returns desk", _data.Today.AddDays(-20));
        await _data.ActionAsync("Already done", _data.Today.AddDays(-30), ActionStatus.Done);
        await _data.ActionAsync("Not due yet", _data.Today.AddDays(5));
        await _data.IssueAsync("Orders missing at collection", severity: 4);
        await _data.IssueAsync("Returns label unclear", severity: 2, due: _data.Today.AddDays(-1));
        await _data.IssueAsync("Slow checkout page", severity: 3, due: _data.Today.AddDays(10));

        var agenda = await _data.Service.GetAgendaAsync(default);

        Assert.Equal("2026-Q4", agenda.Quarter);
        var red = Assert.Single(agenda.RedMetrics);
        Assert.Equal(("WAIT", 30.0, 24.0), (red.Code, red.Value, red.Target));
        Assert.Equal([("Retrain the returns desk", 20, "Sam Patel", "Stores"), ("Fix the collection point signage", 3, "Sam Patel", "Stores")],
            agenda.OverdueActions.Select(a => (a.Title, a.DaysOverdue, a.Owner, a.Team)).ToList());
        Assert.Equal([("Orders missing at collection", 4, false), ("Returns label unclear", 2, true)],
            agenda.EscalatedIssues.Select(i => (i.Title, i.Severity, i.IsOverdue)).ToList());
    }

    [Fact]
    public async Task An_executive_cannot_create_a_review_nor_record_a_decision()
    {
        var refused = await Assert.ThrowsAsync<NotAllowedException>(() => _data.Service.CreateAsync(_data.Draft(), _data.Metrics.Executive, default));
        Assert.Equal("Reviews, their decisions and their actions are recorded by the head of CX.", refused.Message);

        var id = await _data.Service.CreateAsync(_data.Draft(), _data.Metrics.CxLead, default);
        await Assert.ThrowsAsync<NotAllowedException>(() => _data.Service.RecordDecisionAsync(id, "Approve", _data.Metrics.Executive, default));
        Assert.Empty((await _data.Service.GetAsync(id, default)).Decisions);
    }

    [Fact]
    public async Task Editing_a_review_someone_saved_since_it_was_opened_is_refused_and_changes_nothing()
    {
        var id = await _data.Service.CreateAsync(_data.Draft(), _data.Metrics.CxLead, default);
        var seen = await _data.Service.GetAsync(id, default);
        await _data.Service.UpdateAsync(id, seen.ToDraft() with { AttendeeTeamIds = [_data.Metrics.StoresTeam] }, seen.Version, _data.Metrics.CxLead, default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _data.Service.UpdateAsync(id,
            seen.ToDraft() with { Kind = ReviewKind.QuarterlyExecutiveReview, Title = "Q4 executive review" }, seen.Version, _data.Metrics.CxLead, default));

        var now = await _data.Service.GetAsync(id, default);
        Assert.Equal((ReviewKind.MonthlyCxCouncil, "November CX council", "Stores"),
            (now.Kind, now.Title, Assert.Single(now.AttendeeTeams).Name));
        Assert.True(now.Version > seen.Version);
    }
}
