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

    /// <summary>How the address names <paramref name="period"/>: "last-12-months" (read back by <c>ViewQuery.Choice</c>, which ignores hyphens).</summary>
    public static string Key(ThemePeriod period) => period switch
    {
        ThemePeriod.ThisQuarter => "this-quarter",
        ThemePeriod.LastQuarter => "last-quarter",
        ThemePeriod.Last30Days => "last-30-days",
        _ => "last-12-months",
    };

    /// <summary>The UTC days [from, to) of <paramref name="period"/> on the day <paramref name="now"/> falls in.</summary>
    public static (DateOnly From, DateOnly To) Range(ThemePeriod period, DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        var quarter = Period.Containing(today, PeriodKind.Quarter);
        var tomorrow = today.AddDays(1);
        return period switch
        {
            ThemePeriod.ThisQuarter => (quarter.Start, quarter.Next.Start),
            ThemePeriod.LastQuarter => (quarter.Previous.Start, quarter.Start),
            ThemePeriod.Last30Days => (tomorrow.AddDays(-30), tomorrow),
            _ => (tomorrow.AddYears(-1), tomorrow),
        };
    }
}
