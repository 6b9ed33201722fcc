using Bunit;
using CxDashboard.Domain.Feedback;
using CxDashboard.Web.Features.Metrics;

namespace CxDashboard.Tests.Components.Metrics;

public sealed class MetricTrendFigureTests : MetricsComponentTest
{
    [Fact]
    public async Task The_metric_page_shows_each_months_answers_and_calls_a_thin_month_too_few()
    {
        var id = await Data.Metric("NPS").Named("Store NPS").ComputedFrom(ScoreScale.Nps).On(Data.Store).Target("2026-Q4", 10, 5)
            .AgreedBy(Data.StoresTeam).SaveAsync();
        var october = new DateTime(2026, 10, 14, 10, 0, 0, DateTimeKind.Utc);
        var november = new DateTime(2026, 11, 10, 10, 0, 0, DateTimeKind.Utc);
        await Data.AddScoresAsync(Data.Store, ScoreScale.Nps, october, [.. Enumerable.Repeat(9, 20), .. Enumerable.Repeat(7, 10), .. Enumerable.Repeat(3, 10)]);
        await Data.AddScoresAsync(Data.Store, ScoreScale.Nps, november, [.. Enumerable.Repeat(9, 5), .. Enumerable.Repeat(3, 4)]);

        var trend = Render<MetricTrend>(p => p.Add(x => x.MetricId, id).Add(x => x.Caller, Data.CxLead).Add(x => x.Name, "Store NPS"));

        await trend.WaitForAssertionAsync(() => Assert.NotEmpty(trend.FindAll("td[data-total]")), TimeSpan.FromSeconds(10));
        var rows = trend.FindAll("tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim());
        Assert.Equal("too few answers (n = 9)", rows["2026-11"].QuerySelector("td[data-total] [data-too-few]")!.TextContent);
        Assert.StartsWith("n = 40, ±", rows["2026-10"].QuerySelector("td[data-total] [data-sample]")!.TextContent);
        Assert.Equal("−13.9, too few answers to tell", rows["2026-11"].QuerySelector("td[data-change]")!.TextContent.Trim());
        Assert.Equal(2, trend.FindAll("circle[data-hollow]").Count);
        Assert.NotEmpty(trend.FindAll("polygon[data-band]"));
    }

    [Fact]
    public async Task The_catalogue_says_how_many_answers_stand_behind_each_latest_figure()
    {
        await Data.Metric("NPS").Named("Store NPS").ComputedFrom(ScoreScale.Nps).On(Data.Store).Target("2026-Q4", 10, 5)
            .AgreedBy(Data.StoresTeam).SaveAsync();
        await Data.Metric("NPS-WEB").Named("Web NPS").ComputedFrom(ScoreScale.Nps).On(Data.Web).Target("2026-Q4", 10, 5)
            .AgreedBy(Data.StoresTeam).SaveAsync();
        var november = new DateTime(2026, 11, 10, 10, 0, 0, DateTimeKind.Utc);
        await Data.AddScoresAsync(Data.Store, ScoreScale.Nps, november, [.. Enumerable.Repeat(9, 20), .. Enumerable.Repeat(7, 10), .. Enumerable.Repeat(3, 10)]);
        await Data.AddScoresAsync(Data.Web, ScoreScale.Nps, november, [.. Enumerable.Repeat(9, 5), .. Enumerable.Repeat(3, 4)]);

        var page = Render<MetricCatalogue>();

        await page.WaitForAssertionAsync(() => Assert.Contains("Web NPS", page.Markup), TimeSpan.FromSeconds(10));
        Assert.StartsWith("(n = 40, ±", page.Find("[data-sample]").TextContent.Trim());
        Assert.Equal("too few answers (n = 9)", page.Find("[data-too-few]").TextContent);
        Assert.Single(page.FindAll("[data-rag]"));
    }
}
