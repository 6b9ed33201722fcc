using Bunit;
using Bunit.TestDoubles;
using CxDashboard.Tests.Features.Governance;
using CxDashboard.Web.Features.Governance;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Components.Governance;

public sealed class ReviewsAddressTests : BunitContext, IAsyncLifetime
{
    private GovernanceData _data = null!;

    public async Task InitializeAsync()
    {
        _data = await GovernanceData.CreateAsync();
        for (var i = 1; i <= 27; i++)
        {
            await _data.Service.CreateAsync(_data.Draft($"Review {i:D2}"), _data.Metrics.CxLead, default);
        }
        GovernanceHost.Prepare(this, _data, _data.Metrics.Executive);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _data.DisposeAsync();
    }

    private BunitNavigationManager Navigation => (BunitNavigationManager)Services.GetRequiredService<NavigationManager>();

    private static List<string> Listed(IRenderedComponent<ReviewsPage> page) =>
        page.FindAll("td a[href^='/governance/']").Select(a => a.TextContent.Trim()).ToList();

    [Fact]
    public void A_link_to_the_second_page_of_reviews_opens_it_and_going_back_to_the_first_page_shows_it_again()
    {
        Navigation.NavigateTo("/governance?page=2");

        var page = Render<ReviewsPage>();

        page.WaitForAssertion(() => Assert.Equal(2, Listed(page).Count));
        var secondPage = Listed(page);
        Assert.Equal("http://localhost/governance?page=2", Navigation.Uri);

        // The browser's Back button to the first page.
        Navigation.NavigateTo("/governance");

        page.WaitForAssertion(() => Assert.Equal(25, Listed(page).Count));
        Assert.Empty(Listed(page).Intersect(secondPage));
    }

    [Fact]
    public void Values_the_governance_page_cannot_read_in_the_address_are_ignored()
    {
        Navigation.NavigateTo("/governance?page=last&rows=7");

        var page = Render<ReviewsPage>();

        page.WaitForAssertion(() => Assert.Equal(25, Listed(page).Count));
    }
}
