namespace CxDashboard.Domain.Governance;

/// <summary>A team that took part in a review.</summary>
public sealed class ReviewAttendee
{
    private ReviewAttendee() { }

    internal ReviewAttendee(int teamId) => TeamId = teamId;

    public int ReviewId { get; private set; }
    public int TeamId { get; private set; }
}
