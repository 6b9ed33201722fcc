namespace CxDashboard.Domain.Metrics;

/// <summary>The family of customer-experience measure a metric belongs to.</summary>
public enum MetricDimension
{
    /// <summary>Spend and frequency.</summary>
    Loyalty = 1,
    /// <summary>Share of wallet.</summary>
    Commitment = 2,
    /// <summary>NPS, reviews.</summary>
    Advocacy = 3,
    /// <summary>CES, CSAT.</summary>
    EffortSatisfaction = 4,
    /// <summary>Conversion, drop-out, delivery promise kept, first-contact resolution.</summary>
    Operational = 5,
}
