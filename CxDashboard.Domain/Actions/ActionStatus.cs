namespace CxDashboard.Domain.Actions;

public enum ActionStatus
{
    Open = 1,
    InProgress = 2,
    Blocked = 3,
    Done = 4,
    Cancelled = 5,
}
