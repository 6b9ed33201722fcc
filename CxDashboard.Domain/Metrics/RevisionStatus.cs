namespace CxDashboard.Domain.Metrics;

public enum RevisionStatus
{
    Draft = 1,
    Proposed = 2,
    Agreed = 3,
    /// <summary>Was agreed, then replaced by a later agreed revision.</summary>
    Superseded = 4,
    /// <summary>Was pending when the metric was retired.</summary>
    Withdrawn = 5,
}
