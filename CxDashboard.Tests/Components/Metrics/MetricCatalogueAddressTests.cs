using Bunit;
using Bunit.TestDoubles;
using CxDashboard.Domain.Metrics;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Metrics;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CxDashboard.Tests.Components.Metrics;

public sealed class MetricCatalogueAddressTests : MetricsComponentTest
{
    private BunitNavigationManager Navigation => (BunitNavigationManager)Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<MetricCatalogue> Open(string address)
    {
        Navigation.NavigateTo(address);
        return Render<MetricCatalogue>();
    }

    private static List<string> Listed(IRenderedComponent<MetricCatalogue> page) =>
        page.FindAll("td a[href^='/metrics/']").Select(a => a.TextContent.Trim()).ToList();

    private async Task AddMetricsAsync()
    {
        await Data.Metric("NPS").Named("Net Promoter Score").In(MetricDimension.Advocacy).AgreedBy(Data.StoresTeam).SaveAsync();
        await Data.Metric("REV").Named("Review rating").In(MetricDimension.Advocacy).AgreedBy(Data.StoresTeam).SaveAsync();
        await Data.Metric("CES").Named("Customer effort").In(MetricDimension.EffortSatisfaction).AgreedBy(Data.StoresTeam).SaveAsync();
    }

    [Fact]
    public async Task A_link_to_the_catalogue_opens_with_its_filters_and_sort_and_exports_that_view()
    {
        await AddMetricsAsync();

        var page = Open("/metrics?dimension=advocacy&sort=Name&order=desc");

        page.WaitForAssertion(() => Assert.Equal(["Review rating", "Net Promoter Score"], Listed(page)));
        var href = page.Find("a[download]").GetAttribute("href")!;
        Assert.StartsWith("/export/metrics.xlsx", href, StringComparison.Ordinal);
        var export = ViewQuery.FromUri(href);
        Assert.Equal("Advocacy", export.Text("dimension"));
        Assert.Equal("Name", export.Text("sort"));
        Assert.Equal("desc", export.Text("order"));
    }

    [Fact]
    public async Task Values_the_catalogue_cannot_read_in_the_address_are_ignored()
    {
        await AddMetricsAsync();

        var page = Open("/metrics?dimension=happiness&status=7&team=none&channel=-2&sort=Colour&page=x&rows=1000");

        page.WaitForAssertion(() => Assert.Equal(["Customer effort", "Net Promoter Score", "Review rating"], Listed(page)));
    }

    [Fact]
    public async Task Choosing_a_dimension_is_a_new_entry_in_the_history_and_going_back_shows_every_metric_again()
    {
        await AddMetricsAsync();
        var page = Open("/metrics");
        page.WaitForAssertion(() => Assert.Equal(3, Listed(page).Count));

        var dimension = page.FindComponent<MudSelect<MetricDimension?>>();
        await page.InvokeAsync(() => dimension.Instance.ValueChanged.InvokeAsync(MetricDimension.EffortSatisfaction));

        page.WaitForAssertion(() => Assert.Equal(["Customer effort"], Listed(page)));
        Assert.Equal("http://localhost/metrics?dimension=EffortSatisfaction", Navigation.Uri);
        Assert.False(Navigation.History.First().Options.ReplaceHistoryEntry);

        // The browser's Back button: the location changes to the previous address.
        Navigation.NavigateTo("/metrics");

        page.WaitForAssertion(() => Assert.Equal(3, Listed(page).Count));
    }
}
