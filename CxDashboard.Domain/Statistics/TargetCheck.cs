using CxDashboard.Domain.Metrics;

namespace CxDashboard.Domain.Statistics;

/// <summary>A figure against its target: on target, missing it, or too close to call at 95%.</summary>
public static class TargetCheck
{
    public static TargetVerdict Evaluate(Estimate figure, double target, Direction direction)
    {
        if (figure is { Low: { } low, High: { } high })
        {
            if (low <= target && target <= high)
            {
                return TargetVerdict.WithinMargin;
            }
            var wholeIntervalAbove = low > target;
            return wholeIntervalAbove == (direction == Direction.HigherIsBetter) ? TargetVerdict.OnTarget : TargetVerdict.MissingTarget;
        }
        var meets = direction == Direction.HigherIsBetter ? figure.Value >= target : figure.Value <= target;
        return meets ? TargetVerdict.OnTarget : TargetVerdict.MissingTarget;
    }
}
