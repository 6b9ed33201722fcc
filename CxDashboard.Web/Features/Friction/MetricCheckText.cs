using CxDashboard.Domain.Friction;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Statistics;
using CxDashboard.Web.Features.Metrics;

namespace CxDashboard.Web.Features.Friction;

/// <summary>How a linked metric's before/after check reads on the issue page and in its closing checklist.</summary>
public static class MetricCheckText
{
    /// <summary>"+41 in 2026-Q2 (n = 412, ±4.8)"; without the brackets for a figure typed in without either.</summary>
    public static string Reading(MetricUnit unit, MetricReading reading)
    {
        var detail = FigureWording.SampleAndMargin(reading.Figure, FigurePrecision.Decimals(unit));
        var figure = $"{MetricText.Format(unit, reading.Figure.Value)} in {reading.Period}";
        return detail.Length == 0 ? figure : $"{figure} ({detail})";
    }
}
