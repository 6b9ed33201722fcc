using CxDashboard.Domain.Actions;
using CxDashboard.Web.Features.Common;

namespace CxDashboard.Web.Features.Actions;

/// <summary>
/// Who may change an action: the head of CX any, a channel lead their team's, a contributor their
/// own; executives none. Re-planning (due date, owner, team, impact, quick win) is narrower: the head
/// of CX and the owning team's channel lead, because the overdue and quick-win figures are read from
/// the plan. Pages use these to hide what the service would refuse anyway.
/// </summary>
public static class ActionRules
{
    public static bool MayUpdate(Caller caller, int ownerPersonId, int teamId) =>
        caller.PersonId is { } me && (caller.IsCxLead
            || (caller.IsChannelLead && caller.TeamId == teamId)
            || (caller.IsContributor && me == ownerPersonId));

    public static void EnsureMayUpdate(Caller caller, int ownerPersonId, int teamId)
    {
        caller.RequirePersonId();
        if (MayUpdate(caller, ownerPersonId, teamId))
        {
            return;
        }
        throw new NotAllowedException(caller.IsReadOnly
            ? "Your role reads actions but does not change them."
            : caller.IsChannelLead
                ? "As a channel lead you update your own team's actions only."
                : "As a contributor you update the actions assigned to you only.");
    }

    /// <summary>Whether the caller may change the plan and owner of an action owned by <paramref name="teamId"/>.</summary>
    public static bool MayReplan(Caller caller, int teamId) =>
        caller.PersonId is not null && (caller.IsCxLead || (caller.IsChannelLead && caller.TeamId == teamId));

    public static void EnsureMayReplan(Caller caller, int teamId)
    {
        caller.RequirePersonId();
        if (MayReplan(caller, teamId))
        {
            return;
        }
        throw new NotAllowedException(caller.IsReadOnly
            ? "Your role reads actions but does not change them."
            : caller.IsChannelLead
                ? "As a channel lead you re-plan your own team's actions only."
                : "The plan, owner and team of an action are changed by the owning team's channel lead or the head of CX; you update its status, progress and notes.");
    }

    /// <summary>The moves the Domain allows from a status (<see cref="ActionItem.AllowedMoves"/>), in its order.</summary>
    public static IReadOnlyList<ActionMove> MovesFrom(ActionStatus status) =>
        [.. ActionItem.AllowedMoves(status).Select(to => to switch
        {
            ActionStatus.InProgress => ActionMove.Start,
            ActionStatus.Blocked => ActionMove.Block,
            ActionStatus.Done => ActionMove.Complete,
            ActionStatus.Cancelled => ActionMove.Cancel,
            _ => ActionMove.Reopen,
        })];

    /// <summary>Blocking, cancelling and reopening need a reason; the other moves take an optional note.</summary>
    public static bool NeedsReason(ActionMove move) => move is ActionMove.Block or ActionMove.Cancel or ActionMove.Reopen;

    public static string Label(ActionMove move) => move switch
    {
        ActionMove.Start => "In progress",
        ActionMove.Block => "Blocked",
        ActionMove.Complete => "Done",
        ActionMove.Cancel => "Cancel",
        _ => "Reopen",
    };

    public static string Label(ActionStatus status) => status switch
    {
        ActionStatus.InProgress => "In progress",
        _ => status.ToString(),
    };
}

public enum ActionMove
{
    Start = 1,
    Block = 2,
    Complete = 3,
    Cancel = 4,
    Reopen = 5,
}
