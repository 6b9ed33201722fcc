using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Common;
using CxDashboard.Tests.Domain.Builders;

namespace CxDashboard.Tests.Domain.Actions;

public class ActionItemTests
{
    private const int By = Known.People.StoresLead;
    private static readonly DateTime Later = Known.Now;

    private static string Refused(Action attempt) => Assert.Throws<DomainException>(attempt).Message;

    [Fact]
    public void A_new_action_is_open_with_its_owner_team_and_due_date()
    {
        var action = A.Action().DueOn(new DateOnly(2026, 10, 31)).AsQuickWin().Build();

        Assert.Equal(ActionStatus.Open, action.Status);
        Assert.True(action.IsOpen);
        Assert.Equal((Known.People.StoresLead, Known.Teams.Stores, new DateOnly(2026, 10, 31), true),
            (action.OwnerPersonId, action.TeamId, action.DueDate, action.QuickWin));
        Assert.Empty(action.Notes);
    }

    [Theory]
    [InlineData(0, 2, "Impact must be between 1 and 3.")]
    [InlineData(4, 2, "Impact must be between 1 and 3.")]
    [InlineData(2, 0, "Effort must be between 1 and 3.")]
    [InlineData(2, 4, "Effort must be between 1 and 3.")]
    public void Impact_and_effort_run_from_1_to_3(int impact, int effort, string message) =>
        Assert.Equal(message, Refused(() => A.Action().WithImpact(impact).WithEffort(effort).Build()));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 3)]
    public void Impact_and_effort_at_the_ends_of_the_scale_are_accepted(int impact, int effort)
    {
        var action = A.Action().WithImpact(impact).WithEffort(effort).Build();

        Assert.Equal((impact, effort), (action.Impact, action.Effort));
    }

    [Fact]
    public void An_action_needs_a_title() =>
        Assert.Equal("An action's title is required.", Refused(() => A.Action().Titled(" ").Build()));

    [Fact]
    public void An_open_action_is_started_and_done()
    {
        var action = A.Action().Build();

        action.Start(By, Later);
        action.Complete(By, Later.AddDays(3), "Live in all stores");

        Assert.Equal(ActionStatus.Done, action.Status);
        Assert.Equal(Later.AddDays(3), action.CompletedAt);
        Assert.False(action.IsOpen);
    }

    [Fact]
    public void An_open_action_can_be_done_without_being_started() =>
        Assert.Equal(ActionStatus.Done, A.Action().In(ActionStatus.Done).Build().Status);

    [Fact]
    public void Blocking_needs_a_reason()
    {
        var action = A.Action().In(ActionStatus.InProgress).Build();

        Assert.Equal("The reason the action is blocked is required.", Refused(() => action.Block(" ", By, Later)));
        Assert.Equal(ActionStatus.InProgress, action.Status);
        Assert.Null(action.BlockedReason);
    }

    [Fact]
    public void A_blocked_action_keeps_its_reason_until_it_is_started_again()
    {
        var action = A.Action().In(ActionStatus.InProgress).Build();

        action.Block("Waiting for IT release", By, Later);
        Assert.Equal((ActionStatus.Blocked, "Waiting for IT release"), (action.Status, action.BlockedReason));

        action.Start(By, Later.AddDays(1));
        Assert.Equal(ActionStatus.InProgress, action.Status);
        Assert.Null(action.BlockedReason);
    }

    [Fact]
    public void A_blocked_action_cannot_be_done_directly()
    {
        var action = A.Action().In(ActionStatus.Blocked).Build();

        Assert.Equal("A blocked action must be unblocked before it is done.", Refused(() => action.Complete(By, Later)));
        Assert.Equal(ActionStatus.Blocked, action.Status);
        Assert.Null(action.CompletedAt);
    }

    [Fact]
    public void A_blocked_action_cannot_be_blocked_again() =>
        Assert.Equal("An action that is blocked cannot become blocked.",
            Refused(() => A.Action().In(ActionStatus.Blocked).Build().Block("Still waiting", By, Later)));

    [Fact]
    public void A_blocked_action_can_be_cancelled_and_loses_its_blocked_reason()
    {
        var action = A.Action().In(ActionStatus.Blocked).Build();

        action.Cancel("Superseded by the tills project", By, Later);

        Assert.Equal(ActionStatus.Cancelled, action.Status);
        Assert.Null(action.BlockedReason);
    }

    public static TheoryData<ActionStatus, string, Action<ActionItem>, string> ChangesOnceFinished => new()
    {
        { ActionStatus.Done, "start", a => a.Start(By, Later), "An action that is done cannot become in progress." },
        { ActionStatus.Done, "block", a => a.Block("Waiting", By, Later), "An action that is done cannot become blocked." },
        { ActionStatus.Done, "complete", a => a.Complete(By, Later), "An action that is done cannot become done." },
        { ActionStatus.Done, "cancel", a => a.Cancel("No longer needed", By, Later), "A done action cannot be cancelled; reopen it first." },
        { ActionStatus.Done, "plan", a => a.Plan("New title", null, new DateOnly(2026, 12, 1), 1, 1, false), "A done action cannot be changed; reopen it first." },
        { ActionStatus.Done, "reassign", a => a.Reassign(Known.People.DigitalLead, Known.Teams.Digital), "A done action cannot be reassigned; reopen it first." },
        { ActionStatus.Cancelled, "start", a => a.Start(By, Later), "An action that is cancelled cannot become in progress." },
        { ActionStatus.Cancelled, "block", a => a.Block("Waiting", By, Later), "An action that is cancelled cannot become blocked." },
        { ActionStatus.Cancelled, "complete", a => a.Complete(By, Later), "An action that is cancelled cannot become done." },
        { ActionStatus.Cancelled, "cancel", a => a.Cancel("Again", By, Later), "A cancelled action cannot be cancelled; reopen it first." },
        { ActionStatus.Cancelled, "plan", a => a.Plan("New title", null, new DateOnly(2026, 12, 1), 1, 1, false), "A cancelled action cannot be changed; reopen it first." },
        { ActionStatus.Cancelled, "reassign", a => a.Reassign(Known.People.DigitalLead, Known.Teams.Digital), "A cancelled action cannot be reassigned; reopen it first." },
    };

    [Theory]
    [MemberData(nameof(ChangesOnceFinished))]
    public void A_done_or_cancelled_action_cannot_change_until_reopened(ActionStatus status, string change, Action<ActionItem> attempt, string message)
    {
        var action = A.Action().In(status).Build();
        var before = WhatItSays(action);

        Assert.Equal(message, Refused(() => attempt(action)));
        Assert.Equal(status, action.Status);
        Assert.True(WhatItSays(action) == before, $"Refusing to {change} changed the action: {WhatItSays(action)}");
    }

    /// <summary>Everything a person reads on the action: status, texts, owner, team, due date, sizing and notes.</summary>
    private static string WhatItSays(ActionItem action) => string.Join(" | ",
        action.Status, action.Title, action.Description, action.BlockedReason, action.OwnerPersonId, action.TeamId, action.DueDate,
        action.Impact, action.Effort, action.QuickWin, action.CompletedAt,
        string.Join(",", action.Notes.Select(n => $"{n.NewStatus}:{n.Text}")));

    [Theory]
    [InlineData(ActionStatus.Done)]
    [InlineData(ActionStatus.Cancelled)]
    public void A_reopened_action_is_open_again(ActionStatus status)
    {
        var action = A.Action().In(status).Build();

        action.Reopen("The fix did not reach the outlet stores", By, Later);

        Assert.Equal(ActionStatus.Open, action.Status);
        Assert.Null(action.CompletedAt);
        action.Start(By, Later.AddHours(1));
        Assert.Equal(ActionStatus.InProgress, action.Status);
    }

    [Fact]
    public void An_open_action_cannot_be_reopened() =>
        Assert.Equal("The action is still open.", Refused(() => A.Action().Build().Reopen("Why not", By, Later)));

    [Fact]
    public void Cancelling_needs_a_reason_and_a_refused_cancel_leaves_the_action_open()
    {
        var action = A.Action().In(ActionStatus.InProgress).Build();

        Assert.Equal("The reason for cancelling is required.", Refused(() => action.Cancel("", By, Later)));
        Assert.Equal(ActionStatus.InProgress, action.Status);
        Assert.Null(action.CompletedAt);
    }

    [Fact]
    public void Reopening_needs_a_reason_and_a_refused_reopen_leaves_the_action_done()
    {
        var action = A.Action().In(ActionStatus.Done).Build();
        var completedAt = action.CompletedAt;

        Assert.Equal("The reason for reopening is required.", Refused(() => action.Reopen(" ", By, Later)));
        Assert.Equal(ActionStatus.Done, action.Status);
        Assert.Equal(completedAt, action.CompletedAt);
    }

    [Fact]
    public void Each_status_change_is_noted_with_who_when_and_the_new_status()
    {
        var action = A.Action().Build();
        var t = Known.Now;

        action.Start(Known.People.StoresLead, t, "Kicked off with IT");
        action.Block("Waiting for till release", Known.People.StoresLead, t.AddDays(1));
        action.AddNote(Known.People.DigitalLead, "Release planned for Tuesday", t.AddDays(2));
        action.Start(Known.People.StoresLead, t.AddDays(5));
        action.Complete(Known.People.StoresLead, t.AddDays(6));

        Assert.Collection(action.Notes,
            n => Assert.Equal(((ActionStatus?)ActionStatus.InProgress, "Kicked off with IT", Known.People.StoresLead, t), (n.NewStatus, n.Text, n.PersonId, n.At)),
            n => Assert.Equal(((ActionStatus?)ActionStatus.Blocked, "Waiting for till release", t.AddDays(1)), (n.NewStatus, n.Text, n.At)),
            n => Assert.Equal(((ActionStatus?)null, "Release planned for Tuesday", Known.People.DigitalLead), (n.NewStatus, n.Text, n.PersonId)),
            n => Assert.Equal(((ActionStatus?)ActionStatus.InProgress, "Status changed to in progress."), (n.NewStatus, n.Text)),
            n => Assert.Equal(((ActionStatus?)ActionStatus.Done, "Status changed to done."), (n.NewStatus, n.Text)));
    }

    [Fact]
    public void A_progress_note_needs_words() =>
        Assert.Equal("A progress note is required.", Refused(() => A.Action().Build().AddNote(By, "  ", Later)));

    [Fact]
    public void An_open_action_past_its_due_date_is_overdue()
    {
        var action = A.Action().DueOn(new DateOnly(2026, 9, 13)).Build();

        Assert.True(action.IsOverdue(new DateOnly(2026, 9, 14)));
        Assert.False(action.IsOverdue(new DateOnly(2026, 9, 13)));
        Assert.False(action.IsOverdue(new DateOnly(2026, 9, 12)));
    }

    [Theory]
    [InlineData(ActionStatus.InProgress, true)]
    [InlineData(ActionStatus.Blocked, true)]
    [InlineData(ActionStatus.Done, false)]
    [InlineData(ActionStatus.Cancelled, false)]
    public void Only_unfinished_actions_can_be_overdue(ActionStatus status, bool overdue) =>
        Assert.Equal(overdue, A.Action().DueOn(new DateOnly(2026, 1, 1)).In(status).Build().IsOverdue(Known.Today));

    [Fact]
    public void An_open_action_can_be_replanned_and_reassigned()
    {
        var action = A.Action().Build();

        action.Plan("Show web orders on tills", "Phase 1", new DateOnly(2026, 11, 30), 3, 2, true);
        action.Reassign(Known.People.DigitalLead, Known.Teams.Digital);

        Assert.Equal(("Show web orders on tills", "Phase 1", new DateOnly(2026, 11, 30), 3, 2, true),
            (action.Title, action.Description, action.DueDate, action.Impact, action.Effort, action.QuickWin));
        Assert.Equal((Known.People.DigitalLead, Known.Teams.Digital), (action.OwnerPersonId, action.TeamId));
    }

    private static ActionItem ActionThatIs(ActionStatus status)
    {
        var action = A.Action().Build();
        switch (status)
        {
            case ActionStatus.InProgress:
                action.Start(Known.People.StoresLead, Known.Now);
                break;
            case ActionStatus.Blocked:
                action.Block("Waiting for the supplier", Known.People.StoresLead, Known.Now);
                break;
            case ActionStatus.Done:
                action.Complete(Known.People.StoresLead, Known.Now);
                break;
            case ActionStatus.Cancelled:
                action.Cancel("No longer needed", Known.People.StoresLead, Known.Now);
                break;
        }
        return action;
    }

    [Theory]
    [InlineData(ActionStatus.Open)]
    [InlineData(ActionStatus.InProgress)]
    [InlineData(ActionStatus.Blocked)]
    [InlineData(ActionStatus.Done)]
    [InlineData(ActionStatus.Cancelled)]
    public void Each_step_is_accepted_exactly_from_the_statuses_the_action_says_it_may_move_from(ActionStatus from)
    {
        var allowed = ActionItem.AllowedMoves(from);
        var by = Known.People.StoresLead;
        var steps = new (ActionStatus To, Action<ActionItem> Step)[]
        {
            (ActionStatus.InProgress, a => a.Start(by, Known.Now)),
            (ActionStatus.Blocked, a => a.Block("Waiting", by, Known.Now)),
            (ActionStatus.Done, a => a.Complete(by, Known.Now)),
            (ActionStatus.Cancelled, a => a.Cancel("Not needed", by, Known.Now)),
            (ActionStatus.Open, a => a.Reopen("Needed after all", by, Known.Now)),
        };

        foreach (var (to, step) in steps)
        {
            var accepted = Record.Exception(() => step(ActionThatIs(from))) is null;
            Assert.True(accepted == allowed.Contains(to), $"From {from} to {to}: accepted {accepted}, allowed {allowed.Contains(to)}.");
        }
    }
}
