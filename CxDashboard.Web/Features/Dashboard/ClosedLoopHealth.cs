namespace CxDashboard.Web.Features.Dashboard;

/// <summary>
/// How well loops were closed in a quarter: of the friction issues closed, how many told the people
/// who raised them; of the follow-ups due, how many reached the customer within the SLA.
/// </summary>
public sealed record ClosedLoopHealth(int IssuesClosed, int IssuesClosedAndTold, int FollowUpsDue, int FollowUpsWithinSla)
{
    /// <summary>The share of closed issues whose people were told, 0–1; null when none closed.</summary>
    public double? ToldShare => IssuesClosed == 0 ? null : (double)IssuesClosedAndTold / IssuesClosed;

    /// <summary>The share of follow-ups due that were made in time, 0–1; null when none were due.</summary>
    public double? WithinSlaShare => FollowUpsDue == 0 ? null : (double)FollowUpsWithinSla / FollowUpsDue;
}
