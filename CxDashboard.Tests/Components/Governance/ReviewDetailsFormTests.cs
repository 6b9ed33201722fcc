using Bunit;
using CxDashboard.Tests.Components.Forms;
using CxDashboard.Tests.Features.Governance;
using CxDashboard.Web.Features.Governance;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Components.Governance;

/// <summary>A review's details form, on the new-review page and on a review.</summary>
public sealed class ReviewDetailsFormTests : BunitContext, IAsyncLifetime
{
    private GovernanceData _data = null!;

    public async Task InitializeAsync()
    {
        _data = await GovernanceData.CreateAsync();
        GovernanceHost.Prepare(this, _data, _data.Metrics.CxLead);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _data.DisposeAsync();
    }

    private IRenderedComponent<ReviewNewPage> RenderNewReview()
    {
        var page = Render<ReviewNewPage>();
        page.WaitForAssertion(() => Assert.Contains("Create the review", page.Markup));
        return page;
    }

    private static void Click<T>(IRenderedComponent<T> page, string text) where T : IComponent =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == text).Click();

    [Fact]
    public async Task A_review_without_a_title_is_refused_beside_the_title_and_none_is_created()
    {
        var page = RenderNewReview();

        Click(page, "Create the review");

        page.WaitForAssertion(() => Assert.Equal("Give the review a title.", page.ErrorUnder("Title")));
        Assert.Null(page.ErrorUnder("Kind"));
        Assert.Null(page.ErrorUnder("Date"));
        Assert.Null(page.ErrorUnder("Attending teams"));
        await using var db = _data.Metrics.Database.CreateDbContext();
        Assert.Equal(0, await db.Reviews.CountAsync());
    }

    [Fact]
    public async Task A_titled_review_is_created_for_today_with_the_callers_team_and_opened()
    {
        var page = RenderNewReview();

        page.InputUnder("Title").Change("December CX council");
        Click(page, "Create the review");

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Matches(@"/governance/\d+$", navigation.Uri));
        await using var db = _data.Metrics.Database.CreateDbContext();
        var saved = await db.Reviews.SingleAsync();
        Assert.Equal(("December CX council", _data.Today), (saved.Title, saved.HeldOn));
    }

    [Fact]
    public async Task Enter_in_the_title_creates_the_review()
    {
        var page = RenderNewReview();

        var title = page.InputUnder("Title");
        title.Change("January CX council");
        title.PressEnterIn();

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Matches(@"/governance/\d+$", navigation.Uri));
        await using var db = _data.Metrics.Database.CreateDbContext();
        Assert.Equal("January CX council", (await db.Reviews.SingleAsync()).Title);
    }

    [Fact]
    public async Task Clearing_the_title_of_a_saved_review_is_refused_and_the_stored_title_stays()
    {
        var id = await _data.Service.CreateAsync(_data.Draft(), _data.Metrics.CxLead, default);
        var page = Render<ReviewPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.Contains("Save changes", page.Markup));

        page.InputUnder("Title").Change("");
        Click(page, "Save changes");

        page.WaitForAssertion(() => Assert.Equal("Give the review a title.", page.ErrorUnder("Title")));
        await using var db = _data.Metrics.Database.CreateDbContext();
        Assert.Equal("November CX council", (await db.Reviews.SingleAsync()).Title);
    }
}
