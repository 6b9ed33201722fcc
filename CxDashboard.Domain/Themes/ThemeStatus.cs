namespace CxDashboard.Domain.Themes;

public enum ThemeStatus
{
    /// <summary>Suggested by a lead; tags nothing until the head of CX makes it active.</summary>
    Proposed = 0,
    Active = 1,
}
