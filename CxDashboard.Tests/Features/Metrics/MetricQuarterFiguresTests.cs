using CxDashboard.Domain.Common;
using CxDashboard.Domain.Metrics;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Metrics;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Tests.Features.Metrics;

/// <summary>
/// The dashboard's and the scorecard's quarter of every agreed metric on a channel sum what SQLite keeps per metric,
/// channel and quarter instead of grouping the values: after every kind of write the kept sums must be what the values
/// themselves sum to, and the quarter's figure what the values say.
/// </summary>
public sealed class MetricQuarterFiguresTests : IAsyncLifetime
{
    private static readonly Period Q4 = Period.Parse("2026-Q4");

    private MetricsData _data = null!;

    public async Task InitializeAsync() => _data = await MetricsData.CreateAsync();

    public async Task DisposeAsync() => await _data.DisposeAsync();

    private sealed record Sums(int ChannelId, int Year, int QuarterOfYear, int MetricId, int Kind, long Count, double Sum, double WeightedSum,
        double WeightSum, long SampleSum, int WithSampleSize, int WithInterval, double SpreadSquares, double WeightedSpreadSquares,
        double LowSum, double HighSum);

    /// <summary>The kept rows, checked against the values summed one by one in memory; returns how many there are.</summary>
    private async Task<int> KeptMatchValuesAsync()
    {
        await using var db = _data.Database.CreateDbContext();
        var values = await db.MetricValues.AsNoTracking().ToListAsync();
        var expected = values
            .GroupBy(v => (Channel: v.ChannelId ?? 0, v.PeriodStart.Year, Quarter: (v.PeriodStart.Month + 2) / 3, v.MetricDefinitionId, Kind: (int)v.PeriodKind))
            .Select(g => Rounded(new Sums(g.Key.Channel, g.Key.Year, g.Key.Quarter, g.Key.MetricDefinitionId, g.Key.Kind, g.Count(),
                g.Sum(v => v.Value), g.Sum(v => v.Value * (v.SampleSize ?? 1)), g.Sum(v => (double)(v.SampleSize ?? 1)),
                g.Sum(v => (long)(v.SampleSize ?? 0)), g.Count(v => v.SampleSize is not null), g.Count(v => v.Low is not null && v.High is not null),
                g.Sum(v => v.High - v.Low is { } w ? w * w : 0), g.Sum(v => v.High - v.Low is { } w ? w * w * (v.SampleSize ?? 1) * (v.SampleSize ?? 1) : 0),
                g.Sum(v => v.Low ?? 0), g.Sum(v => v.High ?? 0))))
            .OrderBy(s => s.ToString(), StringComparer.Ordinal)
            .ToList();
        if (TestDatabase.UsesSqlServer)
        {
            return expected.Count; // SQL Server sums the values themselves.
        }
        var kept = (await db.Database.SqlQuery<MetricQuarterFigure>($"""SELECT * FROM "MetricQuarterFigures" """).ToListAsync())
            .Select(f => Rounded(new Sums(f.ChannelId, f.Year, f.QuarterOfYear, f.MetricDefinitionId, f.PeriodKind, f.Count, f.Sum, f.WeightedSum,
                f.WeightSum, f.SampleSum, f.WithSampleSize, f.WithInterval, f.SpreadSquares, f.WeightedSpreadSquares, f.LowSum, f.HighSum)))
            .OrderBy(s => s.ToString(), StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected, kept);
        return kept.Count;
    }

    private static Sums Rounded(Sums s) => s with
    {
        Sum = Math.Round(s.Sum, 9), WeightedSum = Math.Round(s.WeightedSum, 9), WeightSum = Math.Round(s.WeightSum, 9),
        SpreadSquares = Math.Round(s.SpreadSquares, 9), WeightedSpreadSquares = Math.Round(s.WeightedSpreadSquares, 9),
        LowSum = Math.Round(s.LowSum, 9), HighSum = Math.Round(s.HighSum, 9),
    };

    private async Task<MetricQuarterValue> QuarterOnWebAsync(string code) =>
        (await _data.Service.GetQuarterValuesAsync(Q4, _data.Web)).Single(v => v.Code == code);

    private async Task ChangeValueAsync(int metricId, string period, int? channelId, Action<MetricDefinition, MetricValue> change)
    {
        await using var db = _data.Database.CreateDbContext();
        var metric = (await MetricsService.LoadAsync(db, metricId, CancellationToken.None))!;
        var start = Period.Parse(period).Start;
        change(metric, await db.MetricValues.SingleAsync(v => v.MetricDefinitionId == metricId && v.PeriodStart == start && v.ChannelId == channelId));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task The_kept_sums_follow_each_value_recorded_corrected_and_deleted_and_the_quarter_with_them()
    {
        var csat = await _data.Metric("CSAT").RolledUpBy(Aggregation.WeightedBySample).Every(PeriodKind.Week).AgreedBy(_data.DigitalTeam).SaveAsync();
        var speed = await _data.Metric("SPEED").AgreedBy(_data.DigitalTeam).SaveAsync();
        await _data.AddValuesAsync(csat, ("2026-W41", _data.Web, 80, 100), ("2026-W42", _data.Web, 70, 300), ("2026-W41", null, 75, 500),
            ("2026-W38", _data.Web, 60, 50));
        await _data.AddValuesAsync(speed, ("2026-10", _data.Web, 40, null), ("2026-11", _data.Web, 50, null), ("2026-10", _data.App, 90, null));

        Assert.Equal(5, await KeptMatchValuesAsync());
        Assert.Equal((80 * 100 + 70 * 300) / 400.0, (await QuarterOnWebAsync("CSAT")).Value!.Value, 9);
        Assert.Equal(45, (await QuarterOnWebAsync("SPEED")).Value!.Value, 9);
        Assert.Equal(60, (await QuarterOnWebAsync("CSAT")).PreviousValue!.Value, 9);

        await ChangeValueAsync(csat, "2026-W42", _data.Web, (m, v) => v.Correct(m, 90, 100, _data.CxLead.PersonId!.Value, MetricsData.Now,
            DateOnly.FromDateTime(MetricsData.Now), low: 85, high: 95));
        await KeptMatchValuesAsync();
        Assert.Equal(85, (await QuarterOnWebAsync("CSAT")).Value!.Value, 9);

        await using (var db = _data.Database.CreateDbContext())
        {
            var start = Period.Parse("2026-W41").Start;
            db.MetricValues.Remove(await db.MetricValues.SingleAsync(v => v.MetricDefinitionId == csat && v.PeriodStart == start && v.ChannelId == _data.Web));
            await db.SaveChangesAsync();
        }
        await KeptMatchValuesAsync();
        var alone = await QuarterOnWebAsync("CSAT");
        Assert.Equal((90.0, 85.0, 95.0), (alone.Value!.Value, alone.Figure!.Value.Low!.Value, alone.Figure!.Value.High!.Value));

        await ChangeValueAsync(speed, "2026-11", _data.Web, (m, v) => v.Correct(m, 20, null, _data.CxLead.PersonId!.Value, MetricsData.Now,
            DateOnly.FromDateTime(MetricsData.Now)));
        await KeptMatchValuesAsync();
        Assert.Equal(30, (await QuarterOnWebAsync("SPEED")).Value!.Value, 9);
    }

    [Fact]
    public async Task A_deleted_metric_leaves_no_kept_sums_behind()
    {
        var speed = await _data.Metric("SPEED").AgreedBy(_data.DigitalTeam).SaveAsync();
        await _data.AddValuesAsync(speed, ("2026-10", _data.Web, 40, null), ("2026-07", null, 50, null));
        Assert.Equal(2, await KeptMatchValuesAsync());

        await using (var db = _data.Database.CreateDbContext())
        {
            db.Metrics.Remove(await db.Metrics.SingleAsync(m => m.Id == speed));
            await db.SaveChangesAsync();
        }

        Assert.Equal(0, await KeptMatchValuesAsync());
    }

    [Fact]
    public async Task A_metric_rolled_up_to_its_latest_value_still_shows_the_quarter_s_last_value()
    {
        var stock = await _data.Metric("STOCK").RolledUpBy(Aggregation.Latest).AgreedBy(_data.DigitalTeam).SaveAsync();
        await _data.AddValuesAsync(stock, ("2026-10", _data.Web, 40, null), ("2026-11", _data.Web, 55, null));

        Assert.Equal(55, (await QuarterOnWebAsync("STOCK")).Value!.Value, 9);
    }
}
