using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Notifications;
using CxDashboard.Tests.Features.Feedback;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Tests.Features.Notifications;

/// <summary>A person reads and marks only their own notifications: the bell's count, the list page by page, mark read, mark all read.</summary>
public sealed class NotificationServiceTests : IAsyncLifetime
{
    private FeedbackData _data = null!;

    public async Task InitializeAsync() => _data = await FeedbackData.CreateAsync();

    public async Task DisposeAsync() => await _data.Database.DisposeAsync();

    private NotificationService Service() => new(_data.Database, _data.Clock);

    /// <summary>Detractors in the store channel, each telling Dana (the stores lead), a minute apart; returns their feedback ids, oldest first.</summary>
    private async Task<List<int>> DetractorsForDanaAsync(int count)
    {
        var ids = new List<int>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await _data.Service().RecordAsync(_data.Command(_data.Store, ScoreScale.Nps, 2), _data.CaraContributor)).Id);
            _data.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        return ids;
    }

    [Fact]
    public async Task The_bell_counts_only_my_unread_notifications()
    {
        await DetractorsForDanaAsync(3);
        await _data.Service().RecordAsync(_data.Command(_data.Web, ScoreScale.Nps, 1), _data.FinnContributor);

        Assert.Equal(3, await Service().CountUnreadAsync(_data.StoresLead));
        Assert.Equal(1, await Service().CountUnreadAsync(_data.DigitalLead));
        Assert.Equal(0, await Service().CountUnreadAsync(_data.CaraContributor));
        Assert.Equal(0, await Service().CountUnreadAsync(_data.Executive));
    }

    [Fact]
    public async Task The_list_is_paged_on_the_server_newest_first_and_each_row_links_to_its_item()
    {
        var ids = await DetractorsForDanaAsync(NotificationService.PageSize + 3);

        var first = await Service().GetPageAsync(unreadOnly: true, 1, _data.StoresLead);
        var second = await Service().GetPageAsync(unreadOnly: true, 2, _data.StoresLead);

        Assert.Equal((NotificationService.PageSize + 3, 2), (first.Total, first.Pages));
        Assert.Equal(NotificationService.PageSize, first.Rows.Count);
        Assert.Equal($"/feedback/{ids[^1]}", first.Rows[0].Link);
        Assert.Equal(ids.Take(3).Reverse().Select(id => $"/feedback/{id}"), second.Rows.Select(r => r.Link));
    }

    [Fact]
    public async Task Marking_one_read_takes_it_off_the_unread_list_but_keeps_it_in_all()
    {
        await DetractorsForDanaAsync(2);
        var newest = (await Service().GetPageAsync(unreadOnly: true, 1, _data.StoresLead)).Rows[0];

        await Service().MarkReadAsync(newest.Id, _data.StoresLead);

        var unread = await Service().GetPageAsync(unreadOnly: true, 1, _data.StoresLead);
        var all = await Service().GetPageAsync(unreadOnly: false, 1, _data.StoresLead);
        Assert.DoesNotContain(unread.Rows, r => r.Id == newest.Id);
        Assert.Equal((1, 1), (unread.Total, unread.Unread));
        Assert.Equal(_data.Clock.GetUtcNow().UtcDateTime, Assert.Single(all.Rows, r => r.Id == newest.Id).ReadAt);
    }

    [Fact]
    public async Task Mark_all_read_empties_my_unread_list_and_leaves_others_alone()
    {
        await DetractorsForDanaAsync(3);
        await _data.Service().RecordAsync(_data.Command(_data.Web, ScoreScale.Nps, 1), _data.FinnContributor);

        Assert.Equal(3, await Service().MarkAllReadAsync(_data.StoresLead));

        Assert.Equal(0, await Service().CountUnreadAsync(_data.StoresLead));
        Assert.Equal(1, await Service().CountUnreadAsync(_data.DigitalLead));
    }

    [Fact]
    public async Task Another_person_can_neither_read_nor_mark_my_notifications()
    {
        await DetractorsForDanaAsync(1);
        await using var db = _data.Database.CreateDbContext();
        var danas = await db.Notifications.AsNoTracking().SingleAsync(n => n.RecipientPersonId == _data.Dana);

        var elisList = await Service().GetPageAsync(unreadOnly: false, 1, _data.DigitalLead);
        var refusal = await Assert.ThrowsAsync<NotFoundException>(() => Service().MarkReadAsync(danas.Id, _data.DigitalLead));
        await Service().MarkAllReadAsync(_data.DigitalLead);

        Assert.Empty(elisList.Rows);
        Assert.Equal("That notification is not among yours.", refusal.Message);
        Assert.Null((await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == danas.Id)).ReadAt);
    }

    [Fact]
    public async Task Someone_without_a_person_in_the_app_has_no_notifications_and_cannot_mark_any()
    {
        await DetractorsForDanaAsync(1);

        Assert.Empty((await Service().GetPageAsync(unreadOnly: false, 1, _data.Executive)).Rows);
        await Assert.ThrowsAsync<NotAllowedException>(() => Service().MarkAllReadAsync(_data.Executive));
        Assert.Equal(1, await Service().CountUnreadAsync(_data.StoresLead));
    }
}
