namespace CxDashboard.Domain.Common;

public enum PeriodKind
{
    Week = 1,
    Month = 2,
    Quarter = 3,
}
