using Bunit;
using Bunit.TestDoubles;
using CxDashboard.Domain.Feedback;
using CxDashboard.Tests.Features.Feedback;
using CxDashboard.Web.Features.Themes;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CxDashboard.Tests.Components.Themes;

/// <summary>The themes page keeps its period, channel and journey stage in the address, so a link or a reload shows the same figures.</summary>
public sealed class ThemesPageAddressTests : ThemesPageTest
{
    private BunitNavigationManager Navigation => (BunitNavigationManager)Services.GetRequiredService<NavigationManager>();

    private async Task RecordAsync(int channelId, string verbatim, int daysAgo) =>
        await Data.Service().RecordAsync(Data.Command(channelId, ScoreScale.Nps, 3, verbatim: verbatim,
            receivedAt: FeedbackData.Now.AddDays(-daysAgo)), Data.CxLead);

    private static ThemeImpact Shown(IRenderedComponent<ThemesPage> page) => page.FindComponent<ThemeEffectsTable>().Instance.Impact!;

    [Fact]
    public async Task A_link_opens_the_page_on_its_period_and_channel_and_a_change_of_filter_is_written_back_to_the_address()
    {
        var refunds = await ThemeAsync("Refunds", "refund*");
        await RecordAsync(Data.Web, "Refund took weeks", daysAgo: 200);
        await RecordAsync(Data.Store, "Refund at the till was quick", daysAgo: 200);
        await RecordAsync(Data.Web, "Refund promised", daysAgo: 45);
        await RecordAsync(Data.Web, "No refund yet", daysAgo: 2);

        // This quarter on the web would be 2 items, the last 12 months everywhere 4.
        var page = Open($"/themes?period=last-12-months&channel={Data.Web}");

        Assert.Equal(3, Shown(page).TotalItems);
        Assert.Equal((refunds, 3), Shown(page).Themes.Select(t => (t.ThemeId, t.Items)).Single());

        var period = page.FindComponent<MudSelect<ThemePeriod>>();
        await page.InvokeAsync(() => period.Instance.ValueChanged.InvokeAsync(ThemePeriod.Last30Days));

        page.WaitForAssertion(() => Assert.Equal(1, Shown(page).TotalItems));
        Assert.Equal($"http://localhost/themes?period=last-30-days&channel={Data.Web}", Navigation.Uri);
        Assert.False(Navigation.History.First().Options.ReplaceHistoryEntry);

        // A reload of that address shows the same view.
        var reloaded = Open(Navigation.Uri);
        Assert.Equal(1, Shown(reloaded).TotalItems);
    }

    [Fact]
    public async Task Values_the_page_cannot_read_in_the_address_show_this_quarter_for_every_channel()
    {
        await ThemeAsync("Refunds", "refund*");
        await RecordAsync(Data.Web, "No refund yet", daysAgo: 2);
        await RecordAsync(Data.Store, "Refund at the till was quick", daysAgo: 3);
        await RecordAsync(Data.Store, "Refund took weeks", daysAgo: 200);

        var page = Open("/themes?period=forever&channel=mars&stage=-3");

        Assert.Equal(2, Shown(page).TotalItems);
    }
}
