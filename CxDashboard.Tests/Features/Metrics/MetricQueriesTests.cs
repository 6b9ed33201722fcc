using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Metrics;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Features.Metrics;

namespace CxDashboard.Tests.Features.Metrics;

public sealed class MetricQueriesTests : IAsyncLifetime
{
    private MetricsData _data = null!;

    public async Task InitializeAsync() => _data = await MetricsData.CreateAsync();

    public async Task DisposeAsync() => await _data.DisposeAsync();

    private Task<MetricCataloguePage> CatalogueAsync(Web.Features.Common.Caller caller, MetricCatalogueFilter? filter = null,
        MetricSortColumn sort = MetricSortColumn.Name, bool descending = false) =>
        _data.Service.GetCatalogueAsync(caller, new MetricCatalogueRequest(filter ?? new MetricCatalogueFilter(), 0, 25, sort, descending));

    [Fact]
    public async Task An_executive_sees_only_agreed_metrics_in_the_catalogue()
    {
        var agreed = await _data.Metric("NPS").Named("Net Promoter Score").AgreedBy(_data.StoresTeam).SaveAsync();
        var draft = await _data.Metric("DRAFT").Named("Basket size").SaveAsync();
        await _data.Metric("PROPOSED").Named("Click and collect wait").ProposedTo(_data.StoresTeam).SaveAsync();

        var executive = await CatalogueAsync(_data.Executive);
        var lead = await CatalogueAsync(_data.CxLead);
        var askingForDrafts = await CatalogueAsync(_data.Executive, new MetricCatalogueFilter(Status: MetricStatus.Draft));

        Assert.Equal(["NPS"], executive.Rows.Select(r => r.Code));
        Assert.Equal(1, executive.TotalCount);
        Assert.Equal(3, lead.TotalCount);
        Assert.Empty(askingForDrafts.Rows);
        Assert.Null(await _data.Service.GetDetailsAsync(_data.Executive, draft));
        Assert.NotNull(await _data.Service.GetDetailsAsync(_data.Executive, agreed));
    }

    public static TheoryData<string> ReadersOfAgreedContent => [Roles.Executive, Roles.Contributor, Roles.Admin];

    [Theory]
    [MemberData(nameof(ReadersOfAgreedContent))]
    public async Task Someone_who_neither_writes_nor_agrees_metrics_sees_the_agreed_revision_and_not_the_one_being_agreed(string role)
    {
        var reader = _data.Executive with { Roles = new HashSet<string> { role } };
        var id = await _data.Metric("CONV").Target("2026-Q4", 40, 2).AgreedBy(_data.StoresTeam).SaveAsync();
        var (form, version) = (await _data.Commands.GetFormAsync(id))!.Value;
        form.Targets[0].Value = 45;
        form.Note = "Raise the bar after the checkout redesign";
        await _data.Commands.UpdateAsync(_data.CxLead, id, version, form, propose: true);

        var details = (await _data.Service.GetDetailsAsync(reader, id))!;
        var row = Assert.Single((await CatalogueAsync(reader)).Rows);

        Assert.Equal((1, 40.0), (details.InForce!.Number, details.InForce.Targets.Single().Value));
        Assert.Null(details.Pending);
        Assert.Equal([1], details.Revisions.Select(r => r.Number));
        Assert.DoesNotContain(details.Events, e => e.RevisionNumber == 2 || e.Comment?.Contains("Raise the bar", StringComparison.Ordinal) == true);
        Assert.False(row.HasPendingRevision);
        var lead = (await _data.Service.GetDetailsAsync(_data.StoresLead, id))!;
        Assert.Equal((2, 45.0), (lead.Pending!.Number, lead.Pending.Targets.Single().Value));
        Assert.True(Assert.Single((await CatalogueAsync(_data.StoresLead)).Rows).HasPendingRevision);
    }

    [Fact]
    public async Task The_catalogue_shows_the_latest_value_against_its_target_with_a_sparkline()
    {
        var id = await _data.Metric("CONV").Target("2026-Q4", 80, 5).Target("2026-Q4", 70, 1, _data.Store).AgreedBy(_data.StoresTeam).SaveAsync();
        await _data.AddValuesAsync(id, ("2026-09", null, 70, null), ("2026-10", null, 78, null), ("2026-11", null, 77, null),
            ("2026-11", _data.Store, 60, null));

        var row = Assert.Single((await CatalogueAsync(_data.CxLead)).Rows);

        Assert.Equal((Period.Parse("2026-11"), 77.0, 80.0, Rag.Amber), (row.LatestPeriod!.Value, row.LatestValue!.Value, row.Target!.Value, row.Rag));
        Assert.Equal([null, null, null, null, null, 70.0, 78.0, 77.0], row.Sparkline);

        var store = Assert.Single((await CatalogueAsync(_data.CxLead, new MetricCatalogueFilter(ChannelId: _data.Store))).Rows);
        Assert.Equal((60.0, 70.0, Rag.Red), (store.LatestValue!.Value, store.Target!.Value, store.Rag));
    }

    [Fact]
    public async Task The_latest_value_is_shown_even_when_it_is_older_than_the_sparkline()
    {
        var id = await _data.Metric("OLD").Measured(MetricUnit.Hours, Direction.LowerIsBetter).Target("2025-Q1", 24, 4).SaveAsync();
        await _data.AddValuesAsync(id, ("2025-02", null, 20, null));

        var row = Assert.Single((await CatalogueAsync(_data.CxLead)).Rows);

        Assert.Equal((20.0, Rag.Green), (row.LatestValue!.Value, row.Rag));
        Assert.All(row.Sparkline, Assert.Null);
    }

    [Fact]
    public async Task The_catalogue_filters_by_search_dimension_team_and_channel_and_sorts_by_any_column()
    {
        await _data.Metric("NPS").Named("Net Promoter Score").In(MetricDimension.Advocacy).On(_data.Store, _data.Web).SaveAsync();
        await _data.Metric("CES").Named("Customer effort").In(MetricDimension.EffortSatisfaction).On(_data.App).SaveAsync();
        await _data.Metric("SOW").Named("Share of wallet_100%").In(MetricDimension.Commitment).On(_data.Store).SaveAsync();

        Assert.Equal(["NPS"], (await CatalogueAsync(_data.CxLead, new MetricCatalogueFilter(Search: "promoter"))).Rows.Select(r => r.Code));
        Assert.Equal(["SOW"], (await CatalogueAsync(_data.CxLead, new MetricCatalogueFilter(Search: "_100%"))).Rows.Select(r => r.Code));
        Assert.Equal(["CES"], (await CatalogueAsync(_data.CxLead, new MetricCatalogueFilter(Dimension: MetricDimension.EffortSatisfaction))).Rows.Select(r => r.Code));
        Assert.Equal(["NPS", "SOW"], (await CatalogueAsync(_data.CxLead, new MetricCatalogueFilter(ChannelId: _data.Store), MetricSortColumn.Code)).Rows.Select(r => r.Code));
        Assert.Empty((await CatalogueAsync(_data.CxLead, new MetricCatalogueFilter(OwningTeamId: _data.StoresTeam))).Rows);
        Assert.Equal(["SOW", "NPS", "CES"], (await CatalogueAsync(_data.CxLead, sort: MetricSortColumn.Code, descending: true)).Rows.Select(r => r.Code));
        Assert.Equal(["CES", "NPS", "SOW"], (await CatalogueAsync(_data.CxLead, sort: MetricSortColumn.Name)).Rows.Select(r => r.Code));
    }

    [Fact]
    public async Task Nps_is_computed_per_channel_and_in_total_from_feedback_scores()
    {
        var id = await _data.Metric("NPS").ComputedFrom(ScoreScale.Nps).On(_data.Store, _data.Web).AgreedBy(_data.StoresTeam).SaveAsync();
        var november = new DateTime(2026, 11, 10, 12, 0, 0, DateTimeKind.Utc);
        await _data.AddScoresAsync(_data.Store, ScoreScale.Nps, november, 10, 9, 8, 3);
        await _data.AddScoresAsync(_data.Web, ScoreScale.Nps, november, 10, 0);
        await _data.AddScoresAsync(_data.App, ScoreScale.Nps, november, 0, 0, 0);
        await _data.AddScoresAsync(_data.Store, ScoreScale.Csat, november, 1, 1);
        await _data.AddScoresAsync(_data.Store, ScoreScale.Nps, new DateTime(2026, 10, 31, 23, 0, 0, DateTimeKind.Utc), 10);

        var series = await _data.Service.GetSeriesAsync(_data.CxLead, id, new SeriesRequest(4, PeriodKind.Month));

        var month = series!.Periods.Single(p => p.Period == Period.Parse("2026-11"));
        Assert.Equal(25, month.ByChannel[_data.Store], 6);
        Assert.Equal(0, month.ByChannel[_data.Web], 6);
        Assert.False(month.ByChannel.ContainsKey(_data.App));
        Assert.Equal(100.0 * (3 - 2) / 6, month.Total!.Value, 6);
        Assert.Equal(100, series.Periods.Single(p => p.Period == Period.Parse("2026-10")).ByChannel[_data.Store], 6);

        var grid = await _data.Service.GetValueGridAsync(_data.CxLead, id);
        Assert.True(grid!.IsComputed);
        Assert.All(grid.Columns, c => Assert.False(c.Editable));
        Assert.Equal(6, grid.CellAt(Period.Parse("2026-11"), null)!.SampleSize);
    }

    [Fact]
    public async Task Csat_and_ces_are_computed_from_their_own_scales_by_week()
    {
        var csat = await _data.Metric("CSAT").ComputedFrom(ScoreScale.Csat).Every(PeriodKind.Week).On(_data.Store).SaveAsync();
        var ces = await _data.Metric("CES").ComputedFrom(ScoreScale.Ces).Measured(MetricUnit.RatingOutOf7).Every(PeriodKind.Week).On(_data.Store).SaveAsync();
        var monday = new DateTime(2026, 11, 16, 8, 0, 0, DateTimeKind.Utc);
        await _data.AddScoresAsync(_data.Store, ScoreScale.Csat, monday, 5, 4, 3, 1);
        await _data.AddScoresAsync(_data.Store, ScoreScale.Ces, monday.AddDays(6), 7, 5, 3);

        var csatWeek = (await _data.Service.GetSeriesAsync(_data.CxLead, csat, new SeriesRequest(4, PeriodKind.Week)))!
            .Periods.Single(p => p.Period == Period.Parse("2026-W47"));
        var cesWeek = (await _data.Service.GetSeriesAsync(_data.CxLead, ces, new SeriesRequest(4, PeriodKind.Week)))!
            .Periods.Single(p => p.Period == Period.Parse("2026-W47"));

        Assert.Equal(50, csatWeek.Total!.Value, 6);
        Assert.Equal(5, cesWeek.Total!.Value, 6);
    }

    [Fact]
    public async Task Weekly_values_roll_up_to_months_and_quarters_by_each_metrics_aggregation()
    {
        var sum = await _data.Metric("ORDERS").Measured(MetricUnit.Number).RolledUpBy(Aggregation.Sum).Every(PeriodKind.Week).AgreedBy(_data.StoresTeam).SaveAsync();
        var latest = await _data.Metric("MEMBERS").Measured(MetricUnit.Number).RolledUpBy(Aggregation.Latest).Every(PeriodKind.Week).AgreedBy(_data.StoresTeam).SaveAsync();
        var weighted = await _data.Metric("SAT").RolledUpBy(Aggregation.WeightedBySample).Every(PeriodKind.Week).AgreedBy(_data.StoresTeam).SaveAsync();
        await _data.AddValuesAsync(sum, ("2026-W41", null, 10, null), ("2026-W42", null, 20, null), ("2026-W38", null, 5, null));
        await _data.AddValuesAsync(latest, ("2026-W41", null, 1000, null), ("2026-W45", null, 1200, null), ("2026-W43", null, 1100, null));
        await _data.AddValuesAsync(weighted, ("2026-W41", null, 80, 100), ("2026-W42", null, 60, 300));

        var byMonth = await _data.Service.GetSeriesAsync(_data.CxLead, sum, new SeriesRequest(4, PeriodKind.Month));
        var quarter = (await _data.Service.GetQuarterValuesAsync(Period.Parse("2026-Q4"), null)).ToDictionary(v => v.Code);

        Assert.Equal(30, byMonth!.Periods.Single(p => p.Period == Period.Parse("2026-10")).Total);
        Assert.Equal((30.0, 5.0), (quarter["ORDERS"].Value!.Value, quarter["ORDERS"].PreviousValue!.Value));
        Assert.Equal(1200, quarter["MEMBERS"].Value);
        Assert.Equal(65, quarter["SAT"].Value!.Value, 6);
    }

    [Fact]
    public async Task Quarter_values_cover_every_agreed_metric_with_its_target_and_rag()
    {
        var conversion = await _data.Metric("CONV").Target("2026-Q4", 70, 10).Target("2026-Q4", 50, 2, _data.Web).AgreedBy(_data.StoresTeam).SaveAsync();
        var waits = await _data.Metric("WAIT").Measured(MetricUnit.Hours, Direction.LowerIsBetter).Target("2026-Q4", 24, 4).AgreedBy(_data.StoresTeam).SaveAsync();
        await _data.Metric("DRAFT").SaveAsync();
        await _data.AddValuesAsync(conversion, ("2026-10", null, 60, null), ("2026-11", null, 70, null), ("2026-09", null, 58, null), ("2026-11", _data.Web, 51, null));
        await _data.AddValuesAsync(waits, ("2026-10", null, 30, null));

        var total = (await _data.Service.GetQuarterValuesAsync(Period.Parse("2026-Q4"), null)).ToDictionary(v => v.Code);
        var web = (await _data.Service.GetQuarterValuesAsync(Period.Parse("2026-Q4"), _data.Web)).ToDictionary(v => v.Code);

        Assert.Equal(["CONV", "WAIT"], total.Keys.Order());
        Assert.Equal((65.0, 70.0, 10.0, Rag.Amber, 58.0), (total["CONV"].Value!.Value, total["CONV"].Target!.Value, total["CONV"].AmberTolerance!.Value, total["CONV"].Rag, total["CONV"].PreviousValue!.Value));
        Assert.Equal((30.0, Rag.Red), (total["WAIT"].Value!.Value, total["WAIT"].Rag));
        Assert.Equal((51.0, 50.0, Rag.Green), (web["CONV"].Value!.Value, web["CONV"].Target!.Value, web["CONV"].Rag));
        Assert.Equal((null, 24.0, Rag.None), (web["WAIT"].Value, web["WAIT"].Target!.Value, web["WAIT"].Rag));
    }

    private async Task<List<string>> AllPagesAsync(Web.Features.Common.Caller caller, MetricSortColumn sort, bool descending, int pageSize = 2)
    {
        var codes = new List<string>();
        for (var page = 0; ; page++)
        {
            var result = await _data.Service.GetCatalogueAsync(caller, new MetricCatalogueRequest(new MetricCatalogueFilter(), page, pageSize, sort, descending));
            Assert.True(result.Rows.Count <= pageSize);
            codes.AddRange(result.Rows.Select(r => r.Code));
            if ((page + 1) * pageSize >= result.TotalCount)
            {
                return codes;
            }
        }
    }

    [Fact]
    public async Task Sorting_by_latest_value_orders_every_page_by_value_with_valueless_metrics_last()
    {
        var a = await _data.Metric("A").Named("Alpha").SaveAsync();
        await _data.Metric("B").Named("Bravo").SaveAsync();
        var c = await _data.Metric("C").Named("Charlie").SaveAsync();
        var d = await _data.Metric("D").Named("Delta").SaveAsync();
        await _data.Metric("E").Named("Echo").SaveAsync();
        var old = await _data.Metric("F").Named("Foxtrot").SaveAsync();
        await _data.AddValuesAsync(a, ("2026-11", null, 50, null));
        await _data.AddValuesAsync(c, ("2026-10", null, 10, null), ("2026-11", null, 90, null));
        await _data.AddValuesAsync(d, ("2026-11", null, 70, null), ("2026-11", _data.Store, 5, null));
        await _data.AddValuesAsync(old, ("2024-03", null, 60, null));

        Assert.Equal(["A", "F", "D", "C", "B", "E"], await AllPagesAsync(_data.CxLead, MetricSortColumn.LatestValue, descending: false));
        Assert.Equal(["C", "D", "F", "A", "B", "E"], await AllPagesAsync(_data.CxLead, MetricSortColumn.LatestValue, descending: true));

        var firstPage = await _data.Service.GetCatalogueAsync(_data.CxLead,
            new MetricCatalogueRequest(new MetricCatalogueFilter(), 0, 2, MetricSortColumn.LatestValue, Descending: true));
        Assert.Equal(6, firstPage.TotalCount);
        Assert.Equal([90.0, 70.0], firstPage.Rows.Select(r => r.LatestValue!.Value));
        Assert.Equal([null, null, null, null, null, null, 10.0, 90.0], firstPage.Rows[0].Sparkline);

        var onStore = await _data.Service.GetCatalogueAsync(_data.CxLead,
            new MetricCatalogueRequest(new MetricCatalogueFilter(ChannelId: _data.Store), 0, 10, MetricSortColumn.LatestValue));
        Assert.Equal(["D", "A", "B", "C", "E", "F"], onStore.Rows.Select(r => r.Code));
    }

    [Fact]
    public async Task Sorting_by_rag_puts_red_first_and_unrated_metrics_last_and_executives_still_see_agreed_only()
    {
        var green = await _data.Metric("GREEN").Named("Zulu").Target("2026-Q4", 80, 5).AgreedBy(_data.StoresTeam).SaveAsync();
        var amber = await _data.Metric("AMBER").Named("Yankee").Target("2026-Q4", 80, 5).AgreedBy(_data.StoresTeam).SaveAsync();
        var red = await _data.Metric("RED").Named("X-ray").Target("2026-Q4", 80, 5).AgreedBy(_data.StoresTeam).SaveAsync();
        var draftRed = await _data.Metric("DRAFTRED").Named("Whiskey").Target("2026-Q4", 80, 5).SaveAsync();
        var untargeted = await _data.Metric("NOTARGET").Named("Victor").AgreedBy(_data.StoresTeam).SaveAsync();
        await _data.Metric("NOVALUE").Named("Uniform").Target("2026-Q4", 80, 5).AgreedBy(_data.StoresTeam).SaveAsync();
        await _data.AddValuesAsync(green, ("2026-11", null, 90, null));
        await _data.AddValuesAsync(amber, ("2026-11", null, 77, null));
        await _data.AddValuesAsync(red, ("2026-11", null, 60, null));
        await _data.AddValuesAsync(draftRed, ("2026-11", null, 10, null));
        await _data.AddValuesAsync(untargeted, ("2026-11", null, 99, null));

        Assert.Equal(["DRAFTRED", "RED", "AMBER", "GREEN", "NOVALUE", "NOTARGET"], await AllPagesAsync(_data.CxLead, MetricSortColumn.Rag, descending: false));
        Assert.Equal(["GREEN", "AMBER", "DRAFTRED", "RED", "NOVALUE", "NOTARGET"], await AllPagesAsync(_data.CxLead, MetricSortColumn.Rag, descending: true));
        Assert.Equal(["RED", "AMBER", "GREEN", "NOVALUE", "NOTARGET"], await AllPagesAsync(_data.Executive, MetricSortColumn.Rag, descending: false));

        var worst = await _data.Service.GetCatalogueAsync(_data.Executive,
            new MetricCatalogueRequest(new MetricCatalogueFilter(), 0, 1, MetricSortColumn.Rag));
        Assert.Equal(5, worst.TotalCount);
        var row = Assert.Single(worst.Rows);
        Assert.Equal(("RED", 60.0, 80.0, Rag.Red), (row.Code, row.LatestValue!.Value, row.Target!.Value, row.Rag));
    }
}
