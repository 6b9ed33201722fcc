using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Notifications;
using CxDashboard.Domain.Organisation;
using CxDashboard.Tests.Features.Feedback;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CxDashboard.Tests.Features.Notifications;

/// <summary>
/// What the clock brings about is told by the sweep: a follow-up due within four hours to its owner; a breached one to
/// its owner and the team's lead at once and to the head of CX a day later while it stays open; an action due tomorrow
/// and overdue to its owner. Each once, however many sweeps or instances notice it.
/// </summary>
public sealed class NotificationSweepTests : IAsyncLifetime
{
    private FeedbackData _data = null!;
    private int _head;

    public async Task InitializeAsync()
    {
        _data = await FeedbackData.CreateAsync();
        await using var db = _data.Database.CreateDbContext();
        var head = new Person("Hana Ito", "hana.ito@example.com", _data.DigitalTeam);
        db.People.Add(head);
        await db.SaveChangesAsync();
        db.RoleGrants.Add(new RoleGrant(head.Id, Role.CxLead, "admin@example.com", FeedbackData.Now));
        await db.SaveChangesAsync();
        _head = head.Id;
    }

    public Task DisposeAsync() => _data.Database.DisposeAsync().AsTask();

    private NotificationSweep Sweep() => new(_data.Database, _data.Clock, NullLogger<NotificationSweep>.Instance);

    /// <summary>A detractor in the store whose follow-up, owned by <paramref name="ownerId"/>, is due at <paramref name="dueAt"/>.</summary>
    private async Task<int> FollowUpAsync(int ownerId, DateTime dueAt)
    {
        await using var db = _data.Database.CreateDbContext();
        var item = new FeedbackItem(new FeedbackDetails(dueAt - Sla, _data.Store, null, FeedbackSource.Survey, FeedbackCategory.Service,
            Sentiment.Negative, ScoreScale.Nps, 2, "Nobody called me back.", null), _data.Cara, _data.Clock.GetUtcNow().UtcDateTime);
        item.OpenFollowUp(ownerId, Sla, _data.Clock.GetUtcNow().UtcDateTime);
        db.Feedback.Add(item);
        await db.SaveChangesAsync();
        return item.Id;
    }

    private static readonly TimeSpan Sla = TimeSpan.FromHours(48);

    private async Task<int> ActionAsync(int ownerId, DateOnly due)
    {
        await using var db = _data.Database.CreateDbContext();
        var action = new ActionItem("Call back every detractor within a day", null, ownerId, _data.StoresTeam, due, 2, 1, false, _data.Dana,
            FeedbackData.Now);
        db.Actions.Add(action);
        await db.SaveChangesAsync();
        return action.Id;
    }

    private async Task<List<Notification>> NotificationsAsync()
    {
        await using var db = _data.Database.CreateDbContext();
        return await db.Notifications.AsNoTracking().OrderBy(n => n.Id).ToListAsync();
    }

    [Fact]
    public async Task A_follow_up_due_within_four_hours_tells_its_owner_once()
    {
        var soon = await FollowUpAsync(_data.Cara, FeedbackData.Now.AddHours(3));
        await FollowUpAsync(_data.Cara, FeedbackData.Now.AddHours(5));

        await Sweep().SweepAsync();
        _data.Clock.Advance(TimeSpan.FromMinutes(1));
        await Sweep().SweepAsync();

        var told = Assert.Single(await NotificationsAsync());
        Assert.Equal((_data.Cara, NotificationKind.FollowUpDueSoon, $"/feedback/{soon}"), (told.RecipientPersonId, told.Kind, told.Link));
        Assert.Equal($"Your follow-up of feedback #{soon} is due by 23 Nov 12:00 UTC", told.Title);
    }

    [Fact]
    public async Task A_breached_follow_up_tells_its_owner_and_the_teams_lead_at_once_and_the_head_of_cx_a_day_later()
    {
        var id = await FollowUpAsync(_data.Cara, FeedbackData.Now.AddMinutes(-1));

        await Sweep().SweepAsync();
        var atBreach = await NotificationsAsync();
        _data.Clock.Advance(TimeSpan.FromHours(23));
        await Sweep().SweepAsync();
        var nextDay = await NotificationsAsync();
        _data.Clock.Advance(TimeSpan.FromHours(1));
        await Sweep().SweepAsync();
        var told = await NotificationsAsync();

        Assert.Equal([_data.Cara, _data.Dana], atBreach.Select(n => n.RecipientPersonId));
        Assert.All(told, n => Assert.Equal((NotificationKind.FollowUpBreached, $"/feedback/{id}"), (n.Kind, n.Link)));
        Assert.Equal($"Your follow-up of feedback #{id} is overdue: it was due by 23 Nov 08:59 UTC", atBreach[0].Title);
        Assert.Equal($"Cara Moss's follow-up of feedback #{id} is overdue: it was due by 23 Nov 08:59 UTC", atBreach[1].Title);
        Assert.Equal(2, nextDay.Count);
        Assert.Equal([_data.Cara, _data.Dana, _head], told.Select(n => n.RecipientPersonId));
        Assert.Equal($"Cara Moss's follow-up of feedback #{id} is still open 24 hours after it was due (23 Nov 08:59 UTC)", told[2].Title);
    }

    [Fact]
    public async Task A_lead_who_owns_the_breached_follow_up_is_told_once_not_again_as_its_lead()
    {
        await FollowUpAsync(_data.Dana, FeedbackData.Now.AddMinutes(-1));

        await Sweep().SweepAsync();

        var told = Assert.Single(await NotificationsAsync());
        Assert.Equal(_data.Dana, told.RecipientPersonId);
        Assert.StartsWith("Your follow-up", told.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follow_up_contacted_after_its_breach_escalates_no_further()
    {
        var id = await FollowUpAsync(_data.Cara, FeedbackData.Now.AddMinutes(-1));
        await Sweep().SweepAsync();

        await using (var db = _data.Database.CreateDbContext())
        {
            (await db.Feedback.SingleAsync(f => f.Id == id)).MarkContacted("Called and apologised.", FeedbackData.Now.AddHours(2));
            await db.SaveChangesAsync();
        }
        _data.Clock.Advance(TimeSpan.FromHours(25));
        await Sweep().SweepAsync();

        Assert.DoesNotContain(await NotificationsAsync(), n => n.RecipientPersonId == _head);
        Assert.Equal(2, (await NotificationsAsync()).Count);
    }

    [Fact]
    public async Task A_follow_up_breached_before_the_last_day_is_not_told_of_late()
    {
        await FollowUpAsync(_data.Cara, FeedbackData.Now.AddHours(-49));

        await Sweep().SweepAsync();

        Assert.Empty(await NotificationsAsync());
    }

    [Fact]
    public async Task An_action_is_told_to_its_owner_the_day_before_it_is_due_and_the_day_after()
    {
        var id = await ActionAsync(_data.Cara, new DateOnly(2026, 11, 24));
        await ActionAsync(_data.Cara, new DateOnly(2026, 11, 28));

        await Sweep().SweepAsync();
        _data.Clock.Advance(TimeSpan.FromHours(1));
        await Sweep().SweepAsync();
        _data.Clock.Advance(TimeSpan.FromDays(1));
        await Sweep().SweepAsync();
        _data.Clock.Advance(TimeSpan.FromDays(1));
        await Sweep().SweepAsync();
        _data.Clock.Advance(TimeSpan.FromHours(1));
        await Sweep().SweepAsync();

        var told = await NotificationsAsync();
        Assert.Equal([NotificationKind.ActionDueTomorrow, NotificationKind.ActionOverdue], told.Select(n => n.Kind));
        Assert.All(told, n => Assert.Equal((_data.Cara, $"/actions/{id}"), (n.RecipientPersonId, n.Link)));
        Assert.Equal("An action of yours is due tomorrow: Call back every detractor within a day", told[0].Title);
        Assert.Equal("An action of yours is overdue: it was due 24 Nov 2026: Call back every detractor within a day", told[1].Title);
    }

    [Fact]
    public async Task A_done_action_is_not_told_overdue()
    {
        var id = await ActionAsync(_data.Cara, new DateOnly(2026, 11, 22));
        await using (var db = _data.Database.CreateDbContext())
        {
            (await db.Actions.SingleAsync(a => a.Id == id)).Complete(_data.Cara, FeedbackData.Now);
            await db.SaveChangesAsync();
        }

        await Sweep().SweepAsync();

        Assert.Empty(await NotificationsAsync());
    }

    [Fact]
    public async Task Two_instances_sweeping_at_the_same_moment_tell_each_person_once()
    {
        await FollowUpAsync(_data.Cara, FeedbackData.Now.AddMinutes(-1));
        await FollowUpAsync(_data.Eli, FeedbackData.Now.AddHours(2));
        await ActionAsync(_data.Finn, new DateOnly(2026, 11, 24));

        var written = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Sweep().SweepAsync()));
        var again = await Sweep().SweepAsync();

        var told = await NotificationsAsync();
        Assert.Equal(4, told.Count);
        Assert.Equal(4, written.Sum());
        Assert.Equal(0, again);
        Assert.Equal(told.Count, told.Select(n => n.OnceKey).Distinct().Count());
    }

    [Fact]
    public async Task The_sweep_reads_index_ranges_only()
    {
        if (TestDatabase.UsesSqlServer)
        {
            return; // The plans checked are SQLite's.
        }
        await using var db = _data.Database.CreateDbContext();

        var followUps = await QueryPlan.OfAsync(db, NotificationSweep.FollowUpsDueQuery(db, FeedbackData.Now));
        var actions = await QueryPlan.OfAsync(db, NotificationSweep.ActionsDueQuery(db, FeedbackData.Now));

        QueryPlan.AssertSeeksOnly(followUps);
        Assert.Contains(followUps, line => line.Contains("IX_Feedback_FollowUpStatus_FollowUpDueAt_ContactedAt (FollowUpStatus=? AND FollowUpDueAt>? AND FollowUpDueAt<?)",
            StringComparison.Ordinal));
        QueryPlan.AssertSeeksOnly(actions);
        Assert.Contains(actions, line => line.Contains("IX_Actions_Status_DueDate", StringComparison.Ordinal));
    }
}
