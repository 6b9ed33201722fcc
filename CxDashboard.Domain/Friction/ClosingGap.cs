namespace CxDashboard.Domain.Friction;

public enum ClosingGapKind
{
    NotResolved = 1,
    OpenActions = 2,
    NoResolution = 3,
    NobodyTold = 4,
    MetricNotChecked = 5,
    /// <summary>Checked, but without a significant improvement and without a reason to close anyway.</summary>
    MetricNotImproved = 6,
}

/// <summary>One thing still missing before a friction issue's loop can be closed.</summary>
public sealed record ClosingGap(ClosingGapKind Kind, string Message, int? MetricId = null);
