using CxDashboard.Domain.Common;

namespace CxDashboard.Domain.Metrics;

/// <summary>The value a revision commits to for a quarter, in total or for one channel, with an amber tolerance.</summary>
public sealed class MetricTarget : Entity
{
    private MetricTarget() { }

    internal MetricTarget(TargetSpec spec)
    {
        Quarter = spec.Quarter;
        ChannelId = spec.ChannelId;
        Value = spec.Value;
        AmberTolerance = Math.Abs(spec.AmberTolerance);
    }

    public int MetricRevisionId { get; private set; }
    public Period Quarter { get; private set; }
    public int? ChannelId { get; private set; }
    public double Value { get; private set; }
    public double AmberTolerance { get; private set; }

    internal TargetSpec ToSpec() => new(Quarter, ChannelId, Value, AmberTolerance);
}
