using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Friction;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Statistics;
using CxDashboard.Tests.Domain.Builders;
using static CxDashboard.Tests.Domain.Builders.Known.Teams;

namespace CxDashboard.Tests.Domain.Friction;

public class FrictionIssueTests
{
    private const int By = Known.People.StoresLead;
    private static readonly DateTime Later = Known.Now;

    private const string NotChecked =
        "The after-check of a linked metric is not recorded. Close with a significant improvement, or give a reason to close without one.";

    private static string Refused(Action attempt) => Assert.Throws<DomainException>(attempt).Message;

    [Fact]
    public void A_new_issue_starts_its_history_with_who_raised_it_and_when()
    {
        var raisedAt = new DateTime(2026, 9, 1, 8, 30, 0, DateTimeKind.Utc);

        var issue = new FrictionIssue(A.FrictionIssue().Details, Known.People.StoresLead, raisedAt);

        Assert.Equal(FrictionStatus.New, issue.Status);
        Assert.True(issue.IsOpen);
        var step = Assert.Single(issue.History);
        Assert.Equal(((FrictionStatus?)null, FrictionStatus.New, Known.People.StoresLead, raisedAt), (step.From, step.To, step.PersonId, step.At));
    }

    [Fact]
    public void An_issue_on_two_channels_is_cross_channel()
    {
        var issue = A.FrictionIssue().OnChannels(Known.Channels.Website, Known.Channels.Store).Build();

        Assert.True(issue.IsCrossChannel);
        Assert.Equal([Known.Channels.Website, Known.Channels.Store], issue.Channels.Select(c => c.ChannelId));
    }

    [Fact]
    public void An_issue_on_one_channel_named_twice_is_not_cross_channel() =>
        Assert.False(A.FrictionIssue().OnChannels(Known.Channels.Store, Known.Channels.Store).Build().IsCrossChannel);

    [Fact]
    public void An_issue_needs_at_least_one_channel() =>
        Assert.Equal("Name at least one channel the friction appears in.", Refused(() => A.FrictionIssue().OnChannels().Build()));

    [Fact]
    public void Redescribing_to_a_single_channel_is_no_longer_cross_channel()
    {
        var builder = A.FrictionIssue();
        var issue = builder.Build();

        issue.Describe(builder.Details with { ChannelIds = [Known.Channels.Store] });

        Assert.False(issue.IsCrossChannel);
        Assert.Equal([Known.Channels.Store], issue.Channels.Select(c => c.ChannelId));
    }

    [Fact]
    public void A_refused_redescription_leaves_the_issue_as_it_was()
    {
        var builder = A.FrictionIssue();
        var issue = builder.Build();

        Assert.Equal("Name at least one channel the friction appears in.",
            Refused(() => issue.Describe(builder.Details with { Title = "Something else", Severity = 1, ChannelIds = [] })));

        Assert.Equal(("Click & collect orders not visible in store", 3, true), (issue.Title, issue.Severity, issue.IsCrossChannel));
    }

    [Fact]
    public void Handing_the_issue_to_a_contributing_team_removes_it_from_the_contributors()
    {
        var builder = A.FrictionIssue().OwnedBy(Stores).WithContributors(Digital, SupplyChain);
        var issue = builder.Build();

        issue.Describe(builder.Details with { OwningTeamId = Digital, OwnerPersonId = Known.People.DigitalLead });

        Assert.Equal(Digital, issue.OwningTeamId);
        Assert.Equal([SupplyChain], issue.ContributingTeams.Select(t => t.TeamId));
    }

    [Fact]
    public void The_owning_team_is_not_counted_as_a_contributor()
    {
        var issue = A.FrictionIssue().OwnedBy(Stores).WithContributors(Stores, Digital, Digital, SupplyChain).Build();

        Assert.Equal([Digital, SupplyChain], issue.ContributingTeams.Select(t => t.TeamId));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Severity_runs_from_1_to_4(int severity) =>
        Assert.Equal("Severity must be between 1 and 4.", Refused(() => A.FrictionIssue().With(d => d with { Severity = severity }).Build()));

    [Fact]
    public void Customers_affected_cannot_be_negative() =>
        Assert.Equal("Customers affected cannot be negative.",
            Refused(() => A.FrictionIssue().With(d => d with { CustomersAffected = -1 }).Build()));

    [Fact]
    public void The_usual_path_goes_new_triaged_in_progress_resolved_closed_and_each_step_is_recorded()
    {
        var issue = A.FrictionIssue().Build();
        var t = Known.Now;

        issue.Triage(Known.People.HeadOfCx, t.AddDays(1), "Seen in 40 complaints");
        issue.Start(By, t.AddDays(2));
        issue.Resolve("Orders visible on tills", By, t.AddDays(9));
        issue.RecordPeopleTold(ToldAudience.Customers | ToldAudience.FrontLineStaff, "E-mail and store briefing", t.AddDays(10));
        issue.Close([ActionStatus.Done, ActionStatus.Cancelled], Known.People.HeadOfCx, t.AddDays(30));

        Assert.Equal(FrictionStatus.Closed, issue.Status);
        Assert.False(issue.IsOpen);
        Assert.Equal(t.AddDays(9), issue.ResolvedAt);
        Assert.Equal(t.AddDays(30), issue.ClosedAt);
        Assert.Collection(issue.History.Skip(1),
            s => Assert.Equal((FrictionStatus.New, FrictionStatus.Triaged, Known.People.HeadOfCx, "Seen in 40 complaints", t.AddDays(1)),
                (s.From!.Value, s.To, s.PersonId, s.Note, s.At)),
            s => Assert.Equal((FrictionStatus.Triaged, FrictionStatus.InProgress, By, t.AddDays(2)), (s.From!.Value, s.To, s.PersonId, s.At)),
            s => Assert.Equal((FrictionStatus.InProgress, FrictionStatus.Resolved, t.AddDays(9)), (s.From!.Value, s.To, s.At)),
            s => Assert.Equal((FrictionStatus.Resolved, FrictionStatus.Closed, Known.People.HeadOfCx, t.AddDays(30)),
                (s.From!.Value, s.To, s.PersonId, s.At)));
    }

    public static TheoryData<FrictionStatus, string, Action<FrictionIssue>, string> IllegalMoves => new()
    {
        { FrictionStatus.New, "start", i => i.Start(By, Later), "An issue that is new cannot become in progress." },
        { FrictionStatus.New, "resolve", i => i.Resolve("Fixed", By, Later), "An issue that is new cannot become resolved." },
        { FrictionStatus.New, "reopen", i => i.Reopen("Came back", By, Later), "An issue that is new cannot become in progress." },
        { FrictionStatus.Triaged, "triage", i => i.Triage(By, Later), "An issue that is triaged cannot become triaged." },
        { FrictionStatus.Triaged, "resolve", i => i.Resolve("Fixed", By, Later), "An issue that is triaged cannot become resolved." },
        { FrictionStatus.InProgress, "triage", i => i.Triage(By, Later), "An issue that is in progress cannot become triaged." },
        { FrictionStatus.InProgress, "start", i => i.Start(By, Later), "An issue that is in progress cannot become in progress." },
        { FrictionStatus.InProgress, "reopen", i => i.Reopen("Came back", By, Later), "An issue that is in progress cannot become in progress." },
        { FrictionStatus.Resolved, "triage", i => i.Triage(By, Later), "An issue that is resolved cannot become triaged." },
        { FrictionStatus.Resolved, "start", i => i.Start(By, Later), "An issue that is resolved cannot become in progress." },
        { FrictionStatus.Resolved, "resolve", i => i.Resolve("Again", By, Later), "An issue that is resolved cannot become resolved." },
        { FrictionStatus.Resolved, "won't fix", i => i.WontFix("Too costly", By, Later), "An issue that is resolved cannot be marked won't fix." },
    };

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public void An_illegal_status_change_is_refused_and_changes_nothing(FrictionStatus from, string move, Action<FrictionIssue> attempt, string message)
    {
        var issue = A.FrictionIssue().In(from).Build();
        var before = WhatItSays(issue);

        Assert.Equal(message, Refused(() => attempt(issue)));
        Assert.Equal(from, issue.Status);
        Assert.True(WhatItSays(issue) == before, $"Refusing to {move} changed the issue: {WhatItSays(issue)}");
    }

    /// <summary>Everything a person reads on the issue's page: status, texts, timeline, channels, metrics, who was told.</summary>
    private static string WhatItSays(FrictionIssue issue) => string.Join(" | ",
        issue.Status, issue.Title, issue.Description, issue.RootCause, issue.Resolution, issue.WontFixReason, issue.Told, issue.ToldHow,
        issue.OwningTeamId, issue.OwnerPersonId, issue.Severity, issue.DueDate,
        string.Join(",", issue.History.Select(h => $"{h.From}>{h.To}:{h.Note}")),
        string.Join(",", issue.Channels.Select(c => c.ChannelId)),
        string.Join(",", issue.LinkedMetrics.Select(m => m.MetricDefinitionId)));

    public static TheoryData<string, Action<FrictionIssue>, string> ChangesAfterTheEnd => new()
    {
        { "triage", i => i.Triage(By, Later), "cannot become triaged." },
        { "start", i => i.Start(By, Later), "cannot become in progress." },
        { "resolve", i => i.Resolve("Fixed", By, Later), "cannot become resolved." },
        { "reopen", i => i.Reopen("Came back", By, Later), "cannot become in progress." },
        { "won't fix", i => i.WontFix("No", By, Later), "cannot be marked won't fix." },
        { "close", i => i.Close([], By, Later), "can no longer change." },
        { "describe", i => i.Describe(A.FrictionIssue().Details), "can no longer change." },
        { "link a metric", i => i.LinkMetric(99, null), "can no longer change." },
        { "unlink a metric", i => i.UnlinkMetric(99), "can no longer change." },
        { "write the resolution", i => i.WriteResolution("Other"), "can no longer change." },
        { "record people told", i => i.RecordPeopleTold(ToldAudience.Customers, "Mail", Later), "can no longer change." },
    };

    [Theory]
    [MemberData(nameof(ChangesAfterTheEnd))]
    public void A_closed_issue_refuses_every_change(string change, Action<FrictionIssue> attempt, string messageEnd)
    {
        var issue = A.FrictionIssue().ReadyToClose().Build();
        issue.Close([], Known.People.HeadOfCx, Later);
        var before = WhatItSays(issue);

        var message = Refused(() => attempt(issue));

        Assert.Contains("closed", message);
        Assert.EndsWith(messageEnd, message);
        Assert.True(WhatItSays(issue) == before, $"Refusing to {change} changed the closed issue: {WhatItSays(issue)}");
    }

    [Theory]
    [MemberData(nameof(ChangesAfterTheEnd))]
    public void A_wont_fix_issue_refuses_every_change(string change, Action<FrictionIssue> attempt, string messageEnd)
    {
        var issue = A.FrictionIssue().Build();
        issue.WontFix("Supplier contract ends next month", Known.People.HeadOfCx, Later);
        var before = WhatItSays(issue);

        var message = Refused(() => attempt(issue));

        Assert.Contains("won't fix", message);
        Assert.EndsWith(messageEnd, message);
        Assert.True(WhatItSays(issue) == before, $"Refusing to {change} changed the issue marked won't fix: {WhatItSays(issue)}");
    }

    [Theory]
    [InlineData(FrictionStatus.New)]
    [InlineData(FrictionStatus.Triaged)]
    [InlineData(FrictionStatus.InProgress)]
    public void An_open_issue_can_be_marked_wont_fix_with_a_reason(FrictionStatus from)
    {
        var issue = A.FrictionIssue().In(from).Build();

        issue.WontFix("Supplier contract ends next month", Known.People.HeadOfCx, Later);

        Assert.Equal(FrictionStatus.WontFix, issue.Status);
        Assert.Equal("Supplier contract ends next month", issue.WontFixReason);
        Assert.Equal(Later, issue.ClosedAt);
        Assert.False(issue.IsOpen);
        var step = issue.History[^1];
        Assert.Equal((from, FrictionStatus.WontFix, "Supplier contract ends next month"), (step.From!.Value, step.To, step.Note));
    }

    [Fact]
    public void Wont_fix_needs_a_reason()
    {
        var issue = A.FrictionIssue().Build();

        Assert.Equal("The reason it won't be fixed is required.", Refused(() => issue.WontFix("  ", By, Later)));
        Assert.Equal(FrictionStatus.New, issue.Status);
    }

    [Fact]
    public void Resolving_needs_the_resolution_written_down()
    {
        var issue = A.FrictionIssue().In(FrictionStatus.InProgress).Build();

        Assert.Equal("The resolution is required.", Refused(() => issue.Resolve("", By, Later)));
        Assert.Equal(FrictionStatus.InProgress, issue.Status);
    }

    [Fact]
    public void A_resolution_that_did_not_hold_is_reopened_with_a_reason()
    {
        var issue = A.FrictionIssue().Resolved().Build();

        Assert.Equal("The reason for reopening is required.", Refused(() => issue.Reopen("", By, Later)));
        issue.Reopen("Orders missing again after the till update", By, Later);

        Assert.Equal(FrictionStatus.InProgress, issue.Status);
        Assert.Null(issue.ResolvedAt);
        Assert.Equal("Orders missing again after the till update", issue.History[^1].Note);
    }

    [Fact]
    public void Closing_gaps_list_each_missing_condition_separately()
    {
        var issue = A.FrictionIssue().WithLinkedMetric(7).WithLinkedMetric(8).Build();

        var gaps = issue.ClosingGaps([ActionStatus.Open, ActionStatus.Blocked, ActionStatus.Done]);

        Assert.Collection(gaps,
            g => Assert.Equal(new ClosingGap(ClosingGapKind.NotResolved, "The issue is new; it must be resolved first."), g),
            g => Assert.Equal(new ClosingGap(ClosingGapKind.OpenActions, "2 actions are still open: finish or cancel them."), g),
            g => Assert.Equal(new ClosingGap(ClosingGapKind.NoResolution, "The resolution is not written down."), g),
            g => Assert.Equal(ClosingGapKind.NobodyTold, g.Kind),
            g => Assert.Equal(new ClosingGap(ClosingGapKind.MetricNotChecked, NotChecked, 7), g),
            g => Assert.Equal(new ClosingGap(ClosingGapKind.MetricNotChecked, NotChecked, 8), g));
    }

    [Fact]
    public void One_open_action_is_named_in_the_singular()
    {
        var gaps = A.FrictionIssue().ReadyToClose().Build().ClosingGaps([ActionStatus.InProgress]);

        Assert.Equal("1 action is still open: finish or cancel it.", Assert.Single(gaps).Message);
    }

    [Fact]
    public void Done_and_cancelled_actions_do_not_hold_up_closing() =>
        Assert.Empty(A.FrictionIssue().ReadyToClose().Build().ClosingGaps([ActionStatus.Done, ActionStatus.Cancelled]));

    [Fact]
    public void Only_the_unchecked_linked_metric_is_a_gap()
    {
        var issue = A.FrictionIssue().Resolved().WithPeopleTold().WithLinkedMetric(7, checkedAfterwards: true).WithLinkedMetric(8).Build();

        var gap = Assert.Single(issue.ClosingGaps([]));

        Assert.Equal((ClosingGapKind.MetricNotChecked, (int?)8), (gap.Kind, gap.MetricId));
    }

    [Fact]
    public void Closing_is_refused_while_an_action_is_open()
    {
        var issue = A.FrictionIssue().ReadyToClose().Build();

        Assert.Equal("The loop cannot be closed yet: 1 action is still open: finish or cancel it.",
            Refused(() => issue.Close([ActionStatus.Open], Known.People.HeadOfCx, Later)));
        Assert.Equal(FrictionStatus.Resolved, issue.Status);
        Assert.Null(issue.ClosedAt);
    }

    [Fact]
    public void Closing_is_refused_until_somebody_was_told()
    {
        var issue = A.FrictionIssue().Resolved().Build();

        Assert.Equal("The loop cannot be closed yet: Nobody has recorded telling the customers or front-line staff who raised it.",
            Refused(() => issue.Close([], Known.People.HeadOfCx, Later)));
    }

    [Fact]
    public void Closing_is_refused_until_the_linked_metric_was_checked()
    {
        var issue = A.FrictionIssue().Resolved().WithPeopleTold().WithLinkedMetric(7).Build();

        Assert.Equal("The loop cannot be closed yet: " + NotChecked, Refused(() => issue.Close([], Known.People.HeadOfCx, Later)));
    }

    [Fact]
    public void Closing_an_unresolved_issue_is_refused_with_everything_still_missing()
    {
        var issue = A.FrictionIssue().In(FrictionStatus.InProgress).WithLinkedMetric(7).Build();

        var message = Refused(() => issue.Close([ActionStatus.Open, ActionStatus.Open], Known.People.HeadOfCx, Later));

        Assert.Equal("The loop cannot be closed yet: The issue is in progress; it must be resolved first. "
            + "2 actions are still open: finish or cancel them. The resolution is not written down. "
            + "Nobody has recorded telling the customers or front-line staff who raised it. "
            + NotChecked, message);
        Assert.Equal(FrictionStatus.InProgress, issue.Status);
    }

    [Fact]
    public void Closing_succeeds_when_every_condition_is_met()
    {
        var issue = A.FrictionIssue().WithLinkedMetric(7).ReadyToClose().Build();

        issue.Close([ActionStatus.Done], Known.People.HeadOfCx, Later);

        Assert.Equal(FrictionStatus.Closed, issue.Status);
        Assert.Equal(Later, issue.ClosedAt);
        Assert.Equal(FrictionStatus.Closed, issue.History[^1].To);
    }

    [Fact]
    public void Closing_a_closed_issue_again_is_refused()
    {
        var issue = A.FrictionIssue().ReadyToClose().Build();
        issue.Close([], Known.People.HeadOfCx, Later);

        Assert.Equal("The issue is closed and can no longer change.", Refused(() => issue.Close([], Known.People.HeadOfCx, Later.AddDays(1))));
        Assert.Equal(Later, issue.ClosedAt);
    }

    [Fact]
    public void Telling_someone_needs_who_and_how()
    {
        var issue = A.FrictionIssue().Resolved().Build();

        Assert.Equal("Say who was told: customers, front-line staff, or both.",
            Refused(() => issue.RecordPeopleTold(ToldAudience.None, "Mail", Later)));
        Assert.Equal("Say who was told: customers, front-line staff, or both.",
            Refused(() => issue.RecordPeopleTold((ToldAudience)4, "Mail", Later)));
        Assert.Equal("How they were told is required.", Refused(() => issue.RecordPeopleTold(ToldAudience.Customers, " ", Later)));

        issue.RecordPeopleTold(ToldAudience.Customers | ToldAudience.FrontLineStaff, "E-mail and huddle", Later);
        Assert.Equal((ToldAudience.Customers | ToldAudience.FrontLineStaff, "E-mail and huddle", (DateTime?)Later),
            (issue.Told, issue.ToldHow, issue.ToldAt));
    }

    [Fact]
    public void A_metric_is_linked_once_and_checked_with_its_figures_before_and_after()
    {
        var issue = A.FrictionIssue().Build();
        issue.LinkMetric(7, before: 31);
        var (before, after) = FrictionIssueBuilder.RealImprovement;

        Assert.Equal("That metric is already linked to this issue.", Refused(() => issue.LinkMetric(7, null)));
        Assert.Equal("That metric is not linked to this issue.",
            Refused(() => FrictionIssueBuilder.Check(issue, 8, (before, after), Direction.HigherIsBetter, Later)));

        FrictionIssueBuilder.Check(issue, 7, (before, after), Direction.HigherIsBetter, Later);
        var link = Assert.Single(issue.LinkedMetrics);
        Assert.Equal((30.0, 42.0, Later, true), (link.Before!.Value, link.After!.Value, link.CheckedAt!.Value, link.IsChecked));
        Assert.Equal((Period.Parse("2026-Q2"), 400, 25.5, 34.5), (link.BeforePeriod!.Value, link.BeforeSampleSize!.Value, link.BeforeLow!.Value, link.BeforeHigh!.Value));
        Assert.Equal((Period.Parse("2026-Q3"), 410), (link.AfterPeriod!.Value, link.AfterSampleSize!.Value));
    }

    [Fact]
    public void The_after_period_must_come_after_the_before_period()
    {
        var issue = A.FrictionIssue().WithLinkedMetric(7).Build();
        var (before, after) = FrictionIssueBuilder.RealImprovement;

        Assert.Equal("The after period (2026-Q2) must come after the before period (2026-Q3).",
            Refused(() => FrictionIssueBuilder.Check(issue, 7, (after, before), Direction.HigherIsBetter, Later)));
        Assert.False(issue.LinkedMetrics[0].IsChecked);
    }

    [Fact]
    public void A_significant_improvement_meets_the_metric_check()
    {
        var issue = A.FrictionIssue().Resolved().WithPeopleTold().WithLinkedMetric(7).Build();
        var (before, after) = FrictionIssueBuilder.RealImprovement;

        FrictionIssueBuilder.Check(issue, 7, (before, after), Direction.HigherIsBetter, Later);

        Assert.Equal(ChangeVerdict.RealImprovement, issue.LinkedMetrics[0].Verdict);
        Assert.Equal("+12.0, a real improvement", issue.LinkedMetrics[0].Finding);
        Assert.Empty(issue.ClosingGaps([]));
        issue.Close([], Known.People.HeadOfCx, Later);
        Assert.Equal(FrictionStatus.Closed, issue.Status);
    }

    [Fact]
    public void A_change_within_the_noise_does_not_meet_the_metric_check()
    {
        var issue = A.FrictionIssue().Resolved().WithPeopleTold().WithLinkedMetric(7).Build();
        var (before, after) = FrictionIssueBuilder.Noise;

        FrictionIssueBuilder.Check(issue, 7, (before, after), Direction.HigherIsBetter, Later);

        var gap = Assert.Single(issue.ClosingGaps([]));
        Assert.Equal(new ClosingGap(ClosingGapKind.MetricNotImproved,
            "The after-check of a linked metric shows a change within the noise. Close with a significant improvement, or give a reason to close without one.", 7), gap);
        Assert.StartsWith("The loop cannot be closed yet: The after-check of a linked metric shows a change within the noise.",
            Refused(() => issue.Close([], Known.People.HeadOfCx, Later)));
        Assert.Equal(FrictionStatus.Resolved, issue.Status);
    }

    [Theory]
    [InlineData(400, Direction.LowerIsBetter, "shows a real decline")]
    [InlineData(9, Direction.HigherIsBetter, "has too few answers to tell whether it improved")]
    public void A_real_decline_or_a_check_on_too_few_answers_does_not_meet_the_metric_check(int answersBefore, Direction direction, string finding)
    {
        var issue = A.FrictionIssue().Resolved().WithPeopleTold().WithLinkedMetric(7).Build();
        var before = FrictionIssueBuilder.Reading("2026-Q2", 30, answersBefore, 4.5);
        var after = FrictionIssueBuilder.Reading("2026-Q3", 42, 410, 4.5);

        FrictionIssueBuilder.Check(issue, 7, (before, after), direction, Later);

        Assert.Contains(finding, Assert.Single(issue.ClosingGaps([])).Message);
    }

    [Fact]
    public void Figures_typed_in_without_a_margin_of_error_cannot_prove_an_improvement()
    {
        var issue = A.FrictionIssue().Resolved().WithPeopleTold().WithLinkedMetric(7).Build();
        var before = new MetricReading(Period.Parse("2026-Q2"), new Estimate(2.1, null, null, null));
        var after = new MetricReading(Period.Parse("2026-Q3"), new Estimate(2.9, null, null, null));

        FrictionIssueBuilder.Check(issue, 7, (before, after), Direction.HigherIsBetter, Later);

        Assert.Contains("has no margin of error to tell whether it improved", Assert.Single(issue.ClosingGaps([])).Message);
    }

    [Fact]
    public void A_reason_to_close_without_a_significant_improvement_meets_the_metric_check_and_names_who_gave_it()
    {
        var issue = A.FrictionIssue().Resolved().WithPeopleTold().WithLinkedMetric(7).Build();
        var (before, after) = FrictionIssueBuilder.Noise;
        FrictionIssueBuilder.Check(issue, 7, (before, after), Direction.HigherIsBetter, Later);

        Assert.Equal("The reason to close without a significant improvement is required.",
            Refused(() => issue.GiveReasonToCloseWithoutImprovement(7, "  ", Known.People.HeadOfCx, Later)));
        issue.GiveReasonToCloseWithoutImprovement(7, "Complaints about collection stopped; NPS moves a quarter later.", Known.People.HeadOfCx, Later);

        var link = issue.LinkedMetrics[0];
        Assert.Equal(("Complaints about collection stopped; NPS moves a quarter later.", (int?)Known.People.HeadOfCx, (DateTime?)Later),
            (link.ReasonToCloseWithoutImprovement, link.ReasonGivenByPersonId, link.ReasonGivenAt));
        Assert.Empty(issue.ClosingGaps([]));
    }

    [Fact]
    public void No_reason_is_taken_when_the_check_already_shows_a_significant_improvement()
    {
        var issue = A.FrictionIssue().Resolved().WithLinkedMetric(7, checkedAfterwards: true).Build();

        Assert.Equal("The after-check already shows a significant improvement; no reason is needed.",
            Refused(() => issue.GiveReasonToCloseWithoutImprovement(7, "Just because", Known.People.HeadOfCx, Later)));
        Assert.Null(issue.LinkedMetrics[0].ReasonToCloseWithoutImprovement);
    }

    [Fact]
    public void An_unlinked_metric_no_longer_holds_up_closing()
    {
        var issue = A.FrictionIssue().Resolved().WithPeopleTold().WithLinkedMetric(7).Build();

        issue.UnlinkMetric(7);

        Assert.Empty(issue.ClosingGaps([]));
    }

    private static FrictionIssue IssueThatIs(FrictionStatus status)
    {
        var issue = A.FrictionIssue().Build();
        switch (status)
        {
            case FrictionStatus.WontFix:
                issue.WontFix("Out of scope", By, Later);
                return issue;
            case FrictionStatus.New:
                return issue;
        }
        issue.Triage(By, Later);
        if (status == FrictionStatus.Triaged)
        {
            return issue;
        }
        issue.Start(By, Later);
        if (status == FrictionStatus.Resolved)
        {
            issue.Resolve("New signage at the tills", By, Later);
        }
        return issue;
    }

    [Theory]
    [InlineData(FrictionStatus.New)]
    [InlineData(FrictionStatus.Triaged)]
    [InlineData(FrictionStatus.InProgress)]
    [InlineData(FrictionStatus.Resolved)]
    [InlineData(FrictionStatus.WontFix)]
    public void Each_step_is_accepted_exactly_from_the_statuses_the_issue_says_it_may_move_from(FrictionStatus from)
    {
        var allowed = FrictionIssue.AllowedMoves(from);
        var steps = new (FrictionStatus To, Action<FrictionIssue> Step)[]
        {
            (FrictionStatus.Triaged, i => i.Triage(By, Later)),
            (FrictionStatus.InProgress, i => i.Start(By, Later)),
            (FrictionStatus.Resolved, i => i.Resolve("Fixed", By, Later)),
            (FrictionStatus.WontFix, i => i.WontFix("Out of scope", By, Later)),
        };

        foreach (var (to, step) in steps.Where(s => !(from == FrictionStatus.Resolved && s.To == FrictionStatus.InProgress)))
        {
            var issue = IssueThatIs(from);
            var accepted = Record.Exception(() => step(issue)) is null;
            Assert.True(accepted == allowed.Contains(to), $"From {from} to {to}: accepted {accepted}, allowed {allowed.Contains(to)}.");
        }
    }

    [Fact]
    public void A_resolved_issue_goes_back_to_work_only_by_reopening_not_by_starting()
    {
        Assert.Contains(FrictionStatus.InProgress, FrictionIssue.AllowedMoves(FrictionStatus.Resolved));
        Assert.Equal("An issue that is resolved cannot become in progress.", Refused(() => IssueThatIs(FrictionStatus.Resolved).Start(By, Later)));

        var issue = IssueThatIs(FrictionStatus.Resolved);
        issue.Reopen("The queue came back", By, Later);
        Assert.Equal(FrictionStatus.InProgress, issue.Status);
    }

    [Fact]
    public void Closed_and_set_aside_issues_may_not_move() =>
        Assert.Equal((0, 0), (FrictionIssue.AllowedMoves(FrictionStatus.Closed).Count, FrictionIssue.AllowedMoves(FrictionStatus.WontFix).Count));
}
