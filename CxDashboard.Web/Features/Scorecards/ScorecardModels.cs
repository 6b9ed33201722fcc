using CxDashboard.Domain.Common;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Scorecards;

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
    ScorecardPermissions Permissions)
{
    public bool IsPublished => Status == ScorecardStatus.Published;

    public IReadOnlyList<ScorecardRow> Totals => Rows.Where(r => r.ChannelId is null).ToList();

    /// <summary>The channels that have lines, in the order of the lines.</summary>
    public IReadOnlyList<(int Id, string Name)> Channels => Rows.Where(r => r.ChannelId is not null)
        .Select(r => (r.ChannelId!.Value, r.ChannelName)).Distinct().ToList();

    public IReadOnlyList<ScorecardRow> ForChannel(int channelId) => Rows.Where(r => r.ChannelId == channelId).ToList();
}

/// <summary>One metric in total (no channel) or on one channel, with its last four quarters, oldest first.</summary>
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
    bool MayComment)
{
    public double? Change => Actual is { } a && Trend.Count > 1 && Trend[^2] is { } p ? a - p : null;

    public static ScorecardRow From(ScorecardLine line, bool mayComment) => new(
        line.MetricDefinitionId, line.MetricCode, line.MetricName, line.Dimension, line.Unit, line.Direction,
        line.ChannelId, line.ChannelName, line.Actual, line.Target, line.Rag, line.Trend, line.Commentary, mayComment);
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
}

public sealed record ScorecardComparison(ScorecardView A, ScorecardView B, IReadOnlyList<ScorecardComparisonRow> Rows);
