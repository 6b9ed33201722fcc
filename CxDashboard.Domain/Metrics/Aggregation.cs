namespace CxDashboard.Domain.Metrics;

/// <summary>How values of shorter periods or of channels roll up.</summary>
public enum Aggregation
{
    Average = 1,
    Sum = 2,
    /// <summary>The most recent value stands for the longer period.</summary>
    Latest = 3,
    /// <summary>Average weighted by each value's sample size (survey-based metrics).</summary>
    WeightedBySample = 4,
}
