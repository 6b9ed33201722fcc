using CxDashboard.Domain.Common;
using CxDashboard.Tests.Features.Feedback;
using CxDashboard.Web.Features.Common;

namespace CxDashboard.Tests.Features.Themes;

/// <summary>A friction issue links the themes it is about and shows how often customers mention them, month by month.</summary>
public sealed class IssueThemesTests : IAsyncLifetime
{
    private ThemeData _data = null!;
    private int _late;
    private int _issue;

    public async Task InitializeAsync()
    {
        _data = await ThemeData.CreateAsync();
        _late = await _data.ThemeAsync("Late", "late");
        _issue = await _data.Feedback.AddIssueAsync();
    }

    public Task DisposeAsync() => _data.Feedback.Database.DisposeAsync().AsTask();

    private FeedbackData Feedback => _data.Feedback;

    private async Task RecordAsync(string verbatim, DateTime receivedAt) =>
        await Feedback.Service().RecordAsync(Feedback.Command(Feedback.Store, verbatim: verbatim, receivedAt: receivedAt), Feedback.CaraContributor);

    [Fact]
    public async Task A_linked_theme_shows_its_items_and_share_of_feedback_for_each_of_the_last_six_months()
    {
        await RecordAsync("Parcel late", new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc));
        await RecordAsync("Late again", new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc));
        await RecordAsync("All fine", new DateTime(2026, 11, 21, 0, 0, 0, DateTimeKind.Utc));
        await RecordAsync("Very late", new DateTime(2026, 9, 5, 0, 0, 0, DateTimeKind.Utc));
        await RecordAsync("Late in spring", new DateTime(2026, 3, 5, 0, 0, 0, DateTimeKind.Utc));

        await _data.Service().LinkToIssueAsync(_issue, _late, Feedback.CxLead);

        var trend = Assert.Single(await _data.Service().IssueThemesAsync(_issue));
        Assert.Equal("Late", trend.Name);
        Assert.Equal([new DateOnly(2026, 6, 1), new DateOnly(2026, 7, 1), new DateOnly(2026, 8, 1), new DateOnly(2026, 9, 1),
            new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1)], trend.Months.Select(m => m.Month));
        Assert.Equal([0, 0, 0, 1, 0, 2], trend.Months.Select(m => m.Items));
        Assert.Equal(2.0 / 3, trend.Months[^1].Share, 9);
    }

    [Fact]
    public async Task A_theme_is_linked_once_and_a_contributor_may_not_link_one()
    {
        await _data.Service().LinkToIssueAsync(_issue, _late, Feedback.CxLead);

        var twice = await Assert.ThrowsAsync<DomainException>(() => _data.Service().LinkToIssueAsync(_issue, _late, Feedback.CxLead));
        Assert.Equal("The issue is already linked to this theme.", twice.Message);
        await Assert.ThrowsAsync<NotAllowedException>(() => _data.Service().UnlinkFromIssueAsync(_issue, _late, Feedback.CaraContributor));

        await _data.Service().UnlinkFromIssueAsync(_issue, _late, Feedback.CxLead);
        Assert.Empty(await _data.Service().IssueThemesAsync(_issue));
    }
}
