using CxDashboard.Web.Features.Common;

namespace CxDashboard.Web.Features.Friction;

/// <summary>
/// Who may change a friction issue: the head of CX any, a channel lead those their team owns.
/// Pages use it to hide what the service would refuse anyway.
/// </summary>
public static class FrictionRules
{
    public static bool MayRaise(Caller caller) => caller.PersonId is not null && (caller.IsCxLead || caller.IsChannelLead);

    public static bool MayChange(Caller caller, int owningTeamId) =>
        caller.PersonId is not null && (caller.IsCxLead || (caller.IsChannelLead && caller.TeamId == owningTeamId));

    public static void EnsureMayRaise(Caller caller, int owningTeamId)
    {
        caller.RequirePersonId();
        if (caller.IsCxLead)
        {
            return;
        }
        if (!caller.IsChannelLead)
        {
            throw new NotAllowedException("Only the head of CX and channel leads raise friction issues.");
        }
        if (caller.TeamId != owningTeamId)
        {
            throw new NotAllowedException("As a channel lead you raise friction issues for your own team; ask the head of CX to give one to another team.");
        }
    }

    public static void EnsureMayChange(Caller caller, int owningTeamId)
    {
        caller.RequirePersonId();
        if (!MayChange(caller, owningTeamId))
        {
            throw new NotAllowedException(caller.IsChannelLead
                ? "Only the owning team's channel lead or the head of CX can change this issue."
                : "Only the head of CX and the owning team's channel lead change friction issues.");
        }
    }
}
