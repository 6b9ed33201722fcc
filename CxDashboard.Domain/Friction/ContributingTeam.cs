namespace CxDashboard.Domain.Friction;

/// <summary>A team other than the owner whose work the friction issue needs.</summary>
public sealed class ContributingTeam
{
    private ContributingTeam() { }

    internal ContributingTeam(int teamId) => TeamId = teamId;

    public int FrictionIssueId { get; private set; }
    public int TeamId { get; private set; }
}
