using Bunit;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Metrics;
using CxDashboard.Tests.Features.Metrics;
using CxDashboard.Web.Features.Dashboard;
using CxDashboard.Web.Features.Metrics;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CxDashboard.Tests.Components.Dashboard;

public sealed class MetricsPanelTests : BunitContext, IAsyncLifetime
{
    private static readonly Period Quarter = Period.Parse("2026-Q4");
    private MetricsData _data = null!;

    public async Task InitializeAsync()
    {
        _data = await MetricsData.CreateAsync();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(_data.Service);
        Services.AddSingleton(new DashboardFigures(_data.Clock));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _data.DisposeAsync();
    }

    /// <summary>An agreed loyalty metric whose October value stands against a target of 50 (amber down to 45).</summary>
    private async Task AgreedAsync(string code, string name, double value, MetricDimension dimension = MetricDimension.Loyalty)
    {
        var id = await _data.Metric(code).Named(name).In(dimension).Target("2026-Q4", 50, 5).AgreedBy(_data.StoresTeam).SaveAsync();
        await _data.AddValuesAsync(id, ("2026-10", null, value, null));
    }

    [Fact]
    public async Task A_dimension_with_many_metrics_shows_those_furthest_from_target_first_and_links_to_the_rest()
    {
        for (var i = 1; i <= 8; i++)
        {
            await AgreedAsync($"ON-{i}", $"On target {i}", 60);
        }
        await AgreedAsync("RED-1", "Badly off target", 30);
        await AgreedAsync("AMBER-1", "Nearly on target", 47);
        await AgreedAsync("NPS", "Net Promoter Score", 60, MetricDimension.Advocacy);

        var panel = Render<MetricsPanel>(p => p.Add(x => x.Quarter, Quarter));

        await panel.WaitForAssertionAsync(() => Assert.NotEmpty(panel.FindAll("tr[data-metric]")));
        var loyalty = panel.FindAll("table")[0].QuerySelectorAll("tr[data-metric]").Select(r => r.GetAttribute("data-metric")).ToList();
        Assert.Equal(MetricsPanel.ShownPerDimension, loyalty.Count);
        Assert.Equal(["RED-1", "AMBER-1", "ON-1"], loyalty.Take(3));
        var more = panel.Find("[data-testid=more-metrics]");
        Assert.Contains($"The {MetricsPanel.ShownPerDimension} furthest from target of 10", more.TextContent);
        Assert.Equal("metrics?status=Agreed&dimension=Loyalty", more.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(["NPS"], panel.FindAll("table")[1].QuerySelectorAll("tr[data-metric]").Select(r => r.GetAttribute("data-metric")));
        Assert.Single(panel.FindAll("[data-testid=more-metrics]"));
    }

    private async Task NpsAsync(string code, string name, DateTime at, int promoters, int passives, int detractors)
    {
        var scores = Enumerable.Repeat(9, promoters).Concat(Enumerable.Repeat(7, passives)).Concat(Enumerable.Repeat(3, detractors)).ToArray();
        await _data.AddScoresAsync(_data.Store, ScoreScale.Nps, at, scores);
    }

    [Fact]
    public async Task Each_change_on_last_quarter_says_whether_it_is_real_or_noise()
    {
        var july = new DateTime(2026, 8, 12, 10, 0, 0, DateTimeKind.Utc);
        var october = new DateTime(2026, 10, 14, 10, 0, 0, DateTimeKind.Utc);
        await _data.Metric("NPS-STORE").Named("Store NPS").In(MetricDimension.Advocacy).ComputedFrom(ScoreScale.Nps).On(_data.Store)
            .Target("2026-Q4", 10, 5).AgreedBy(_data.StoresTeam).SaveAsync();
        await NpsAsync("NPS-STORE", "Store NPS", july, 200, 150, 150);
        await NpsAsync("NPS-STORE", "Store NPS", october, 240, 150, 110);

        var panel = Render<MetricsPanel>(p => p.Add(x => x.Quarter, Quarter));

        await panel.WaitForAssertionAsync(() => Assert.NotEmpty(panel.FindAll("tr[data-metric]")), TimeSpan.FromSeconds(10));
        var row = panel.Find("tr[data-metric=NPS-STORE]");
        Assert.Equal("+16.0, a real improvement", row.QuerySelector("[data-change]")!.TextContent.Trim());
        Assert.StartsWith("n = 500, ±", row.QuerySelector("[data-sample]")!.TextContent);
        Assert.Equal("Green", row.QuerySelector("[data-rag]")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_quarter_on_too_few_answers_is_not_rated_and_its_change_not_judged()
    {
        var july = new DateTime(2026, 8, 12, 10, 0, 0, DateTimeKind.Utc);
        var october = new DateTime(2026, 10, 14, 10, 0, 0, DateTimeKind.Utc);
        await _data.Metric("NPS-MKT").Named("Marketplace NPS").In(MetricDimension.Advocacy).ComputedFrom(ScoreScale.Nps).On(_data.Store)
            .Target("2026-Q4", 10, 5).AgreedBy(_data.StoresTeam).SaveAsync();
        await NpsAsync("NPS-MKT", "Marketplace NPS", july, 1, 1, 1);
        await NpsAsync("NPS-MKT", "Marketplace NPS", october, 6, 2, 1);

        var panel = Render<MetricsPanel>(p => p.Add(x => x.Quarter, Quarter));

        await panel.WaitForAssertionAsync(() => Assert.NotEmpty(panel.FindAll("tr[data-metric]")), TimeSpan.FromSeconds(10));
        var row = panel.Find("tr[data-metric=NPS-MKT]");
        Assert.Equal("too few answers (n = 9)", row.QuerySelector("[data-too-few]")!.TextContent);
        Assert.Empty(row.QuerySelectorAll("[data-rag]"));
        Assert.Equal("+55.6, too few answers to tell", row.QuerySelector("[data-change]")!.TextContent.Trim());
        Assert.Null(row.QuerySelector("[data-change] svg"));
    }
}
