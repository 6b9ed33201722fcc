namespace CxDashboard.Web.Data;

/// <summary>Who is making the changes a context saves: written into every audit entry.</summary>
public sealed record AuditActor(int? PersonId, string Name)
{
    public static readonly AuditActor System = new(null, "CX Dashboard");
}
