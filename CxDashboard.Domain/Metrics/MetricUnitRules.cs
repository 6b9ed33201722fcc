using System.Globalization;
using CxDashboard.Domain.Common;

namespace CxDashboard.Domain.Metrics;

/// <summary>The range a value may take in each unit, and how it reads.</summary>
public static class MetricUnitRules
{
    public static (double Min, double Max) RangeOf(MetricUnit unit) => unit switch
    {
        MetricUnit.NpsScore => (-100, 100),
        MetricUnit.Percent => (0, 100),
        MetricUnit.RatingOutOf5 => (1, 5),
        MetricUnit.RatingOutOf7 => (1, 7),
        _ => (0, double.MaxValue),
    };

    /// <summary>Null when the value is valid for the unit, otherwise the reason it is not.</summary>
    public static string? Problem(MetricUnit unit, double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return "The value must be a number.";
        }
        var (min, max) = RangeOf(unit);
        if (value < min || value > max)
        {
            return max == double.MaxValue
                ? $"{Label(unit)} cannot be negative."
                : string.Create(CultureInfo.InvariantCulture, $"{Label(unit)} must be between {min} and {max}.");
        }
        return null;
    }

    public static void Check(MetricUnit unit, double value)
    {
        if (Problem(unit, value) is { } problem)
        {
            throw new DomainException(problem);
        }
    }

    public static string Label(MetricUnit unit) => unit switch
    {
        MetricUnit.NpsScore => "An NPS",
        MetricUnit.Percent => "A percentage",
        MetricUnit.RatingOutOf5 => "A rating out of 5",
        MetricUnit.RatingOutOf7 => "A rating out of 7",
        MetricUnit.Currency => "An amount",
        MetricUnit.Hours => "A duration",
        _ => "A value",
    };

    public static string Format(MetricUnit unit, double? value)
    {
        if (value is null)
        {
            return "—";
        }
        var v = value.Value;
        return unit switch
        {
            MetricUnit.NpsScore => v.ToString("+0;−0;0", CultureInfo.InvariantCulture),
            MetricUnit.Percent => v.ToString("0.0", CultureInfo.InvariantCulture) + "%",
            MetricUnit.RatingOutOf5 or MetricUnit.RatingOutOf7 => v.ToString("0.00", CultureInfo.InvariantCulture),
            MetricUnit.Currency => v.ToString("#,0.00", CultureInfo.InvariantCulture),
            MetricUnit.Hours => v.ToString("0.0", CultureInfo.InvariantCulture) + " h",
            _ => v.ToString("#,0.##", CultureInfo.InvariantCulture),
        };
    }
}
