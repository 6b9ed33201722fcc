using CxDashboard.Tests.Features.Feedback;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Feedback;

namespace CxDashboard.Tests.Features.Themes;

/// <summary>The inbox filters by theme and shows each item's themes.</summary>
public sealed class ThemesInTheInboxTests : IAsyncLifetime
{
    private ThemeData _data = null!;
    private int _delivery;
    private int _late;

    public async Task InitializeAsync()
    {
        _data = await ThemeData.CreateAsync();
        _delivery = await _data.ThemeAsync("Delivery", "parcel OR deliver*");
        _late = await _data.ThemeAsync("Late", "late", _delivery);
    }

    public Task DisposeAsync() => _data.Feedback.Database.DisposeAsync().AsTask();

    private FeedbackData Feedback => _data.Feedback;

    private async Task<int> RecordAsync(string verbatim) =>
        (await Feedback.Service().RecordAsync(Feedback.Command(Feedback.Store, verbatim: verbatim), Feedback.CaraContributor)).Id;

    [Fact]
    public async Task Filtering_the_inbox_by_a_theme_shows_only_its_feedback_each_with_its_themes()
    {
        var late = await RecordAsync("The parcel was late.");
        await RecordAsync("The parcel came early.");
        await RecordAsync("Lovely staff.");

        var page = await Feedback.Service().GetInboxPageAsync(new FeedbackFilter { ThemeId = _late }, FeedbackPageRequest.First(), Feedback.CxLead);

        var row = Assert.Single(page.Rows);
        Assert.Equal(late, row.Id);
        Assert.Equal(["Delivery", "Delivery › Late"], row.Themes);
        Assert.Equal(1, page.Total);
    }

    [Fact]
    public async Task The_theme_in_an_inbox_address_is_kept_only_when_it_is_an_active_theme()
    {
        var lookups = await Feedback.Service().GetLookupsAsync();

        Assert.Equal(_late, InboxFilterModel.FromQuery(ViewQuery.FromUri($"/feedback?theme={_late}"), lookups).ThemeId);
        Assert.Null(InboxFilterModel.FromQuery(ViewQuery.FromUri("/feedback?theme=9999"), lookups).ThemeId);
    }
}
