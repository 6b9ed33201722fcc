namespace CxDashboard.Domain.Metrics;

public enum MetricEventKind
{
    Drafted = 1,
    Edited = 2,
    Proposed = 3,
    SignedOff = 4,
    Objected = 5,
    Agreed = 6,
    RevisionOpened = 7,
    Retired = 8,
}
