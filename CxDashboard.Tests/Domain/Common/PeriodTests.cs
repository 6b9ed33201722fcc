using CxDashboard.Domain.Common;

namespace CxDashboard.Tests.Domain.Common;

public class PeriodTests
{
    [Theory]
    [InlineData("2026-Q3", PeriodKind.Quarter, 2026, 3)]
    [InlineData("2026-09", PeriodKind.Month, 2026, 9)]
    [InlineData("2026-W38", PeriodKind.Week, 2026, 38)]
    public void A_period_is_read_from_its_usual_spelling(string text, PeriodKind kind, int year, int number)
    {
        var period = Period.Parse(text);

        Assert.Equal(kind, period.Kind);
        Assert.Equal(year, period.Year);
        Assert.Equal(number, period.Number);
    }

    [Theory]
    [InlineData("2026-Q3")]
    [InlineData("2026-09")]
    [InlineData("2026-W38")]
    [InlineData("2026-W01")]
    public void A_period_prints_the_way_it_is_written(string text) =>
        Assert.Equal(text, Period.Parse(text).ToString());

    [Theory]
    [InlineData("2026-q3", "2026-Q3")]
    [InlineData("2026-w38", "2026-W38")]
    [InlineData("  2026-Q3  ", "2026-Q3")]
    [InlineData("\t2026-09\n", "2026-09")]
    public void Lower_case_and_surrounding_spaces_are_accepted(string text, string expected) =>
        Assert.Equal(expected, Period.Parse(text).ToString());

    [Fact]
    public void Factories_and_parsing_give_the_same_period()
    {
        Assert.Equal(Period.Quarter(2026, 3), Period.Parse("2026-Q3"));
        Assert.Equal(Period.Month(2026, 9), Period.Parse("2026-09"));
        Assert.Equal(Period.Week(2026, 38), Period.Parse("2026-W38"));
    }

    [Theory]
    [InlineData("2026-Q5")]
    [InlineData("2026-Q0")]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026-W00")]
    [InlineData("2026-W54")]
    [InlineData("2025-W53")]
    [InlineData("2026-9")]
    [InlineData("2026-W5")]
    [InlineData("26-Q3")]
    [InlineData("2026Q3")]
    [InlineData("2026-Q3x")]
    [InlineData("Q3 2026")]
    [InlineData("")]
    public void Text_that_is_not_a_period_is_refused_with_the_accepted_spellings(string text)
    {
        var refused = Assert.Throws<DomainException>(() => Period.Parse(text));

        Assert.Equal(
            $"'{text}' is not a period: write a quarter as 2026-Q3, a month as 2026-09 or a week as 2026-W38.",
            refused.Message);
        Assert.False(Period.TryParse(text, out _));
    }

    [Fact]
    public void Nothing_is_not_a_period() => Assert.False(Period.TryParse(null, out _));

    [Fact]
    public void Week_53_exists_in_2026_but_not_in_2025()
    {
        Assert.Equal(53, Period.Parse("2026-W53").Number);

        var refused = Assert.Throws<DomainException>(() => Period.Week(2025, 53));
        Assert.Equal("Week 53 does not exist in 2025.", refused.Message);
    }

    [Fact]
    public void Factories_refuse_numbers_outside_the_year()
    {
        Assert.Equal("Quarter 5 of 2026 is not a valid quarter.", Assert.Throws<DomainException>(() => Period.Quarter(2026, 5)).Message);
        Assert.Equal("Month 13 of 2026 is not a valid month.", Assert.Throws<DomainException>(() => Period.Month(2026, 13)).Message);
        Assert.Equal("Week 0 does not exist in 2026.", Assert.Throws<DomainException>(() => Period.Week(2026, 0)).Message);
    }

    [Theory]
    [InlineData("2026-Q1", "2026-01-01", "2026-03-31")]
    [InlineData("2026-Q3", "2026-07-01", "2026-09-30")]
    [InlineData("2026-Q4", "2026-10-01", "2026-12-31")]
    [InlineData("2026-02", "2026-02-01", "2026-02-28")]
    [InlineData("2028-02", "2028-02-01", "2028-02-29")]
    [InlineData("2026-12", "2026-12-01", "2026-12-31")]
    [InlineData("2026-W38", "2026-09-14", "2026-09-20")]
    [InlineData("2026-W01", "2025-12-29", "2026-01-04")]
    [InlineData("2026-W53", "2026-12-28", "2027-01-03")]
    [InlineData("2025-W01", "2024-12-30", "2025-01-05")]
    public void A_period_starts_and_ends_on_the_right_days(string text, string start, string end)
    {
        var period = Period.Parse(text);

        Assert.Equal(DateOnly.Parse(start), period.Start);
        Assert.Equal(DateOnly.Parse(end), period.End);
    }

    [Fact]
    public void Utc_bounds_run_from_the_first_midnight_to_the_midnight_after_the_last_day()
    {
        var period = Period.Parse("2026-Q3");

        Assert.Equal(new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc), period.StartUtc);
        Assert.Equal(new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc), period.EndExclusiveUtc);
        Assert.Equal(DateTimeKind.Utc, period.EndExclusiveUtc.Kind);
    }

    [Theory]
    [InlineData("2026-Q3", "2026-Q4")]
    [InlineData("2026-Q4", "2027-Q1")]
    [InlineData("2026-11", "2026-12")]
    [InlineData("2026-12", "2027-01")]
    [InlineData("2026-W38", "2026-W39")]
    [InlineData("2025-W52", "2026-W01")]
    [InlineData("2026-W52", "2026-W53")]
    [InlineData("2026-W53", "2027-W01")]
    public void Next_and_previous_step_across_year_ends(string text, string next)
    {
        Assert.Equal(Period.Parse(next), Period.Parse(text).Next);
        Assert.Equal(Period.Parse(text), Period.Parse(next).Previous);
    }

    [Fact]
    public void The_next_period_starts_the_day_after_this_one_ends()
    {
        var week = Period.Parse("2025-W40");
        for (var i = 0; i < 120; i++)
        {
            Assert.Equal(week.End.AddDays(1), week.Next.Start);
            week = week.Next;
        }
    }

    [Theory]
    [InlineData("2026-09-14", PeriodKind.Week, "2026-W38")]
    [InlineData("2026-09-20", PeriodKind.Week, "2026-W38")]
    [InlineData("2026-09-14", PeriodKind.Month, "2026-09")]
    [InlineData("2026-09-14", PeriodKind.Quarter, "2026-Q3")]
    [InlineData("2026-10-01", PeriodKind.Quarter, "2026-Q4")]
    [InlineData("2025-12-29", PeriodKind.Week, "2026-W01")]
    [InlineData("2027-01-01", PeriodKind.Week, "2026-W53")]
    [InlineData("2027-01-01", PeriodKind.Month, "2027-01")]
    [InlineData("2027-01-01", PeriodKind.Quarter, "2027-Q1")]
    public void The_period_containing_a_day_is_found_for_each_kind(string day, PeriodKind kind, string expected)
    {
        var period = Period.Containing(DateOnly.Parse(day), kind);

        Assert.Equal(Period.Parse(expected), period);
        Assert.True(period.Contains(DateOnly.Parse(day)));
    }

    [Fact]
    public void A_period_contains_its_first_and_last_day_and_nothing_outside()
    {
        var week = Period.Parse("2026-W01");

        Assert.True(week.Contains(new DateOnly(2025, 12, 29)));
        Assert.True(week.Contains(new DateOnly(2026, 1, 4)));
        Assert.False(week.Contains(new DateOnly(2025, 12, 28)));
        Assert.False(week.Contains(new DateOnly(2026, 1, 5)));
    }

    [Fact]
    public void The_last_four_quarters_end_with_this_one_oldest_first()
    {
        var quarters = Period.Parse("2026-Q1").LastN(4);

        Assert.Equal(["2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1"], quarters.Select(q => q.ToString()));
    }

    [Fact]
    public void The_last_weeks_cross_into_a_53_week_year()
    {
        var weeks = Period.Parse("2027-W02").LastN(3);

        Assert.Equal(["2026-W53", "2027-W01", "2027-W02"], weeks.Select(w => w.ToString()));
    }

    [Fact]
    public void The_last_one_period_is_the_period_itself() =>
        Assert.Equal([Period.Parse("2026-09")], Period.Parse("2026-09").LastN(1));

    [Fact]
    public void Periods_of_a_kind_sort_by_time()
    {
        var unordered = new[] { "2026-Q1", "2025-Q4", "2026-Q3", "2025-Q1" }.Select(Period.Parse);

        Assert.Equal(["2025-Q1", "2025-Q4", "2026-Q1", "2026-Q3"], unordered.Order().Select(p => p.ToString()));
        Assert.True(Period.Parse("2025-12") < Period.Parse("2026-01"));
        Assert.True(Period.Parse("2026-W53") < Period.Parse("2027-W01"));
        Assert.True(Period.Parse("2026-Q3") >= Period.Parse("2026-Q3"));
        Assert.True(Period.Parse("2026-Q4") > Period.Parse("2026-Q3"));
        Assert.True(Period.Parse("2026-Q3") <= Period.Parse("2026-Q4"));
    }
}
