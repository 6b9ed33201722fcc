namespace CxDashboard.Domain.Admin;

/// <summary>What a machine holding an API key may send.</summary>
[Flags]
public enum ApiScopes
{
    None = 0,
    /// <summary>Feedback from survey tools, review sites and the contact centre.</summary>
    FeedbackWrite = 1,
    /// <summary>Metric values from BI.</summary>
    MetricsWrite = 2,
}
