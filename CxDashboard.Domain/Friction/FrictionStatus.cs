namespace CxDashboard.Domain.Friction;

public enum FrictionStatus
{
    New = 1,
    Triaged = 2,
    InProgress = 3,
    Resolved = 4,
    Closed = 5,
    WontFix = 6,
}
