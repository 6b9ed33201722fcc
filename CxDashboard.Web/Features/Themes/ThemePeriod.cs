using CxDashboard.Domain.Common;

namespace CxDashboard.Web.Features.Themes;

/// <summary>The periods the themes page offers, read from the address (period=…).</summary>
public enum ThemePeriod
{
    ThisQuarter,
    LastQuarter,
    Last30Days,
    Last12Months,
}

public static class ThemePeriods
{
    public static string Label(ThemePeriod period) => period switch
    {
        ThemePeriod.ThisQuarter => "This quarter",
        ThemePeriod.LastQuarter => "Last quarter",
        ThemePeriod.Last30Days => "Last 30 days",
        _ => "Last 12 months",
    };

    /// <summary>The UTC range [from, to) of <paramref name="period"/> on the day <paramref name="now"/> falls in.</summary>
    public static (DateTime From, DateTime To) Range(ThemePeriod period, DateTime now)
    {
        var quarter = Period.Containing(DateOnly.FromDateTime(now), PeriodKind.Quarter);
        var tomorrow = DateOnly.FromDateTime(now).AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return period switch
        {
            ThemePeriod.ThisQuarter => (quarter.StartUtc, quarter.EndExclusiveUtc),
            ThemePeriod.LastQuarter => (quarter.Previous.StartUtc, quarter.Previous.EndExclusiveUtc),
            ThemePeriod.Last30Days => (tomorrow.AddDays(-30), tomorrow),
            _ => (tomorrow.AddYears(-1), tomorrow),
        };
    }
}
