using CxDashboard.Domain.Notifications;
using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Notifications;

/// <summary>
/// Sends the notifications that are due by e-mail, at least once each. An instance takes a batch with one
/// UPDATE that sets a lease on rows nobody holds, so with several instances each message is taken by one;
/// an instance that stops mid-batch leaves its lease to run out, and another takes the rest. A failed
/// attempt waits longer each time (<see cref="DeliveryRetries"/>) until it is given up and shown to Admin.
/// A message sent whose success could not be recorded is sent again with the same Message-ID.
/// </summary>
public sealed class EmailOutbox(IDbContextFactory<CxDbContext> dbFactory, TimeProvider clock, IEmailSender sender, EmailDelivery delivery,
    ILogger<EmailOutbox> logger)
{
    public const int BatchSize = 20;

    /// <summary>How long one attempt to reach the mail server or hand it a message may take.</summary>
    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a batch is held. A batch stops sending while a send could still run past its lease, leaving the
    /// rest to run out and be taken again, so no lease is taken over while its holder is still sending.
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>Sends what is due now as <paramref name="instance"/>; returns how many messages were taken.</summary>
    public async Task<int> SendDueAsync(string instance, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lease = $"{instance}/{Guid.NewGuid():N}";
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var until = now + Lease;
        var taken = await TakeAsync(db, lease, now, until, cancellationToken);
        if (taken == 0)
        {
            return 0;
        }
        var due = await db.Notifications.AsNoTracking()
            .Where(n => n.LeasedBy == lease)
            .Join(db.People, n => n.RecipientPersonId, p => p.Id,
                (n, p) => new { n.Id, n.MessageId, n.Title, n.Link, n.CreatedAt, n.EmailAttempts, p.Email, p.DisplayName })
            .OrderBy(e => e.Id)
            .Select(e => new QueuedEmail(e.Id, e.MessageId, e.Title, e.Link, e.CreatedAt, e.EmailAttempts, e.Email, e.DisplayName))
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return taken;
        }

        IEmailSession session;
        try
        {
            session = await sender.OpenAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "The mail server could not be reached; {Count} e-mails wait for their next attempt.", due.Count);
            foreach (var email in due)
            {
                await FailedAsync(db, email, lease, ex, cancellationToken);
            }
            return taken;
        }
        await using (session)
        {
            foreach (var email in due)
            {
                if (clock.GetUtcNow().UtcDateTime + 2 * SendTimeout >= until)
                {
                    logger.LogWarning("The mail server is slow; the rest of the batch is left for its lease to run out.");
                    break;
                }
                try
                {
                    await session.SendAsync(NotificationEmail.Compose(email, delivery), cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "E-mail {MessageId} was not accepted by the mail server.", email.MessageId);
                    await FailedAsync(db, email, lease, ex, cancellationToken);
                    continue;
                }
                await SentAsync(db, email, lease, cancellationToken);
            }
        }
        return taken;
    }

    /// <summary>
    /// Leases up to a batch of due e-mails to <paramref name="lease"/> in one statement. The outer condition
    /// repeats the inner one: an instance that waited on another's lock finds the row no longer free.
    /// </summary>
    private static Task<int> TakeAsync(CxDbContext db, string lease, DateTime now, DateTime until, CancellationToken cancellationToken)
    {
        var free = db.Notifications.Where(n => n.EmailStatus == EmailStatus.Pending && n.EmailDueAt <= now
            && (n.LeasedUntil == null || n.LeasedUntil < now));
        var batch = free.OrderBy(n => n.EmailDueAt).ThenBy(n => n.Id).Take(BatchSize).Select(n => n.Id);
        return free.Where(n => batch.Contains(n.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.LeasedBy, lease).SetProperty(n => n.LeasedUntil, until), cancellationToken);
    }

    private async Task SentAsync(CxDbContext db, QueuedEmail email, string lease, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var recorded = await db.Notifications.Where(n => n.Id == email.Id && n.LeasedBy == lease)
            .ExecuteUpdateAsync(s => s
                .SetProperty(n => n.EmailStatus, EmailStatus.Sent)
                .SetProperty(n => n.EmailSentAt, now)
                .SetProperty(n => n.EmailAttempts, email.Attempts + 1)
                .SetProperty(n => n.EmailError, (string?)null)
                .SetProperty(n => n.LeasedBy, (string?)null)
                .SetProperty(n => n.LeasedUntil, (DateTime?)null), CancellationToken.None);
        if (recorded == 0)
        {
            logger.LogWarning("E-mail {MessageId} was sent after its lease ran out; another instance may send it again.", email.MessageId);
        }
    }

    private async Task FailedAsync(CxDbContext db, QueuedEmail email, string lease, Exception error, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var attempts = email.Attempts + 1;
        var status = DeliveryRetries.IsLast(attempts) ? EmailStatus.Failed : EmailStatus.Pending;
        var next = now + DeliveryRetries.After(attempts);
        var message = error.Message.Length <= Notification.MaxErrorLength ? error.Message : error.Message[..(Notification.MaxErrorLength - 1)] + "…";
        await db.Notifications.Where(n => n.Id == email.Id && n.LeasedBy == lease)
            .ExecuteUpdateAsync(s => s
                .SetProperty(n => n.EmailStatus, status)
                .SetProperty(n => n.EmailDueAt, next)
                .SetProperty(n => n.EmailAttempts, attempts)
                .SetProperty(n => n.EmailError, message)
                .SetProperty(n => n.LeasedBy, (string?)null)
                .SetProperty(n => n.LeasedUntil, (DateTime?)null), cancellationToken);
    }
}
