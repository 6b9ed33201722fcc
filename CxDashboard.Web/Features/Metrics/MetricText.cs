using System.Globalization;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Statistics;
using MudBlazor;
using Direction = CxDashboard.Domain.Metrics.Direction;

namespace CxDashboard.Web.Features.Metrics;

/// <summary>How the metric vocabulary reads on screen.</summary>
public static class MetricText
{
    public static string Of(MetricDimension dimension) => dimension switch
    {
        MetricDimension.EffortSatisfaction => "Effort & satisfaction",
        _ => dimension.ToString(),
    };

    public static string Of(MetricUnit unit) => unit switch
    {
        MetricUnit.NpsScore => "NPS (−100 to 100)",
        MetricUnit.Percent => "Percent",
        MetricUnit.RatingOutOf5 => "Rating out of 5",
        MetricUnit.RatingOutOf7 => "Rating out of 7",
        _ => unit.ToString(),
    };

    public static string Of(Direction direction) => direction == Direction.HigherIsBetter ? "Higher is better" : "Lower is better";

    public static string Of(Aggregation aggregation) => aggregation switch
    {
        Aggregation.WeightedBySample => "Average weighted by sample size",
        Aggregation.Latest => "Latest value",
        _ => aggregation.ToString(),
    };

    public static string Of(PeriodKind kind) => kind switch
    {
        PeriodKind.Week => "Weekly",
        PeriodKind.Month => "Monthly",
        _ => "Quarterly",
    };

    public static string Of(ScoreScale? scale) => scale is { } s ? $"Computed from {Scores.Name(s)} scores" : "Entered or imported";

    public static string Of(MetricEventKind kind) => kind switch
    {
        MetricEventKind.Drafted => "Drafted",
        MetricEventKind.Edited => "Edited",
        MetricEventKind.Proposed => "Proposed",
        MetricEventKind.SignedOff => "Signed off",
        MetricEventKind.Objected => "Objected",
        MetricEventKind.Agreed => "Agreed",
        MetricEventKind.RevisionOpened => "New revision opened",
        _ => "Retired",
    };

    public static Color ColorOf(MetricStatus status) => status switch
    {
        MetricStatus.Agreed => Color.Success,
        MetricStatus.Proposed => Color.Info,
        MetricStatus.Retired => Color.Dark,
        _ => Color.Default,
    };

    public static string Format(MetricUnit unit, double? value) => MetricUnitRules.Format(unit, value);

    /// <summary>How many decimals a change or a margin of error is read with: ratings need two, the rest one.</summary>
    public static int Decimals(MetricUnit unit) => FigurePrecision.Decimals(unit);

    /// <summary>"n = 412, ±4.8"; empty when the figure has neither.</summary>
    public static string SampleAndMargin(MetricUnit unit, Estimate figure) => FigureWording.SampleAndMargin(figure, Decimals(unit));

    /// <summary>"n = 412, 95% interval 26.2 to 35.8", for a tooltip.</summary>
    public static string Interval(MetricUnit unit, Estimate figure)
    {
        var parts = new List<string>(2);
        if (figure.SampleSize is { } n)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"n = {n:#,0}"));
        }
        if (figure is { Low: { } low, High: { } high })
        {
            parts.Add($"95% interval {Format(unit, low)} to {Format(unit, high)}");
        }
        return parts.Count == 0 ? "No sample size or interval recorded" : string.Join(", ", parts);
    }

    /// <summary>"+6.8, a real improvement", in the unit's decimals.</summary>
    public static string Verdict(MetricUnit unit, Change change, Direction direction) => FigureWording.Change(change, direction, Decimals(unit));

    public static string When(DateTime? at) => at is { } t ? t.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture) : "—";

    public static string Day(DateTime? at) => at is { } t ? t.ToString("d MMM yyyy", CultureInfo.InvariantCulture) : "—";
}
