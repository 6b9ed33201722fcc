using CxDashboard.Domain.Notifications;
using CxDashboard.Tests.Features.Feedback;
using CxDashboard.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CxDashboard.Tests.Features.Notifications;

/// <summary>
/// The e-mail queue: each message is sent at least once, by one instance however many take the queue,
/// is retried with growing waits while the mail server is down, and is not sent again once sent.
/// </summary>
public sealed class EmailOutboxTests : IAsyncLifetime
{
    private readonly RecordingMailbox _mailbox = new();
    private FeedbackData _data = null!;

    public async Task InitializeAsync() => _data = await FeedbackData.CreateAsync();

    public async Task DisposeAsync() => await _data.Database.DisposeAsync();

    private static EmailDelivery Delivery() => new(
        Options.Create(new EmailOptions { From = "CX Dashboard <cx@retailer.example>", Smtp = { Host = "smtp.retailer.example" } }),
        Options.Create(new AppOptions { BaseUrl = "https://cx.retailer.example" }),
        new HostingEnvironment { EnvironmentName = "Production", ContentRootPath = Path.GetTempPath() });

    /// <summary>One running instance of the app, as far as the queue is concerned.</summary>
    private EmailOutbox Instance() => new(_data.Database, _data.Clock, _mailbox, Delivery(), NullLogger<EmailOutbox>.Instance);

    private async Task<Notification[]> QueueAsync(int count, int? recipient = null) =>
        await _data.Database.SaveAsync(Enumerable.Range(1, count)
            .Select(i => new Notification(recipient ?? _data.Dana, NotificationKind.FollowUpAssigned, $"A detractor needs your follow-up ({i})",
                $"/feedback/{i}", _data.Clock.GetUtcNow().UtcDateTime, byEmail: true))
            .ToArray());

    private async Task<Notification> StoredAsync(int id)
    {
        await using var db = _data.Database.CreateDbContext();
        return await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id);
    }

    [Fact]
    public async Task A_due_message_reaches_its_recipient_with_links_to_the_item_and_to_their_settings()
    {
        var queued = (await QueueAsync(1))[0];

        await Instance().SendDueAsync("app-1", default);

        var message = Assert.Single(_mailbox.Accepted);
        Assert.Equal("dana@example.com", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal($"{queued.MessageId:N}@cx.retailer.example", message.MessageId);
        Assert.Contains("https://cx.retailer.example/feedback/1", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://cx.retailer.example/feedback/1\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("https://cx.retailer.example/notifications\n", message.TextBody!.ReplaceLineEndings("\n") + "\n", StringComparison.Ordinal);
        Assert.Contains("https://cx.retailer.example/notifications/settings", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://cx.retailer.example/notifications/settings\"", message.HtmlBody, StringComparison.Ordinal);
        var stored = await StoredAsync(queued.Id);
        Assert.Equal(EmailStatus.Sent, stored.EmailStatus);
        Assert.Null(stored.LeasedBy);
    }

    [Fact]
    public async Task Two_instances_taking_the_queue_at_the_same_moment_send_each_message_once()
    {
        await QueueAsync(3 * EmailOutbox.BatchSize);
        var first = Instance();
        var second = Instance();

        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(first.SendDueAsync("app-1", default), second.SendDueAsync("app-2", default));
        }

        Assert.Equal(3 * EmailOutbox.BatchSize, _mailbox.Accepted.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(3 * EmailOutbox.BatchSize, _mailbox.Accepted.Count);
    }

    [Fact]
    public async Task A_message_sent_is_not_sent_again_by_an_instance_started_later()
    {
        await QueueAsync(2);
        await Instance().SendDueAsync("app-1", default);

        _data.Clock.Advance(TimeSpan.FromDays(1));
        var taken = await Instance().SendDueAsync("app-1-restarted", default);

        Assert.Equal(0, taken);
        Assert.Equal(2, _mailbox.Accepted.Count);
    }

    [Fact]
    public async Task While_the_mail_server_is_down_a_message_waits_longer_each_time_and_goes_when_it_is_back()
    {
        var queued = (await QueueAsync(1))[0];
        var outbox = Instance();
        _mailbox.Down = true;

        await outbox.SendDueAsync("app-1", default);
        Assert.Equal(0, await outbox.SendDueAsync("app-1", default));
        _data.Clock.Advance(TimeSpan.FromSeconds(30));
        await outbox.SendDueAsync("app-1", default);

        var waiting = await StoredAsync(queued.Id);
        Assert.Equal(EmailStatus.Pending, waiting.EmailStatus);
        Assert.Equal(2, waiting.EmailAttempts);
        Assert.Equal(_data.Clock.GetUtcNow().UtcDateTime.AddMinutes(1), waiting.EmailDueAt);
        Assert.Contains("Connection refused", waiting.EmailError, StringComparison.Ordinal);

        // An hour down: the waits stop growing at a quarter of an hour.
        for (var minute = 0; minute < 60; minute++)
        {
            _data.Clock.Advance(TimeSpan.FromMinutes(1));
            await outbox.SendDueAsync("app-1", default);
        }
        Assert.Empty(_mailbox.Accepted);
        _mailbox.Down = false;
        _data.Clock.Advance(TimeSpan.FromMinutes(15));
        await outbox.SendDueAsync("app-1", default);

        Assert.Single(_mailbox.Accepted);
        var sent = await StoredAsync(queued.Id);
        Assert.Equal(EmailStatus.Sent, sent.EmailStatus);
        Assert.Null(sent.EmailError);
    }

    [Fact]
    public async Task A_message_held_by_an_instance_that_stopped_is_sent_by_another_once_the_lease_runs_out()
    {
        var queued = (await QueueAsync(1))[0];
        await using (var db = _data.Database.CreateDbContext())
        {
            // What an instance that took the message and then stopped leaves behind.
            var until = _data.Clock.GetUtcNow().UtcDateTime + EmailOutbox.Lease;
            await db.Notifications.Where(n => n.Id == queued.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.LeasedBy, "app-1/stopped").SetProperty(n => n.LeasedUntil, until));
        }

        Assert.Equal(0, await Instance().SendDueAsync("app-2", default));
        _data.Clock.Advance(EmailOutbox.Lease + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await Instance().SendDueAsync("app-2", default));

        Assert.Single(_mailbox.Accepted);
    }

    [Fact]
    public async Task A_slow_mail_server_makes_a_batch_stop_before_its_lease_runs_out_and_the_rest_goes_later_once()
    {
        await QueueAsync(EmailOutbox.BatchSize);
        _mailbox.Sending = () => _data.Clock.Advance(EmailOutbox.SendTimeout);

        await Instance().SendDueAsync("app-1", default);
        var first = _mailbox.Accepted.Count;
        _data.Clock.Advance(EmailOutbox.Lease);
        await Instance().SendDueAsync("app-2", default);
        _data.Clock.Advance(EmailOutbox.Lease);
        await Instance().SendDueAsync("app-2", default);

        Assert.InRange(first, 1, EmailOutbox.BatchSize - 1);
        Assert.Equal(EmailOutbox.BatchSize, _mailbox.Accepted.Count);
        Assert.Equal(EmailOutbox.BatchSize, _mailbox.Accepted.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task A_message_refused_every_time_is_given_up_and_an_admin_can_send_it_again()
    {
        var queued = (await QueueAsync(1, _data.Eli))[0];
        var other = (await QueueAsync(1))[0];
        _mailbox.RefusedAddress = "eli@example.com";
        var outbox = Instance();

        for (var attempt = 0; attempt < DeliveryRetries.MaxAttempts; attempt++)
        {
            await outbox.SendDueAsync("app-1", default);
            _data.Clock.Advance(TimeSpan.FromMinutes(15));
        }

        var failed = await StoredAsync(queued.Id);
        Assert.Equal(EmailStatus.Failed, failed.EmailStatus);
        Assert.Equal(DeliveryRetries.MaxAttempts, failed.EmailAttempts);
        Assert.Contains("Mailbox unavailable", failed.EmailError, StringComparison.Ordinal);
        Assert.Equal(EmailStatus.Sent, (await StoredAsync(other.Id)).EmailStatus);

        _mailbox.RefusedAddress = null;
        await using (var db = _data.Database.CreateDbContext())
        {
            var notification = await db.Notifications.SingleAsync(n => n.Id == queued.Id);
            notification.RetryEmail(_data.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }
        await outbox.SendDueAsync("app-1", default);

        Assert.Equal(EmailStatus.Sent, (await StoredAsync(queued.Id)).EmailStatus);
        Assert.Contains(_mailbox.Accepted, m => m.To.Mailboxes.Single().Address == "eli@example.com");
    }
}
