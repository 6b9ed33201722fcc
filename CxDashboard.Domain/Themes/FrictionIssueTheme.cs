using CxDashboard.Domain.Common;

namespace CxDashboard.Domain.Themes;

/// <summary>A theme a friction issue is about, so the issue can show how often customers still mention it.</summary>
public sealed class FrictionIssueTheme
{
    private FrictionIssueTheme() { }

    public FrictionIssueTheme(int frictionIssueId, int themeId, int linkedByPersonId, DateTime linkedAt)
    {
        FrictionIssueId = Guard.Id(frictionIssueId, "The friction issue");
        ThemeId = Guard.Id(themeId, "The theme");
        LinkedByPersonId = Guard.Id(linkedByPersonId, "Who linked the theme");
        LinkedAt = Guard.Utc(linkedAt);
    }

    public int FrictionIssueId { get; private set; }
    public int ThemeId { get; private set; }
    public int LinkedByPersonId { get; private set; }
    public DateTime LinkedAt { get; private set; }
}
