using CxDashboard.Domain.Common;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Statistics;

namespace CxDashboard.Domain.Scorecards;

/// <summary>
/// One metric on a published scorecard, in total (no channel) or for one channel, frozen at
/// publication with its trend over the last four quarters, the answers and 95% interval behind this
/// quarter's and the previous quarter's figures, and what the change between them amounted to.
/// </summary>
public sealed class ScorecardLine : Entity
{
    private ScorecardLine() { MetricCode = MetricName = ChannelName = string.Empty; }

    /// <param name="change">The change on the previous quarter as tested from the answers; null when either quarter has no figure.</param>
    public ScorecardLine(int metricId, string metricCode, string metricName, MetricDimension dimension, MetricUnit unit,
        Direction direction, int? channelId, string channelName, Estimate? actual, double? target, double tolerance,
        double? threeQuartersAgo, double? twoQuartersAgo, Estimate? previousQuarter, Change? change, int minimumSampleSize,
        string? commentary)
    {
        if (MinimumSample.Problem(minimumSampleSize) is { } problem)
        {
            throw new DomainException(problem);
        }
        MetricDefinitionId = metricId;
        MetricCode = metricCode;
        MetricName = metricName;
        Dimension = dimension;
        Unit = unit;
        Direction = direction;
        ChannelId = channelId;
        ChannelName = channelName;
        (Actual, SampleSize, Low, High) = (actual?.Value, actual?.SampleSize, actual?.Low, actual?.High);
        Target = target;
        MinimumSampleSize = minimumSampleSize;
        Rag = RagRule.Evaluate(actual, target, direction, tolerance, minimumSampleSize);
        ThreeQuartersAgo = threeQuartersAgo;
        TwoQuartersAgo = twoQuartersAgo;
        (PreviousQuarter, PreviousSampleSize, PreviousLow, PreviousHigh) =
            (previousQuarter?.Value, previousQuarter?.SampleSize, previousQuarter?.Low, previousQuarter?.High);
        if (change is not null && Actual is not null && PreviousQuarter is not null)
        {
            ChangeVerdict = change.Verdict(direction);
            ChangeWording = FigureWording.Change(change, direction, FigurePrecision.Decimals(unit));
        }
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

    /// <summary>How many answers this quarter's figure rests on; null for a figure typed in without one.</summary>
    public int? SampleSize { get; private set; }

    /// <summary>The 95% interval of this quarter's figure, when it has one.</summary>
    public double? Low { get; private set; }
    public double? High { get; private set; }

    public double? Target { get; private set; }
    public Rag Rag { get; private set; }
    public double? ThreeQuartersAgo { get; private set; }
    public double? TwoQuartersAgo { get; private set; }
    public double? PreviousQuarter { get; private set; }
    public int? PreviousSampleSize { get; private set; }
    public double? PreviousLow { get; private set; }
    public double? PreviousHigh { get; private set; }

    /// <summary>The metric's minimum number of answers at publication: below it the figure has no RAG, no trend and no place in the headline.</summary>
    public int MinimumSampleSize { get; private set; } = MinimumSample.Default;

    /// <summary>
    /// Whether the change on the previous quarter was real or noise, and its words ("+6.8, a real
    /// improvement"), as they stood at publication; null on lines published before changes were tested.
    /// </summary>
    public ChangeVerdict? ChangeVerdict { get; private set; }
    public string? ChangeWording { get; private set; }

    public string? Commentary { get; private set; }

    public Estimate? Figure => Actual is { } a ? new Estimate(a, SampleSize, Low, High) : null;

    public Estimate? PreviousFigure => PreviousQuarter is { } p ? new Estimate(p, PreviousSampleSize, PreviousLow, PreviousHigh) : null;

    public bool HasTooFewAnswers => Figure?.HasTooFewAnswers(MinimumSampleSize) == true;

    /// <summary>The last four quarters, oldest first, ending with this one.</summary>
    public IReadOnlyList<double?> Trend => [ThreeQuartersAgo, TwoQuartersAgo, PreviousQuarter, Actual];

    /// <summary>The change on the previous quarter, or null when either is missing.</summary>
    public double? ChangeOnPreviousQuarter => Actual is { } a && PreviousQuarter is { } p ? a - p : null;

    /// <summary>Where the figure stands against its target, allowing for its margin of error; null without a target or with too few answers.</summary>
    public TargetVerdict? AgainstTarget => Figure is { } figure && Target is { } target && !HasTooFewAnswers
        ? TargetCheck.Evaluate(figure, target, Direction)
        : null;
}
