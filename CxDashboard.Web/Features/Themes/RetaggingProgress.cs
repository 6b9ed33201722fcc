namespace CxDashboard.Web.Features.Themes;

/// <param name="Done">Themes tagged since this round began.</param>
/// <param name="Total">Themes this round has tagged and still has to tag.</param>
/// <param name="Current">The theme being tagged now, or null when nothing is.</param>
public sealed record RetaggingProgress(int Done, int Total, string? Current)
{
    public static readonly RetaggingProgress Idle = new(0, 0, null);

    public bool IsRunning => Current is not null;
}
