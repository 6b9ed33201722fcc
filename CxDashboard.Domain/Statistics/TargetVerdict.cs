namespace CxDashboard.Domain.Statistics;

/// <summary>Where a figure stands against its target, allowing for its margin of error.</summary>
public enum TargetVerdict
{
    OnTarget = 1,
    /// <summary>Worse than the target in the metric's direction, beyond the margin of error.</summary>
    MissingTarget = 2,
    /// <summary>The target lies inside the figure's 95% interval: the figure cannot say which side it is on.</summary>
    WithinMargin = 3,
}
