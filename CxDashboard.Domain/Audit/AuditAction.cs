namespace CxDashboard.Domain.Audit;

public enum AuditAction
{
    Created = 1,
    Changed = 2,
    Deleted = 3,

    /// <summary>A list was taken out of the app as a workbook: nothing changed, but data left.</summary>
    Exported = 4,
}
