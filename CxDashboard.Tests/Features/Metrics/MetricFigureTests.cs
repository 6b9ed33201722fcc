using System.Text;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Statistics;
using CxDashboard.Web.Features.Metrics;

namespace CxDashboard.Tests.Features.Metrics;

/// <summary>Every figure carries its answers and 95% interval, read from the database's daily counts or recorded with the value.</summary>
public sealed class MetricFigureTests : IAsyncLifetime
{
    private static readonly DateTime InOctober = new(2026, 10, 14, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime InAugust = new(2026, 8, 12, 10, 0, 0, DateTimeKind.Utc);

    private MetricsData _data = null!;

    public async Task InitializeAsync() => _data = await MetricsData.CreateAsync();

    public async Task DisposeAsync() => await _data.DisposeAsync();

    private Task AddNpsAsync(int channel, DateTime at, int promoters, int passives, int detractors) =>
        _data.AddScoresAsync(channel, ScoreScale.Nps, at,
            [.. Enumerable.Repeat(9, promoters), .. Enumerable.Repeat(7, passives), .. Enumerable.Repeat(3, detractors)]);

    [Fact]
    public async Task A_computed_nps_carries_its_answers_and_its_adjusted_Wald_interval()
    {
        var nps = await _data.Metric("NPS").ComputedFrom(ScoreScale.Nps).On(_data.Store).AgreedBy(_data.StoresTeam).SaveAsync();
        await AddNpsAsync(_data.Store, InOctober, promoters: 15, passives: 13, detractors: 8);

        var october = (await _data.Service.GetSeriesAsync(_data.CxLead, nps, new SeriesRequest(2, PeriodKind.Month)))!
            .Periods.Single(p => p.Period == Period.Parse("2026-10"));

        var figure = october.Figure!.Value;
        Assert.Equal(36, figure.SampleSize);
        Assert.Equal(19.44, figure.Value, 2);
        Assert.Equal(-6.28, figure.Low!.Value, 2);
        Assert.Equal(42.18, figure.High!.Value, 2);
        Assert.Equal(36, october.ChannelFigures![_data.Store].SampleSize);
    }

    [Fact]
    public async Task A_computed_effort_score_carries_the_t_interval_of_its_scores()
    {
        var ces = await _data.Metric("CES").ComputedFrom(ScoreScale.Ces).Measured(MetricUnit.RatingOutOf7, Direction.LowerIsBetter)
            .On(_data.Store).AgreedBy(_data.StoresTeam).SaveAsync();
        int[] scores = [7, 5, 3, 6, 6, 2, 4, 5];
        await _data.AddScoresAsync(_data.Store, ScoreScale.Ces, InOctober, scores);

        var figure = (await _data.Service.GetSeriesAsync(_data.CxLead, ces, new SeriesRequest(2, PeriodKind.Month)))!
            .Periods.Single(p => p.Period == Period.Parse("2026-10")).Figure!.Value;

        var expected = new MeanSample(scores.Length, scores.Sum(), scores.Sum(s => s * s)).Estimate()!.Value;
        Assert.Equal((8, 4.75), (figure.SampleSize!.Value, figure.Value));
        Assert.Equal(expected.Low!.Value, figure.Low!.Value, 9);
        Assert.Equal(expected.High!.Value, figure.High!.Value, 9);
    }

    [Fact]
    public async Task A_figure_on_fewer_answers_than_the_minimum_gets_no_rag()
    {
        var nps = await _data.Metric("NPS").ComputedFrom(ScoreScale.Nps).On(_data.Store).Target("2026-Q4", 10, 5)
            .AgreedBy(_data.StoresTeam).SaveAsync();
        await AddNpsAsync(_data.Store, InOctober, promoters: 3, passives: 3, detractors: 3);

        var quarter = (await _data.Service.GetQuarterValuesAsync(Period.Parse("2026-Q4"), null)).Single();
        var month = (await _data.Service.GetSeriesAsync(_data.CxLead, nps, new SeriesRequest(1, PeriodKind.Month)))!
            .Periods.Single(p => p.Period == Period.Parse("2026-10"));

        Assert.True(quarter.HasTooFewAnswers);
        Assert.Equal((0.0, 9, Rag.None), (quarter.Value!.Value, quarter.Figure!.Value.SampleSize!.Value, quarter.Rag));
        Assert.True(month.HasTooFewAnswers);
        Assert.Equal(Rag.None, month.Rag);
    }

    [Fact]
    public async Task The_owner_can_lower_the_minimum_so_that_a_small_channel_is_rated()
    {
        await _data.Metric("NPS").ComputedFrom(ScoreScale.Nps).On(_data.Store).Target("2026-Q4", 10, 5)
            .RequiringAnswers(9).AgreedBy(_data.StoresTeam).SaveAsync();
        await AddNpsAsync(_data.Store, InOctober, promoters: 3, passives: 3, detractors: 3);

        var quarter = (await _data.Service.GetQuarterValuesAsync(Period.Parse("2026-Q4"), null)).Single();

        Assert.False(quarter.HasTooFewAnswers);
        Assert.Equal(Rag.Red, quarter.Rag);
    }

    [Fact]
    public async Task A_quarter_on_last_quarter_is_tested_on_the_answers_of_both()
    {
        await _data.Metric("NPS").ComputedFrom(ScoreScale.Nps).On(_data.Store).AgreedBy(_data.StoresTeam).SaveAsync();
        await AddNpsAsync(_data.Store, InAugust, promoters: 200, passives: 150, detractors: 150);
        await AddNpsAsync(_data.Store, InOctober, promoters: 240, passives: 150, detractors: 110);

        var quarter = (await _data.Service.GetQuarterValuesAsync(Period.Parse("2026-Q4"), null)).Single();

        Assert.Equal(16, quarter.Change!.Delta, 9);
        Assert.Equal(ChangeVerdict.RealImprovement, quarter.Change.Verdict(Direction.HigherIsBetter));
        Assert.Equal(500, quarter.PreviousFigure!.Value.SampleSize);
    }

    [Fact]
    public async Task A_value_typed_in_with_its_interval_keeps_it()
    {
        var id = await _data.Metric("SAT").RolledUpBy(Aggregation.WeightedBySample).AgreedBy(_data.StoresTeam).SaveAsync();
        var october = Period.Parse("2026-10");

        var result = await _data.Commands.SaveValuesAsync(_data.CxLead, id, [new ValueInput(1, october, null, 72, 400, Low: 67.5, High: 76.2)]);

        Assert.True(result.Succeeded);
        var cell = (await _data.Service.GetValueGridAsync(_data.CxLead, id))!.CellAt(october, null)!;
        Assert.Equal((72.0, 400, 67.5, 76.2), (cell.Value, cell.SampleSize!.Value, cell.Low!.Value, cell.High!.Value));
        var figure = (await _data.Service.GetSeriesAsync(_data.CxLead, id, new SeriesRequest(1, PeriodKind.Month)))!
            .Periods.Single(p => p.Period == october).Figure!.Value;
        Assert.Equal((67.5, 76.2), (figure.Low!.Value, figure.High!.Value));
    }

    [Theory]
    [InlineData(70.0, null, "both ends of the interval")]
    [InlineData(73.0, 76.0, "low at or below the value")]
    [InlineData(60.0, 101.0, "between 0 and 100")]
    public async Task An_interval_that_does_not_fit_the_value_is_refused_and_nothing_is_saved(double low, double? high, string reason)
    {
        var id = await _data.Metric("SAT").AgreedBy(_data.StoresTeam).SaveAsync();

        var result = await _data.Commands.SaveValuesAsync(_data.CxLead, id,
            [new ValueInput(1, Period.Parse("2026-10"), null, 72, 400, Low: low, High: high)]);

        Assert.Contains(reason, Assert.Single(result.Problems).Reason);
        Assert.Null((await _data.Service.GetValueGridAsync(_data.CxLead, id))!.CellAt(Period.Parse("2026-10"), null));
    }

    [Fact]
    public async Task An_import_may_carry_each_values_interval()
    {
        var id = await _data.Metric("SAT").AgreedBy(_data.StoresTeam).SaveAsync();

        var result = await _data.Importer.ImportAsync(_data.CxLead, id, "values.csv",
            new MemoryStream(Encoding.UTF8.GetBytes("Period,Channel,Value,SampleSize,Low,High\n2026-10,,72,400,67.5,76.2\n2026-09,,70,,,\n")));

        Assert.True(result.Succeeded);
        var grid = (await _data.Service.GetValueGridAsync(_data.CxLead, id))!;
        Assert.Equal((67.5, 76.2), (grid.CellAt(Period.Parse("2026-10"), null)!.Low!.Value, grid.CellAt(Period.Parse("2026-10"), null)!.High!.Value));
        Assert.Null(grid.CellAt(Period.Parse("2026-09"), null)!.Low);
    }

    [Fact]
    public async Task Weekly_intervals_roll_up_into_a_narrower_monthly_one()
    {
        var id = await _data.Metric("SAT").Every(PeriodKind.Week).AgreedBy(_data.StoresTeam).SaveAsync();
        await _data.Commands.SaveValuesAsync(_data.CxLead, id,
        [
            new ValueInput(1, Period.Parse("2026-W41"), null, 70, 100, Low: 66, High: 74),
            new ValueInput(2, Period.Parse("2026-W42"), null, 74, 100, Low: 70, High: 78),
        ]);

        var figure = (await _data.Service.GetSeriesAsync(_data.CxLead, id, new SeriesRequest(1, PeriodKind.Month)))!
            .Periods.Single(p => p.Period == Period.Parse("2026-10")).Figure!.Value;

        // Two independent half-widths of 4 averaged: √(4² + 4²) / 2 = 2.83.
        Assert.Equal(72, figure.Value, 9);
        Assert.Equal(2.83, figure.MarginOfError!.Value, 2);
    }

    [Fact]
    public async Task The_minimum_number_of_answers_is_kept_with_the_metric_and_checked()
    {
        var id = await _data.Metric("NPS").ComputedFrom(ScoreScale.Nps).AgreedBy(_data.StoresTeam).SaveAsync();
        var (form, version) = (await _data.Commands.GetFormAsync(id))!.Value;
        Assert.Equal(MinimumSample.Default, form.MinimumSampleSize);

        form.MinimumSampleSize = 0;
        var refused = await Assert.ThrowsAsync<DomainException>(() => _data.Commands.UpdateAsync(_data.CxLead, id, version, form, propose: false));
        Assert.Contains("between 1 and", refused.Message);

        form.MinimumSampleSize = 50;
        await _data.Commands.UpdateAsync(_data.CxLead, id, version, form, propose: false);
        Assert.Equal(50, (await _data.Commands.GetFormAsync(id))!.Value.Form.MinimumSampleSize);
    }

    [Fact]
    public async Task The_catalogue_shows_the_answers_behind_the_latest_figure()
    {
        await _data.Metric("NPS").ComputedFrom(ScoreScale.Nps).On(_data.Store).Target("2026-Q4", 10, 5).AgreedBy(_data.StoresTeam).SaveAsync();
        await AddNpsAsync(_data.Store, MetricsData.Now.AddDays(-1), promoters: 4, passives: 2, detractors: 3);

        var row = Assert.Single((await _data.Service.GetCatalogueAsync(_data.CxLead, new MetricCatalogueRequest(new MetricCatalogueFilter(), 0, 10,
            MetricSortColumn.Name, false))).Rows);

        Assert.Equal(9, row.Latest!.Value.SampleSize);
        Assert.True(row.HasTooFewAnswers);
        Assert.Equal(Rag.None, row.Rag);
    }
}
