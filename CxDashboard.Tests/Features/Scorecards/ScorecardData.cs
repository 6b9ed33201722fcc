using CxDashboard.Domain.Common;
using CxDashboard.Domain.Metrics;
using CxDashboard.Tests.Features.Metrics;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Scorecards;

namespace CxDashboard.Tests.Features.Scorecards;

/// <summary>
/// The metrics retailer (clock in 2026-Q4) with two agreed quarterly metrics: satisfaction, owned by
/// the stores lead and measured in store and on the website, and delivery promise kept, owned by CX.
/// </summary>
public sealed class ScorecardData : IAsyncDisposable
{
    public static readonly Period Q3 = Period.Quarter(2026, 3);
    public static readonly Period Q2 = Period.Quarter(2026, 2);

    private ScorecardData(MetricsData metrics) => Metrics = metrics;

    public MetricsData Metrics { get; }
    public int Satisfaction { get; private set; }
    public int Delivery { get; private set; }

    public ScorecardService Service => new(Metrics.Database, Metrics.Clock, Metrics.Service);

    public static async Task<ScorecardData> CreateAsync()
    {
        var data = new ScorecardData(await MetricsData.CreateAsync());
        var m = data.Metrics;
        data.Satisfaction = await m.Metric("CSAT").Named("Customer satisfaction").In(MetricDimension.EffortSatisfaction)
            .Every(PeriodKind.Quarter).On(m.Store, m.Web)
            .Target("2026-Q2", 80, 5).Target("2026-Q3", 80, 5).Target("2026-Q3", 85, 5, m.Store)
            .AgreedBy(m.StoresTeam, m.DigitalTeam).SaveAsync();
        data.Delivery = await m.Metric("DPK").Named("Delivery promise kept").Every(PeriodKind.Quarter).On(m.Web)
            .Target("2026-Q3", 95, 2).AgreedBy(m.DigitalTeam).SaveAsync();
        await data.HandOverAsync(data.Satisfaction, m.StoresLead.PersonId!.Value, m.StoresTeam);
        await m.AddValuesAsync(data.Satisfaction,
            ("2025-Q4", null, 70, null), ("2026-Q1", null, 75, null), ("2026-Q2", null, 79, null), ("2026-Q3", null, 82, null),
            ("2026-Q3", m.Store, 78, null), ("2026-Q3", m.Web, 86, null), ("2026-Q2", m.Store, 77, null));
        await m.AddValuesAsync(data.Delivery, ("2026-Q2", null, 96, null), ("2026-Q3", null, 91, null), ("2026-Q3", m.Web, 91, null));
        return data;
    }

    private async Task HandOverAsync(int metricId, int personId, int teamId)
    {
        await using var db = Metrics.Database.CreateDbContext();
        var metric = (await MetricsService.LoadAsync(db, metricId, CancellationToken.None))!;
        metric.HandOver(personId, teamId);
        await db.SaveChangesAsync();
    }

    public async Task ChangeValueAsync(int metricId, string period, int? channelId, double value)
    {
        await using var db = Metrics.Database.CreateDbContext();
        var metric = (await MetricsService.LoadAsync(db, metricId, CancellationToken.None))!;
        var parsed = Period.Parse(period);
        var recorded = db.MetricValues.Single(v => v.MetricDefinitionId == metricId && v.Period == parsed && v.ChannelId == channelId);
        recorded.Correct(metric, value, null, Metrics.CxLead.PersonId!.Value, MetricsData.Now, DateOnly.FromDateTime(MetricsData.Now));
        await db.SaveChangesAsync();
    }

    /// <summary>Starts the quarter's draft and publishes it as the head of CX.</summary>
    public async Task PublishAsync(Period quarter)
    {
        await Service.StartDraftAsync(Metrics.CxLead, quarter);
        await Service.PublishAsync(Metrics.CxLead, quarter);
    }

    public ValueTask DisposeAsync() => Metrics.DisposeAsync();
}
