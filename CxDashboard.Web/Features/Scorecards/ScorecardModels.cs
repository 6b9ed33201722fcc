using CxDashboard.Domain.Common;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Scorecards;
using CxDashboard.Domain.Statistics;

namespace CxDashboard.Web.Features.Scorecards;

/// <summary>One scorecard in the list by quarter.</summary>
public sealed record ScorecardSummary(Period Quarter, ScorecardStatus Status, string? Headline, DateTime? PublishedAt, string? PublishedBy);

/// <summary>The scorecards the person may open, the latest first, and the quarters a head of CX may start a draft for.</summary>
public sealed record ScorecardList(IReadOnlyList<ScorecardSummary> Scorecards, IReadOnlyList<Period> QuartersToStart);

/// <summary>
/// A scorecard as its page shows it. A published one is its frozen lines; a draft is computed from
/// the data now, with the commentary written so far.
/// </summary>
public sealed record ScorecardView(
    Period Quarter,
    ScorecardStatus Status,
    string? Headline,
    int Version,
    string CreatedBy,
    DateTime CreatedAt,
    DateTime? PublishedAt,
    string? PublishedBy,
    IReadOnlyList<ScorecardRow> Rows,
    ScorecardPermissions Permissions,
    ScorecardStanding Standing)
{
    public bool IsPublished => Status == ScorecardStatus.Published;

    public IReadOnlyList<ScorecardRow> Totals => Rows.Where(r => r.ChannelId is null).ToList();

    /// <summary>The channels that have lines, in the order of the lines.</summary>
    public IReadOnlyList<(int Id, string Name)> Channels => Rows.Where(r => r.ChannelId is not null)
        .Select(r => (r.ChannelId!.Value, r.ChannelName)).Distinct().ToList();

    public IReadOnlyList<ScorecardRow> ForChannel(int channelId) => Rows.Where(r => r.ChannelId == channelId).ToList();
}

/// <summary>
/// One metric in total (no channel) or on one channel, with its last four quarters, oldest first; the
/// figure's answers and interval, the change on the previous quarter in words, and where it stands
/// against its target allowing for the margin of error.
/// </summary>
public sealed record ScorecardRow(
    int MetricId,
    string Code,
    string Name,
    MetricDimension Dimension,
    MetricUnit Unit,
    Direction Direction,
    int? ChannelId,
    string ChannelName,
    double? Actual,
    double? Target,
    Rag Rag,
    IReadOnlyList<double?> Trend,
    string? Commentary,
    bool MayComment,
    Estimate? Figure = null,
    Estimate? PreviousFigure = null,
    int MinimumSampleSize = MinimumSample.Default,
    ChangeVerdict? ChangeVerdict = null,
    string? ChangeWording = null,
    TargetVerdict? AgainstTarget = null)
{
    public double? Change => Actual is { } a && Trend.Count > 1 && Trend[^2] is { } p ? a - p : null;

    public bool HasTooFewAnswers => Figure?.HasTooFewAnswers(MinimumSampleSize) == true;

    /// <summary>"on target", "below target", "target within the margin of error"; null without a target or with too few answers.</summary>
    public string? TargetWording => AgainstTarget is { } verdict ? FigureWording.Target(verdict, Direction) : null;

    /// <summary>"n = 412, ±4.8"; empty for a figure typed in without either.</summary>
    public string SampleAndMargin => Figure is { } figure ? FigureWording.SampleAndMargin(figure, FigurePrecision.Decimals(Unit)) : string.Empty;

    public static ScorecardRow From(ScorecardLine line, bool mayComment) => new(
        line.MetricDefinitionId, line.MetricCode, line.MetricName, line.Dimension, line.Unit, line.Direction,
        line.ChannelId, line.ChannelName, line.Actual, line.Target, line.Rag, line.Trend, line.Commentary, mayComment,
        line.Figure, line.PreviousFigure, line.MinimumSampleSize, line.ChangeVerdict, line.ChangeWording, line.AgainstTarget);
}

/// <summary>What the signed-in person may do with the scorecard; the service checks again on every command.</summary>
public sealed record ScorecardPermissions(bool MayWriteHeadline, bool MayPublish, bool MayExport);

/// <summary>One metric's total in two quarters side by side.</summary>
public sealed record ScorecardComparisonRow(
    int MetricId,
    string Code,
    string Name,
    MetricDimension Dimension,
    MetricUnit Unit,
    Direction Direction,
    ScorecardRow? A,
    ScorecardRow? B)
{
    /// <summary>The change from A to B, when both quarters have a value.</summary>
    public double? Delta => A?.Actual is { } a && B?.Actual is { } b ? b - a : null;

    /// <summary>
    /// The change from A to B tested at 95% from the two figures' intervals, as frozen on a published
    /// scorecard; null when either quarter has no figure.
    /// </summary>
    public Change? TestedChange => A?.Figure is { } a && B?.Figure is { } b
        ? Domain.Statistics.Change.Between(a, b, Math.Max(A.MinimumSampleSize, B.MinimumSampleSize))
        : null;

    /// <summary>"+6.8, a real improvement"; "+1.1, within the noise".</summary>
    public string? ChangeWording => TestedChange is { } change ? FigureWording.Change(change, Direction, FigurePrecision.Decimals(Unit)) : null;

    public ChangeVerdict? Verdict => TestedChange?.Verdict(Direction);
}

public sealed record ScorecardComparison(ScorecardView A, ScorecardView B, IReadOnlyList<ScorecardComparisonRow> Rows);
