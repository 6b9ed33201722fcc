namespace CxDashboard.Domain.Audit;

public enum AuditAction
{
    Created = 1,
    Changed = 2,
    Deleted = 3,
}
