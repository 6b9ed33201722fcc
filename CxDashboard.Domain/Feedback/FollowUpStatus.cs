namespace CxDashboard.Domain.Feedback;

/// <summary>The inner loop: a named person gets back to an unhappy customer within the SLA.</summary>
public enum FollowUpStatus
{
    None = 0,
    Open = 1,
    Contacted = 2,
    Resolved = 3,
}
