namespace CxDashboard.Domain.Metrics;

/// <summary>Whether a higher or a lower value means a better customer experience.</summary>
public enum Direction
{
    HigherIsBetter = 1,
    LowerIsBetter = 2,
}
