namespace CxDashboard.Domain.Friction;

/// <summary>Who was told that the friction they raised has been dealt with.</summary>
[Flags]
public enum ToldAudience
{
    None = 0,
    Customers = 1,
    FrontLineStaff = 2,
}
