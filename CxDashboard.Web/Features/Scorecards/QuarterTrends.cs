using CxDashboard.Domain.Common;
using CxDashboard.Web.Features.Metrics;

namespace CxDashboard.Web.Features.Scorecards;

/// <summary>An agreed metric's standing in a quarter with the two quarters before its previous one, for a four-quarter trend.</summary>
public sealed record QuarterTrend(MetricQuarterValue Quarter, double? ThreeQuartersAgo, double? TwoQuartersAgo)
{
    /// <summary>The last four quarters, oldest first, ending with the chosen one.</summary>
    public IReadOnlyList<double?> Values => [ThreeQuartersAgo, TwoQuartersAgo, Quarter.PreviousValue, Quarter.Value];
}

/// <summary>
/// Four quarters of every agreed metric from two reads of <see cref="MetricsService.GetQuarterValuesAsync"/>
/// (each gives a quarter and the one before), so the dashboard and the scorecard agree with the metric pages.
/// </summary>
public static class QuarterTrends
{
    public static async Task<IReadOnlyList<QuarterTrend>> LoadAsync(MetricsService metrics, Period quarter, int? channelId, CancellationToken ct)
    {
        var recent = await metrics.GetQuarterValuesAsync(quarter, channelId, ct);
        var earlier = (await metrics.GetQuarterValuesAsync(quarter.Previous.Previous, channelId, ct)).ToDictionary(v => v.MetricId);
        return recent.Select(v => earlier.TryGetValue(v.MetricId, out var e)
                ? new QuarterTrend(v, e.PreviousValue, e.Value)
                : new QuarterTrend(v, null, null))
            .ToList();
    }
}
