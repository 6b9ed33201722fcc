using CxDashboard.Domain.Audit;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Notifications;
using CxDashboard.Tests.Features.Feedback;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CxDashboard.Tests.Features.Notifications;

/// <summary>An Admin sees what waits in the e-mail queue and what failed, and sends a given-up e-mail again; nobody else does.</summary>
public sealed class EmailQueueServiceTests : IAsyncLifetime
{
    private readonly RecordingMailbox _mailbox = new();
    private FeedbackData _data = null!;

    public async Task InitializeAsync() => _data = await FeedbackData.CreateAsync();

    public async Task DisposeAsync() => await _data.Database.DisposeAsync();

    private Caller Admin => new(_data.Dana, "Dana Reid", _data.StoresTeam, new HashSet<string> { Roles.Admin });

    private static EmailDelivery Delivery(string? host) => new(
        Options.Create(new EmailOptions { From = "cx@retailer.example", Smtp = { Host = host } }),
        Options.Create(new AppOptions { BaseUrl = "https://cx.retailer.example" }),
        new HostingEnvironment { EnvironmentName = "Production", ContentRootPath = Path.GetTempPath() });

    private EmailQueueService Service(string? host = "smtp.retailer.example") =>
        new(_data.Database, _data.Clock, Delivery(host), Options.Create(new EmailOptions { Smtp = { Host = host } }));

    /// <summary>Queues e-mails to Finn (whose mailbox refuses them until given up) and to Eli (sent), as the queue leaves them.</summary>
    private async Task<int> GiveUpOnFinnAsync()
    {
        var now = _data.Clock.GetUtcNow().UtcDateTime;
        var finn = await _data.Database.SaveAsync(new Notification(_data.Finn, NotificationKind.FollowUpAssigned, "A complaint needs your follow-up",
            "/feedback/1", now, byEmail: true));
        await _data.Database.SaveAsync(new Notification(_data.Eli, NotificationKind.FollowUpAssigned, "A detractor needs your follow-up",
            "/feedback/2", now, byEmail: true));
        _mailbox.RefusedAddress = "finn@example.com";
        var outbox = new EmailOutbox(_data.Database, _data.Clock, _mailbox, Delivery("smtp.retailer.example"), NullLogger<EmailOutbox>.Instance);
        for (var attempt = 0; attempt < DeliveryRetries.MaxAttempts; attempt++)
        {
            await outbox.SendDueAsync("app-1", default);
            _data.Clock.Advance(TimeSpan.FromMinutes(15));
        }
        return finn[0].Id;
    }

    [Fact]
    public async Task An_admin_sees_the_e_mail_given_up_with_its_error_and_sends_it_again_in_the_audit_trail()
    {
        var id = await GiveUpOnFinnAsync();
        var service = Service();

        var queue = await service.GetQueueAsync(Admin);

        Assert.True(queue.Sends);
        Assert.Equal((0, 0, 1), (queue.Waiting, queue.Retrying, queue.Failed));
        var failed = Assert.Single(queue.Trouble);
        Assert.Equal(("Finn Hale", DeliveryRetries.MaxAttempts, null), (failed.Recipient, failed.Attempts, failed.NextAttemptAt));
        Assert.Contains("Mailbox unavailable", failed.Error, StringComparison.Ordinal);

        await service.RetryAsync(id, Admin);

        var after = await service.GetQueueAsync(Admin);
        Assert.Equal((1, 0, 0), (after.Waiting, after.Retrying, after.Failed));
        await using var db = _data.Database.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(e => e.EntityType == nameof(Notification));
        Assert.Equal((AuditAction.Changed, id.ToString(), "Dana Reid"), (entry.Action, entry.EntityId, entry.ActorName));
        Assert.Contains($"{DeliveryRetries.MaxAttempts} failed attempts", entry.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_e_mail_that_was_sent_cannot_be_sent_again_and_nothing_changes()
    {
        await GiveUpOnFinnAsync();
        await using var read = _data.Database.CreateDbContext();
        var sent = await read.Notifications.SingleAsync(n => n.RecipientPersonId == _data.Eli);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Service().RetryAsync(sent.Id, Admin));

        Assert.Contains("Only an e-mail whose every attempt failed", refusal.Message, StringComparison.Ordinal);
        await using var db = _data.Database.CreateDbContext();
        Assert.Equal(EmailStatus.Sent, (await db.Notifications.SingleAsync(n => n.Id == sent.Id)).EmailStatus);
        Assert.False(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Notification)));
    }

    [Fact]
    public async Task A_channel_lead_can_neither_see_the_queue_nor_send_an_e_mail_again()
    {
        var id = await GiveUpOnFinnAsync();

        await Assert.ThrowsAsync<NotAllowedException>(() => Service().GetQueueAsync(_data.StoresLead));
        await Assert.ThrowsAsync<NotAllowedException>(() => Service().RetryAsync(id, _data.StoresLead));

        await using var db = _data.Database.CreateDbContext();
        Assert.Equal(EmailStatus.Failed, (await db.Notifications.SingleAsync(n => n.Id == id)).EmailStatus);
    }

    [Fact]
    public async Task Without_an_smtp_server_the_admin_is_told_that_no_e_mail_is_sent()
    {
        var queue = await Service(host: null).GetQueueAsync(Admin);

        Assert.False(queue.Sends);
        Assert.Contains("No e-mail is sent", queue.Route, StringComparison.Ordinal);
        Assert.Contains("Email:Smtp:Host", queue.Route, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_sees_the_daily_digests_that_wait_to_be_sent_beside_the_e_mails()
    {
        await _data.Database.SaveAsync(new Notification(_data.Finn, NotificationKind.ActionOverdue, "An action is overdue", "/actions/1",
            _data.Clock.GetUtcNow().UtcDateTime, byEmail: true));
        _data.Clock.Advance(TimeSpan.FromDays(1));
        var email = new EmailOptions { From = "cx@retailer.example", Smtp = { Host = "smtp.retailer.example" } };
        await new DailyDigest(_data.Database, _data.Clock, _mailbox, Delivery("smtp.retailer.example"), Options.Create(email),
            NullLogger<DailyDigest>.Instance).MakeDueAsync(default);

        var queue = await Service().GetQueueAsync(Admin);

        Assert.Equal(new DigestQueue(1, 0, 0), queue.Digests);
        Assert.Equal(0, queue.Waiting);
    }

    /// <summary>Makes Finn's digest of an overdue action, and tries it until it is given up: his mailbox refuses it.</summary>
    private async Task GiveUpOnFinnsDigestAsync()
    {
        await _data.Database.SaveAsync(new Notification(_data.Finn, NotificationKind.ActionOverdue, "An action is overdue", "/actions/1",
            _data.Clock.GetUtcNow().UtcDateTime, byEmail: true));
        _data.Clock.Advance(TimeSpan.FromDays(1));
        _mailbox.RefusedAddress = "finn@example.com";
        var email = new EmailOptions { From = "cx@retailer.example", Smtp = { Host = "smtp.retailer.example" } };
        var digest = new DailyDigest(_data.Database, _data.Clock, _mailbox, Delivery("smtp.retailer.example"), Options.Create(email),
            NullLogger<DailyDigest>.Instance);
        await digest.MakeDueAsync(default);
        for (var attempt = 0; attempt < DeliveryRetries.MaxAttempts; attempt++)
        {
            await digest.SendDueAsync("app-1", default);
            _data.Clock.Advance(TimeSpan.FromMinutes(15));
        }
    }

    [Fact]
    public async Task An_admin_sends_the_given_up_daily_digests_again_in_the_audit_trail()
    {
        await GiveUpOnFinnsDigestAsync();
        var service = Service();
        Assert.Equal(new DigestQueue(0, 0, 1), (await service.GetQueueAsync(Admin)).Digests);

        var sentAgain = await service.RetryDigestsAsync(Admin);

        Assert.Equal(1, sentAgain);
        Assert.Equal(new DigestQueue(1, 0, 0), (await service.GetQueueAsync(Admin)).Digests);
        await using var db = _data.Database.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(e => e.EntityType == nameof(NotificationDigest));
        Assert.Equal((AuditAction.Changed, "Dana Reid"), (entry.Action, entry.ActorName));
    }

    [Fact]
    public async Task A_channel_lead_cannot_send_the_digests_again_and_nothing_changes()
    {
        await GiveUpOnFinnsDigestAsync();

        await Assert.ThrowsAsync<NotAllowedException>(() => Service().RetryDigestsAsync(_data.StoresLead));

        await using var db = _data.Database.CreateDbContext();
        Assert.Equal(EmailStatus.Failed, (await db.NotificationDigests.SingleAsync()).EmailStatus);
    }
}
