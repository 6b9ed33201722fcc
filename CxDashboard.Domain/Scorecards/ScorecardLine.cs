using CxDashboard.Domain.Common;
using CxDashboard.Domain.Metrics;

namespace CxDashboard.Domain.Scorecards;

/// <summary>
/// One metric on a published scorecard, in total (no channel) or for one channel, frozen at
/// publication with its trend over the last four quarters.
/// </summary>
public sealed class ScorecardLine : Entity
{
    private ScorecardLine() { MetricCode = MetricName = ChannelName = string.Empty; }

    public ScorecardLine(int metricId, string metricCode, string metricName, MetricDimension dimension, MetricUnit unit,
        Direction direction, int? channelId, string channelName, double? actual, double? target, double tolerance,
        double? threeQuartersAgo, double? twoQuartersAgo, double? previousQuarter, string? commentary)
    {
        MetricDefinitionId = metricId;
        MetricCode = metricCode;
        MetricName = metricName;
        Dimension = dimension;
        Unit = unit;
        Direction = direction;
        ChannelId = channelId;
        ChannelName = channelName;
        Actual = actual;
        Target = target;
        Rag = RagRule.Evaluate(actual, target, direction, tolerance);
        ThreeQuartersAgo = threeQuartersAgo;
        TwoQuartersAgo = twoQuartersAgo;
        PreviousQuarter = previousQuarter;
        Commentary = commentary;
    }

    public int ScorecardId { get; private set; }
    public int MetricDefinitionId { get; private set; }
    public string MetricCode { get; private set; }
    public string MetricName { get; private set; }
    public MetricDimension Dimension { get; private set; }
    public MetricUnit Unit { get; private set; }
    public Direction Direction { get; private set; }
    public int? ChannelId { get; private set; }
    public string ChannelName { get; private set; }
    public double? Actual { get; private set; }
    public double? Target { get; private set; }
    public Rag Rag { get; private set; }
    public double? ThreeQuartersAgo { get; private set; }
    public double? TwoQuartersAgo { get; private set; }
    public double? PreviousQuarter { get; private set; }
    public string? Commentary { get; private set; }

    /// <summary>The last four quarters, oldest first, ending with this one.</summary>
    public IReadOnlyList<double?> Trend => [ThreeQuartersAgo, TwoQuartersAgo, PreviousQuarter, Actual];

    /// <summary>The change on the previous quarter, or null when either is missing.</summary>
    public double? ChangeOnPreviousQuarter => Actual is { } a && PreviousQuarter is { } p ? a - p : null;
}
