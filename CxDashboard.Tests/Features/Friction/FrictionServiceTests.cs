using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Friction;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Friction;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CxDashboard.Tests.Features.Friction;

public sealed class FrictionServiceTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private FrictionData _data = null!;
    private FrictionService _service = null!;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(FrictionData.Now));

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _data = await FrictionData.CreateAsync(_database);
        _service = new FrictionService(_database, _clock);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<int> ResolvedIssueWithMetricsAsync()
    {
        var id = await _data.IssueAsync(status: FrictionStatus.InProgress);
        await _service.LinkMetricAsync(id, new MetricLink(_data.Nps, 21), _data.CxLead, default);
        await _service.LinkMetricAsync(id, new MetricLink(_data.Conversion, null), _data.CxLead, default);
        await _service.ChangeStatusAsync(id, FrictionMove.Resolve, "Web orders now show on the store handheld.", _data.CxLead, default);
        return id;
    }

    [Fact]
    public async Task Closing_is_refused_while_an_action_is_open_and_the_checklist_names_each_missing_item()
    {
        var id = await ResolvedIssueWithMetricsAsync();
        await _data.ActionAsync(issueId: id, status: ActionStatus.InProgress);

        var refused = await Assert.ThrowsAsync<DomainException>(() => _service.ChangeStatusAsync(id, FrictionMove.Close, null, _data.CxLead, default));
        Assert.Contains("1 action is still open", refused.Message);

        var issue = await _service.GetIssueAsync(id, default);
        Assert.Equal(FrictionStatus.Resolved, issue.Status);
        var missing = issue.Checklist.Where(c => !c.Done).Select(c => c.Text).ToList();
        Assert.Equal(
        [
            "1 action is still open: finish or cancel it.",
            "Nobody has recorded telling the customers or front-line staff who raised it.",
            "The after-check of Net Promoter Score is not recorded. Close with a significant improvement, or give a reason to close without one.",
            "The after-check of Online conversion is not recorded. Close with a significant improvement, or give a reason to close without one.",
        ], missing.Order().ToList());
        Assert.Contains(issue.Checklist, c => c.Done && c.Kind == ClosingGapKind.NoResolution);
    }

    [Fact]
    public async Task Closing_succeeds_once_every_condition_is_met()
    {
        var id = await ResolvedIssueWithMetricsAsync();
        var actionId = await _data.ActionAsync(issueId: id, status: ActionStatus.InProgress);
        await using (var db = _database.CreateDbContext())
        {
            var action = await db.Actions.SingleAsync(a => a.Id == actionId);
            action.Complete(_data.HeadOfCx, FrictionData.Now);
            await db.SaveChangesAsync();
        }
        await _service.RecordPeopleToldAsync(id, ToldAudience.Customers | ToldAudience.FrontLineStaff, "E-mail and store briefing", FrictionData.Now.AddHours(-1), _data.CxLead, default);
        await _data.MonthlyTotalAsync(_data.Nps, "2026-08", 21, sampleSize: 900, margin: 3);
        await _data.MonthlyTotalAsync(_data.Nps, "2026-10", 27, sampleSize: 900, margin: 3);
        await _service.RecordMetricCheckAsync(id, _data.Nps, Period.Parse("2026-08"), Period.Parse("2026-10"), _data.CxLead, default);
        await _service.GiveReasonToCloseWithoutImprovementAsync(id, _data.Conversion, "Conversion is measured on the new checkout from next quarter.", _data.CxLead, default);
        Assert.All((await _service.GetIssueAsync(id, default)).Checklist, c => Assert.True(c.Done, c.Text));

        await _service.ChangeStatusAsync(id, FrictionMove.Close, null, _data.CxLead, default);

        var closed = await _service.GetIssueAsync(id, default);
        Assert.Equal(FrictionStatus.Closed, closed.Status);
        Assert.Equal(FrictionData.Now, closed.ClosedAt);
        var nps = closed.Metrics.Single(m => m.Code == "NPS");
        Assert.Equal((21d, 27d), (nps.Before!.Value, nps.After!.Value));
        Assert.Equal("Conversion is measured on the new checkout from next quarter.", closed.Metrics.Single(m => m.Code == "CONV").Reason);
    }

    [Fact]
    public async Task Creating_an_issue_from_three_feedback_items_links_and_counts_them()
    {
        var feedback = new[] { await _data.FeedbackAsync(), await _data.FeedbackAsync(), await _data.FeedbackAsync() };
        var unrelated = await _data.FeedbackAsync();

        var preview = await _service.GetFeedbackPreviewAsync(feedback, default);
        Assert.Equal(feedback.Order(), preview.Select(p => p.Id).Order());

        var id = await _service.CreateAsync(new FrictionDraft(_data.Details(), [new MetricLink(_data.Nps, 18)], feedback), _data.StoresChannelLead, default);

        var issue = await _service.GetIssueAsync(id, default);
        Assert.Equal(3, issue.LinkedFeedback);
        Assert.True(issue.IsCrossChannel);
        Assert.Equal(["Store", "Website"], issue.Channels.Select(c => c.Name));
        Assert.Equal(["IT"], issue.ContributingTeams.Select(t => t.Name));
        Assert.Equal(18, Assert.Single(issue.Metrics).Before);
        var linked = await _service.GetLinkedFeedbackAsync(id, 0, 10, default);
        Assert.Equal(3, linked.Total);
        Assert.Equal(feedback.Order(), linked.Items.Select(f => f.Id).Order());
        Assert.DoesNotContain(unrelated, linked.Items.Select(f => f.Id));
        var row = Assert.Single((await _service.ListAsync(new FrictionFilter(), FrictionSort.Newest, true, 0, 10, default)).Items);
        Assert.Equal(3, row.LinkedFeedback);
    }

    [Fact]
    public async Task Feedback_already_linked_to_another_issue_stops_the_new_issue_from_being_created()
    {
        var first = await _data.FeedbackAsync();
        await _service.CreateAsync(new FrictionDraft(_data.Details(), [], [first]), _data.CxLead, default);
        var second = await _data.FeedbackAsync();

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            _service.CreateAsync(new FrictionDraft(_data.Details("Another issue"), [], [second, first]), _data.CxLead, default));

        Assert.Contains($"Feedback #{first} is already evidence", refused.Message);
        await using var db = _database.CreateDbContext();
        Assert.Equal(1, await db.FrictionIssues.CountAsync());
        Assert.Null((await db.Feedback.SingleAsync(f => f.Id == second)).FrictionIssueId);
    }

    [Fact]
    public async Task Status_changes_through_the_service_move_the_issue_and_appear_on_its_timeline_and_audit_trail()
    {
        var id = await _service.CreateAsync(new FrictionDraft(_data.Details(), [], []), _data.StoresChannelLead, default);

        _clock.Advance(TimeSpan.FromHours(1));
        await _service.ChangeStatusAsync(id, FrictionMove.Triage, "Seen at the weekly council", _data.StoresChannelLead, default);
        _clock.Advance(TimeSpan.FromHours(1));
        await _service.ChangeStatusAsync(id, FrictionMove.Start, null, _data.StoresChannelLead, default);
        _clock.Advance(TimeSpan.FromHours(1));
        await _service.ChangeStatusAsync(id, FrictionMove.WontFix, "Replaced by the new order system", _data.StoresChannelLead, default);

        var issue = await _service.GetIssueAsync(id, default);
        Assert.Equal(FrictionStatus.WontFix, issue.Status);
        Assert.Equal("Replaced by the new order system", issue.WontFixReason);
        Assert.Equal([FrictionStatus.WontFix, FrictionStatus.InProgress, FrictionStatus.Triaged, FrictionStatus.New], issue.Timeline.Select(t => t.To));
        Assert.Contains(issue.Timeline, t => t.Note == "Seen at the weekly council" && t.Person == "Sam Stores");
        var audit = await _service.GetAuditTrailAsync(id, 0, 20, default);
        Assert.Equal(4, audit.Total);
        Assert.Contains("Status 'InProgress' → 'WontFix'", audit.Items[0].Summary);
        Assert.Equal("Created FrictionIssue #" + id, audit.Items[^1].Summary);
        Assert.All(audit.Items, a => Assert.Equal("Person " + _data.StoresLead, a.Actor));
    }

    [Fact]
    public async Task A_move_the_state_machine_does_not_allow_is_refused()
    {
        var id = await _data.IssueAsync();

        await Assert.ThrowsAsync<DomainException>(() => _service.ChangeStatusAsync(id, FrictionMove.Resolve, "Done", _data.CxLead, default));

        Assert.Equal(FrictionStatus.New, (await _service.GetIssueAsync(id, default)).Status);
    }

    [Fact]
    public async Task A_channel_lead_cannot_change_another_teams_issue_and_an_executive_changes_nothing()
    {
        var id = await _data.IssueAsync(_data.Details(owningTeam: _data.Stores));

        await Assert.ThrowsAsync<NotAllowedException>(() => _service.ChangeStatusAsync(id, FrictionMove.Triage, null, _data.DigitalChannelLead, default));
        await Assert.ThrowsAsync<NotAllowedException>(() => _service.ChangeStatusAsync(id, FrictionMove.Triage, null, _data.ExecutiveReader, default));
        await Assert.ThrowsAsync<NotAllowedException>(() => _service.RecordPeopleToldAsync(id, ToldAudience.Customers, "E-mail", FrictionData.Now, _data.ExecutiveReader, default));
        await Assert.ThrowsAsync<NotAllowedException>(() => _service.CreateAsync(new FrictionDraft(_data.Details(), [], []), _data.ExecutiveReader, default));
        await Assert.ThrowsAsync<NotAllowedException>(() => _service.CreateAsync(new FrictionDraft(_data.Details(owningTeam: _data.Stores), [], []), _data.DigitalChannelLead, default));
        await Assert.ThrowsAsync<NotAllowedException>(() => _service.CreateAsync(new FrictionDraft(_data.Details(), [], []), _data.Contributor, default));

        Assert.Equal(FrictionStatus.New, (await _service.GetIssueAsync(id, default)).Status);
    }

    [Fact]
    public async Task Editing_details_seen_before_someone_elses_save_is_a_conflict()
    {
        var id = await _data.IssueAsync();
        var seen = await _service.GetIssueAsync(id, default);
        await _service.UpdateDetailsAsync(id, seen.ToDetails() with { Severity = 4 }, seen.Version, _data.CxLead, default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            _service.UpdateDetailsAsync(id, seen.ToDetails() with { Title = "Renamed" }, seen.Version, _data.StoresChannelLead, default));

        var current = await _service.GetIssueAsync(id, default);
        Assert.Equal((4, seen.Title), (current.Severity, current.Title));
    }

    [Fact]
    public async Task The_board_counts_every_status_and_shows_at_most_the_newest_cards_per_column()
    {
        for (var i = 0; i < 3; i++)
        {
            await _data.IssueAsync(_data.Details($"New {i}"), createdAt: FrictionData.Now.AddDays(-10 + i));
        }
        await _data.IssueAsync(_data.Details("Being fixed"), FrictionStatus.InProgress);
        await _data.IssueAsync(_data.Details("Done and told"), FrictionStatus.Closed);
        await _data.IssueAsync(_data.Details("Not worth it"), FrictionStatus.WontFix);

        var board = await _service.GetBoardAsync(new FrictionFilter(), perColumn: 2, default);

        Assert.Equal([3, 0, 1, 0, 1, 1], board.Columns.Select(c => c.Count));
        var fresh = board.Columns[0];
        Assert.Equal(["New 2", "New 1"], fresh.Cards.Select(c => c.Title));
        Assert.Equal(1, fresh.More);

        var open = await _service.GetBoardAsync(new FrictionFilter { OpenOnly = true }, 2, default);
        Assert.Equal([3, 0, 1, 0, 0, 0], open.Columns.Select(c => c.Count));
        var blankSearch = await _service.GetBoardAsync(new FrictionFilter { Search = "  " }, 2, default);
        Assert.Equal([3, 0, 1, 0, 1, 1], blankSearch.Columns.Select(c => c.Count));
        var searched = await _service.GetBoardAsync(new FrictionFilter { Search = "New" }, 2, default);
        Assert.Equal([3, 0, 0, 0, 0, 0], searched.Columns.Select(c => c.Count));
    }

    [Fact]
    public async Task The_list_filters_by_team_stage_channel_severity_and_overdue_on_the_server()
    {
        await _data.IssueAsync(_data.Details("Store checkout queue", channels: [_data.Store], stage: _data.Buy, severity: 2));
        await _data.IssueAsync(_data.Details("App crash at payment", owningTeam: _data.Digital, channels: [_data.App], stage: _data.Buy, severity: 4,
            due: FrictionData.Today.AddDays(-1)));
        await _data.IssueAsync(_data.Details("Late deliveries", owningTeam: _data.Digital, channels: [_data.Web, _data.App], stage: _data.Deliver));

        async Task<IEnumerable<string>> Titles(FrictionFilter filter) =>
            (await _service.ListAsync(filter, FrictionSort.Title, false, 0, 10, default)).Items.Select(r => r.Title);

        Assert.Equal(["App crash at payment", "Late deliveries"], await Titles(new FrictionFilter { TeamId = _data.Digital }));
        Assert.Equal(["App crash at payment", "Store checkout queue"], await Titles(new FrictionFilter { StageId = _data.Buy }));
        Assert.Equal(["App crash at payment", "Late deliveries"], await Titles(new FrictionFilter { ChannelId = _data.App }));
        Assert.Equal(["App crash at payment"], await Titles(new FrictionFilter { Severity = 4 }));
        Assert.Equal(["App crash at payment"], await Titles(new FrictionFilter { OverdueOnly = true }));
        Assert.Equal(["Late deliveries"], await Titles(new FrictionFilter { Search = "deliver" }));

        var page = await _service.ListAsync(new FrictionFilter(), FrictionSort.Severity, true, 1, 2, default);
        Assert.Equal(3, page.Total);
        Assert.Equal(["Store checkout queue"], page.Items.Select(r => r.Title));
        var overdue = Assert.Single((await _service.ListAsync(new FrictionFilter { Severity = 4 }, FrictionSort.Newest, true, 0, 10, default)).Items);
        Assert.True(overdue.IsOverdue);
    }

    [Fact]
    public async Task The_heatmap_sums_the_severity_of_open_issues_per_stage_and_channel()
    {
        await _data.IssueAsync(_data.Details("A", channels: [_data.Web, _data.Store], stage: _data.Deliver, severity: 3));
        await _data.IssueAsync(_data.Details("B", channels: [_data.Web], stage: _data.Deliver, severity: 2), FrictionStatus.InProgress);
        await _data.IssueAsync(_data.Details("C", channels: [_data.App], stage: _data.Buy, severity: 4));
        await _data.IssueAsync(_data.Details("Closed", channels: [_data.Web], stage: _data.Deliver, severity: 4), FrictionStatus.Closed);
        await _data.IssueAsync(_data.Details("Dropped", channels: [_data.Web], stage: _data.Deliver, severity: 4), FrictionStatus.WontFix);

        var map = await _service.GetHeatmapAsync(HeatmapMeasure.OpenFriction, Period.Containing(FrictionData.Today, PeriodKind.Quarter), default);

        Assert.Equal(["Discover", "Buy", "Deliver"], map.Stages.Select(s => s.Name));
        Assert.Equal(["Store", "Website", "App"], map.Channels.Select(c => c.Name));
        Assert.Equal((5d, 2), (map.Cell(_data.Deliver, _data.Web)!.Value, map.Cell(_data.Deliver, _data.Web)!.Count));
        Assert.Equal(3d, map.Cell(_data.Deliver, _data.Store)!.Value);
        Assert.Equal(4d, map.Cell(_data.Buy, _data.App)!.Value);
        Assert.Null(map.Cell(_data.Discover, _data.Web));
        Assert.Equal(3, map.Cells.Count);
        Assert.Equal(5d, map.Max);
    }

    [Fact]
    public async Task The_heatmap_shows_the_share_of_negative_feedback_received_in_the_period()
    {
        var inQuarter = FrictionData.Now.AddDays(-5);
        await _data.FeedbackAsync(_data.Web, _data.Deliver, CxDashboard.Domain.Feedback.Sentiment.Negative, inQuarter);
        await _data.FeedbackAsync(_data.Web, _data.Deliver, CxDashboard.Domain.Feedback.Sentiment.Negative, inQuarter);
        await _data.FeedbackAsync(_data.Web, _data.Deliver, CxDashboard.Domain.Feedback.Sentiment.Positive, inQuarter);
        await _data.FeedbackAsync(_data.Web, _data.Deliver, CxDashboard.Domain.Feedback.Sentiment.Neutral, inQuarter);
        await _data.FeedbackAsync(_data.Store, _data.Buy, CxDashboard.Domain.Feedback.Sentiment.Positive, inQuarter);
        await _data.FeedbackAsync(_data.Web, _data.Deliver, CxDashboard.Domain.Feedback.Sentiment.Negative, new DateTime(2026, 9, 30, 12, 0, 0, DateTimeKind.Utc));

        var map = await _service.GetHeatmapAsync(HeatmapMeasure.NegativeShare, Period.Quarter(2026, 4), default);

        var deliverWeb = map.Cell(_data.Deliver, _data.Web)!;
        Assert.Equal((0.5, 2, 4), (deliverWeb.Value, deliverWeb.Count, deliverWeb.Total));
        var buyStore = map.Cell(_data.Buy, _data.Store)!;
        Assert.Equal((0d, 0, 1), (buyStore.Value, buyStore.Count, buyStore.Total));
        Assert.Equal(2, map.Cells.Count);
    }

    [Fact]
    public async Task The_silo_map_counts_open_issues_one_team_owns_that_need_another_team_with_the_overdue_ones()
    {
        var yesterday = FrictionData.Today.AddDays(-1);
        await _data.IssueAsync(_data.Details("A", owningTeam: _data.Stores, contributors: [_data.It, _data.Digital], due: yesterday));
        await _data.IssueAsync(_data.Details("B", owningTeam: _data.Stores, contributors: [_data.It], due: FrictionData.Today));
        await _data.IssueAsync(_data.Details("C", owningTeam: _data.Digital, contributors: [_data.It]));
        await _data.IssueAsync(_data.Details("Closed", owningTeam: _data.Stores, contributors: [_data.It], due: yesterday), FrictionStatus.Closed);
        await _data.IssueAsync(_data.Details("Alone", owningTeam: _data.Stores, contributors: []));

        var map = await _service.GetSiloMapAsync(default);

        Assert.Equal((2, 1), (map.Cell(_data.Stores, _data.It)!.Open, map.Cell(_data.Stores, _data.It)!.Overdue));
        Assert.Equal((1, 1), (map.Cell(_data.Stores, _data.Digital)!.Open, map.Cell(_data.Stores, _data.Digital)!.Overdue));
        Assert.Equal((1, 0), (map.Cell(_data.Digital, _data.It)!.Open, map.Cell(_data.Digital, _data.It)!.Overdue));
        Assert.Equal(3, map.Cells.Count);
        Assert.Equal(["Contact centre", "Digital", "IT", "Stores"], map.Teams.Select(t => t.Name));

        var cellList = await _service.ListAsync(new FrictionFilter { TeamId = _data.Stores, ContributingTeamId = _data.It, OpenOnly = true }, FrictionSort.Title, false, 0, 10, default);
        Assert.Equal(["A", "B"], cellList.Items.Select(r => r.Title));
    }

    [Fact]
    public async Task The_dashboard_figures_count_by_status_take_the_median_time_to_close_and_list_the_most_severe_open_issues()
    {
        var start = new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);
        await _data.IssueAsync(_data.Details("Closed in 4 days"), FrictionStatus.Closed, start, start.AddDays(4));
        await _data.IssueAsync(_data.Details("Closed in 10 days"), FrictionStatus.Closed, start, start.AddDays(10));
        await _data.IssueAsync(_data.Details("Closed in 20 days"), FrictionStatus.Closed, start, start.AddDays(20));
        await _data.IssueAsync(_data.Details("Closed last year"), FrictionStatus.Closed, start.AddYears(-1), start.AddYears(-1).AddDays(2));
        await _data.IssueAsync(_data.Details("Mild", severity: 1));
        await _data.IssueAsync(_data.Details("Severe", severity: 4), FrictionStatus.Triaged);
        await _data.IssueAsync(_data.Details("Serious", severity: 3), FrictionStatus.InProgress);

        var counts = await _service.CountByStatusAsync(default);
        Assert.Equal(4, counts[FrictionStatus.Closed]);
        Assert.Equal((1, 1, 1, 0, 0), (counts[FrictionStatus.New], counts[FrictionStatus.Triaged], counts[FrictionStatus.InProgress], counts[FrictionStatus.Resolved], counts[FrictionStatus.WontFix]));

        Assert.Equal(10, await _service.MedianDaysToCloseAsync(start, start.AddMonths(3), default));
        Assert.Null(await _service.MedianDaysToCloseAsync(start.AddMonths(3), start.AddMonths(6), default));

        var top = await _service.TopOpenBySeverityAsync(2, default);
        Assert.Equal(["Severe", "Serious"], top.Select(r => r.Title));
        Assert.Equal(["Store", "Website"], top[0].Channels);
    }

    [Fact]
    public async Task Equally_severe_open_issues_in_different_statuses_are_listed_oldest_first_and_closed_ones_never()
    {
        var start = new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc);
        await _data.IssueAsync(_data.Details("Newest", severity: 4), FrictionStatus.New, start.AddDays(20));
        await _data.IssueAsync(_data.Details("Oldest", severity: 4), FrictionStatus.Resolved, start);
        await _data.IssueAsync(_data.Details("Middle", severity: 4), FrictionStatus.InProgress, start.AddDays(10));
        await _data.IssueAsync(_data.Details("Closed, older still", severity: 4), FrictionStatus.Closed, start.AddDays(-30), start.AddDays(-1));
        await _data.IssueAsync(_data.Details("Less severe", severity: 3), FrictionStatus.Triaged, start.AddDays(-60));

        var top = await _service.TopOpenBySeverityAsync(3, default);

        Assert.Equal(["Oldest", "Middle", "Newest"], top.Select(r => r.Title));
    }
}
