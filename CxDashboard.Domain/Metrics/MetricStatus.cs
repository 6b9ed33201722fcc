namespace CxDashboard.Domain.Metrics;

public enum MetricStatus
{
    /// <summary>Being written; nobody has been asked to agree yet.</summary>
    Draft = 1,
    /// <summary>Waiting for every stakeholder team to sign off its first definition.</summary>
    Proposed = 2,
    /// <summary>Every stakeholder team signed off; the definition is in force.</summary>
    Agreed = 3,
    /// <summary>No longer measured.</summary>
    Retired = 4,
}
