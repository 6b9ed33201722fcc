using CxDashboard.Domain.Metrics;
using CxDashboard.Web.Features.Common;

namespace CxDashboard.Web.Features.Metrics;

/// <summary>Who may do what with metrics. Pages use it to offer actions; commands use it to refuse them.</summary>
internal static class MetricRules
{
    /// <summary>
    /// The people who write and agree metrics (CX and channel leads) see draft and proposed revisions;
    /// everyone else reads agreed content only, so a figure is never quoted from a definition not yet agreed.
    /// </summary>
    public static bool SeesDrafts(Caller caller) => caller.IsCxLead || caller.IsChannelLead;

    /// <summary>A CX lead manages any metric; a channel lead those their team owns.</summary>
    public static bool MayManage(Caller caller, int owningTeamId) =>
        caller.IsCxLead || (caller.IsChannelLead && caller.TeamId == owningTeamId);

    /// <summary>A lead answers for their own team, when it is a stakeholder of the proposed revision.</summary>
    public static bool MayAnswer(Caller caller, MetricRevision? pending) =>
        (caller.IsCxLead || caller.IsChannelLead)
        && pending is { Status: RevisionStatus.Proposed }
        && caller.TeamId is { } team && pending.StakeholderTeamIds.Contains(team);

    /// <summary>A CX lead enters any channel and the total; a channel lead only the channels their team owns.</summary>
    public static bool MayEnterValues(Caller caller, int? channelOwningTeamId, bool isTotal) =>
        caller.IsCxLead || (!isTotal && caller.IsChannelLead && caller.TeamId is { } team && team == channelOwningTeamId);

    public static MetricPermissions For(Caller caller, MetricDefinition metric, IEnumerable<int> channelOwningTeamIds)
    {
        if (metric.Status == MetricStatus.Retired)
        {
            return MetricPermissions.None;
        }
        var manage = MayManage(caller, metric.OwningTeamId);
        return new MetricPermissions(
            CanEdit: manage,
            CanPropose: manage && metric.Pending is { Status: RevisionStatus.Draft },
            CanAnswer: MayAnswer(caller, metric.Pending),
            CanRetire: caller.IsCxLead,
            CanEnterValues: metric.Current.ComputedFrom is null
                            && (caller.IsCxLead || channelOwningTeamIds.Any(team => MayEnterValues(caller, team, isTotal: false))));
    }

    public static void EnsureMayManage(Caller caller, MetricDefinition metric)
    {
        if (!MayManage(caller, metric.OwningTeamId))
        {
            throw new NotAllowedException(caller.IsChannelLead
                ? $"Only a CX lead or a lead of the team that owns {metric.Name} can change it."
                : "Only a CX lead or a channel lead can change metrics.");
        }
    }
}
