using System.Globalization;

namespace CxDashboard.Domain.Common;

/// <summary>
/// A reporting period: an ISO week (<c>2026-W38</c>), a month (<c>2026-09</c>) or a quarter (<c>2026-Q3</c>).
/// </summary>
public readonly record struct Period : IComparable<Period>
{
    private Period(PeriodKind kind, int year, int number)
    {
        Kind = kind;
        Year = year;
        Number = number;
    }

    public PeriodKind Kind { get; }

    /// <summary>The calendar year, or for a week its ISO week-numbering year.</summary>
    public int Year { get; }

    /// <summary>Week 1–53, month 1–12 or quarter 1–4.</summary>
    public int Number { get; }

    public static Period Week(int isoYear, int week)
    {
        if (isoYear is < 1900 or > 9998 || week < 1 || week > ISOWeek.GetWeeksInYear(isoYear))
        {
            throw new DomainException($"Week {week} does not exist in {isoYear}.");
        }
        return new Period(PeriodKind.Week, isoYear, week);
    }

    public static Period Month(int year, int month)
    {
        if (year is < 1900 or > 9998 || month is < 1 or > 12)
        {
            throw new DomainException($"Month {month} of {year} is not a valid month.");
        }
        return new Period(PeriodKind.Month, year, month);
    }

    public static Period Quarter(int year, int quarter)
    {
        if (year is < 1900 or > 9998 || quarter is < 1 or > 4)
        {
            throw new DomainException($"Quarter {quarter} of {year} is not a valid quarter.");
        }
        return new Period(PeriodKind.Quarter, year, quarter);
    }

    /// <summary>The period of the given kind that contains a day.</summary>
    public static Period Containing(DateOnly day, PeriodKind kind)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return kind switch
        {
            PeriodKind.Week => new Period(PeriodKind.Week, ISOWeek.GetYear(date), ISOWeek.GetWeekOfYear(date)),
            PeriodKind.Month => new Period(PeriodKind.Month, day.Year, day.Month),
            PeriodKind.Quarter => new Period(PeriodKind.Quarter, day.Year, (day.Month - 1) / 3 + 1),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    /// <summary>The first day of the period.</summary>
    public DateOnly Start => Kind switch
    {
        PeriodKind.Week => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Number, DayOfWeek.Monday)),
        PeriodKind.Month => new DateOnly(Year, Number, 1),
        PeriodKind.Quarter => new DateOnly(Year, (Number - 1) * 3 + 1, 1),
        _ => default,
    };

    /// <summary>The last day of the period (inclusive).</summary>
    public DateOnly End => Next.Start.AddDays(-1);

    /// <summary>The first instant after the period, in UTC: use as an exclusive upper bound.</summary>
    public DateTime EndExclusiveUtc => Next.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public DateTime StartUtc => Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public Period Next => Kind switch
    {
        PeriodKind.Week => Number < ISOWeek.GetWeeksInYear(Year) ? new Period(Kind, Year, Number + 1) : new Period(Kind, Year + 1, 1),
        PeriodKind.Month => Number < 12 ? new Period(Kind, Year, Number + 1) : new Period(Kind, Year + 1, 1),
        PeriodKind.Quarter => Number < 4 ? new Period(Kind, Year, Number + 1) : new Period(Kind, Year + 1, 1),
        _ => this,
    };

    public Period Previous => Kind switch
    {
        PeriodKind.Week => Number > 1 ? new Period(Kind, Year, Number - 1) : new Period(Kind, Year - 1, ISOWeek.GetWeeksInYear(Year - 1)),
        PeriodKind.Month => Number > 1 ? new Period(Kind, Year, Number - 1) : new Period(Kind, Year - 1, 12),
        PeriodKind.Quarter => Number > 1 ? new Period(Kind, Year, Number - 1) : new Period(Kind, Year - 1, 4),
        _ => this,
    };

    /// <summary>This period and the <paramref name="count"/> − 1 before it, oldest first.</summary>
    public IReadOnlyList<Period> LastN(int count)
    {
        var periods = new Period[count];
        var current = this;
        for (var i = count - 1; i >= 0; i--)
        {
            periods[i] = current;
            current = current.Previous;
        }
        return periods;
    }

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    public int CompareTo(Period other) => Kind != other.Kind
        ? Kind.CompareTo(other.Kind)
        : Start.CompareTo(other.Start);

    public override string ToString() => Kind switch
    {
        PeriodKind.Week => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-W{Number:D2}"),
        PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Number:D2}"),
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{Number}"),
        _ => string.Empty,
    };

    /// <summary>Reads <c>2026-Q3</c>, <c>2026-09</c> or <c>2026-W38</c> (case-insensitive).</summary>
    public static Period Parse(string text) => TryParse(text, out var period)
        ? period
        : throw new DomainException($"'{text}' is not a period: write a quarter as 2026-Q3, a month as 2026-09 or a week as 2026-W38.");

    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        var value = text?.Trim();
        if (value is null || value.Length < 7 || value[4] != '-'
            || !int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year < 1900 || year > 9998)
        {
            return false;
        }
        var rest = value.AsSpan(5);
        if (rest.Length == 2 && (rest[0] is 'Q' or 'q')
            && int.TryParse(rest[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var quarter)
            && quarter is >= 1 and <= 4)
        {
            period = new Period(PeriodKind.Quarter, year, quarter);
            return true;
        }
        if (rest.Length == 3 && (rest[0] is 'W' or 'w')
            && int.TryParse(rest[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var week)
            && week >= 1 && week <= ISOWeek.GetWeeksInYear(year))
        {
            period = new Period(PeriodKind.Week, year, week);
            return true;
        }
        if (rest.Length == 2
            && int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && month is >= 1 and <= 12)
        {
            period = new Period(PeriodKind.Month, year, month);
            return true;
        }
        return false;
    }

    public static bool operator <(Period left, Period right) => left.CompareTo(right) < 0;
    public static bool operator >(Period left, Period right) => left.CompareTo(right) > 0;
    public static bool operator <=(Period left, Period right) => left.CompareTo(right) <= 0;
    public static bool operator >=(Period left, Period right) => left.CompareTo(right) >= 0;
}
