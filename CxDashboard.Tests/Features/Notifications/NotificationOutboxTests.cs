using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Notifications;
using CxDashboard.Tests.Features.Feedback;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Tests.Features.Notifications;

/// <summary>
/// A change and the notifications it causes are kept together: written in the same transaction, through a
/// connection that drops anywhere in the save, once each; a save that fails leaves no notification behind.
/// </summary>
public sealed class NotificationOutboxTests : IAsyncLifetime
{
    private readonly TransientFaults _faults = new();
    private FeedbackData _data = null!;

    public async Task InitializeAsync() => _data = await FeedbackData.CreateAsync(_faults);

    public async Task DisposeAsync() => await _data.Database.DisposeAsync();

    public static TheoryData<FaultPoint> FaultPoints => [FaultPoint.DataWrite, FaultPoint.AuditWrite, FaultPoint.Commit, FaultPoint.AfterCommit];

    private async Task<List<Notification>> NotificationsAsync()
    {
        await using var db = _data.Database.CreateDbContext();
        return await db.Notifications.AsNoTracking().OrderBy(n => n.Id).ToListAsync();
    }

    [Fact]
    public async Task A_detractor_recorded_in_a_store_tells_the_stores_lead_who_owns_its_follow_up()
    {
        var recorded = await _data.Service().RecordAsync(_data.Command(_data.Store, ScoreScale.Nps, 2), _data.CaraContributor);

        var notification = Assert.Single(await NotificationsAsync());
        Assert.Equal(_data.Dana, notification.RecipientPersonId);
        Assert.Equal(NotificationKind.FollowUpAssigned, notification.Kind);
        Assert.Equal($"/feedback/{recorded.Id}", notification.Link);
        Assert.Contains("detractor", notification.Title, StringComparison.OrdinalIgnoreCase);
        Assert.Null(notification.ReadAt);
    }

    [Fact]
    public async Task A_title_never_repeats_what_the_customer_said()
    {
        await _data.Service().RecordAsync(_data.Command(_data.Store, source: FeedbackSource.Complaint, verbatim: "My name is Ann Lee and my parcel was lost"),
            _data.CaraContributor);

        var notification = Assert.Single(await NotificationsAsync());
        Assert.DoesNotContain("Ann Lee", notification.Title, StringComparison.Ordinal);
        Assert.StartsWith("A complaint", notification.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_that_needs_no_follow_up_tells_nobody()
    {
        await _data.Service().RecordAsync(_data.Command(_data.Store, ScoreScale.Nps, 9), _data.CaraContributor);

        Assert.Empty(await NotificationsAsync());
    }

    [Fact]
    public async Task The_lead_who_records_a_detractor_in_their_own_channel_is_not_told_what_they_just_did()
    {
        await _data.Service().RecordAsync(_data.Command(_data.Store, ScoreScale.Nps, 2), _data.StoresLead);

        Assert.DoesNotContain(await NotificationsAsync(), n => n.RecipientPersonId == _data.Dana);
    }

    [Fact]
    public async Task Reassigning_a_follow_up_tells_its_new_owner()
    {
        var service = _data.Service();
        var id = (await service.RecordAsync(_data.Command(_data.Store, ScoreScale.Nps, 2), _data.CaraContributor)).Id;

        await service.ReassignFollowUpAsync(id, _data.Cara, (await service.GetDetailAsync(id, _data.StoresLead)).Version, _data.StoresLead);

        var told = await NotificationsAsync();
        Assert.Equal([_data.Dana, _data.Cara], told.Select(n => n.RecipientPersonId));
        Assert.All(told, n => Assert.Equal($"/feedback/{id}", n.Link));
    }

    [Fact]
    public async Task An_action_created_for_someone_and_then_reassigned_tells_each_owner_with_a_link_to_it()
    {
        var dana = new AuditActor(_data.Dana, "Dana Reid");
        var action = new ActionItem("Staff the click and collect desk at lunchtime", null, _data.Cara, _data.StoresTeam, new DateOnly(2026, 12, 4),
            2, 1, true, _data.Dana, FeedbackData.Now);
        await using (var db = _data.Database.CreateDbContext())
        {
            db.Actions.Add(action);
            await db.SaveChangesAsync(dana, _data.Clock);
        }
        await using (var db = _data.Database.CreateDbContext())
        {
            var stored = await db.Actions.SingleAsync();
            stored.Reassign(_data.Eli, _data.DigitalTeam);
            await db.SaveChangesAsync(dana, _data.Clock);
        }

        var told = await NotificationsAsync();
        Assert.Equal([_data.Cara, _data.Eli], told.Select(n => n.RecipientPersonId));
        Assert.All(told, n => Assert.Equal((NotificationKind.ActionAssigned, $"/actions/{action.Id}"), (n.Kind, n.Link)));
        Assert.Equal("An action is yours, due 4 Dec 2026: Staff the click and collect desk at lunchtime", told[0].Title);
    }

    [Fact]
    public async Task The_apps_own_saves_such_as_demo_data_tell_nobody()
    {
        await using (var db = _data.Database.CreateDbContext())
        {
            db.Actions.Add(new ActionItem("Staff the click and collect desk at lunchtime", null, _data.Cara, _data.StoresTeam, new DateOnly(2026, 12, 4),
                2, 1, true, _data.Dana, FeedbackData.Now));
            await db.SaveChangesAsync();
        }

        Assert.Empty(await NotificationsAsync());
    }

    [Theory]
    [MemberData(nameof(FaultPoints))]
    public async Task A_detractor_saved_through_a_dropped_connection_is_told_once(FaultPoint point)
    {
        _faults.Arm(point, "Feedback");

        var recorded = await _data.Service().RecordAsync(_data.Command(_data.Store, ScoreScale.Nps, 2), _data.CaraContributor);

        Assert.Equal(1, _faults.Fired);
        var notification = Assert.Single(await NotificationsAsync());
        Assert.Equal($"/feedback/{recorded.Id}", notification.Link);
    }

    [Fact]
    public async Task A_save_that_fails_leaves_no_notification_behind()
    {
        _faults.ArmAlways(FaultPoint.Commit);

        await Assert.ThrowsAnyAsync<Exception>(() => _data.Service().RecordAsync(_data.Command(_data.Store, ScoreScale.Nps, 2), _data.CaraContributor));

        _faults.Disarm();
        Assert.Empty(await NotificationsAsync());
        await using var db = _data.Database.CreateDbContext();
        Assert.Equal(0, await db.Feedback.CountAsync());
    }
}
