using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;

namespace CxDashboard.Domain.Metrics;

/// <summary>What teams agree on when they agree a metric: how it is measured and what good looks like.</summary>
public sealed record MetricSpec(
    string Description,
    string Formula,
    string DataSource,
    MetricUnit Unit,
    Direction Direction,
    Aggregation Aggregation,
    PeriodKind Cadence,
    IReadOnlyList<int> ChannelIds,
    ScoreScale? ComputedFrom = null)
{
    /// <summary>Whether values come from feedback scores (NPS, CSAT, CES) rather than being entered.</summary>
    public bool IsComputed => ComputedFrom is not null;
}

/// <summary>A quarterly target, for all channels together (no channel) or for one channel.</summary>
public sealed record TargetSpec(Period Quarter, int? ChannelId, double Value, double AmberTolerance);
