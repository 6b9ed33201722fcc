using System.Globalization;
using CxDashboard.Domain.Notifications;
using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Features.Notifications;

/// <summary>
/// The daily digest: once a day, at <c>Email:Digest:Hour</c>, one e-mail per person listing the notifications they
/// chose to receive that way and that no digest listed yet. The database makes the day's digests: one grouped query
/// finds who has any waiting, one row per person and day is inserted (a unique key, so however many instances make them
/// at once, and however often after a restart, each person gets one), and one UPDATE files the notifications under it.
/// A digest is then sent as a notification's e-mail is: taken under a lease in the database, at least once, retried with
/// growing waits, with the same Message-ID on every attempt.
/// </summary>
public sealed class DailyDigest(IDbContextFactory<CxDbContext> dbFactory, TimeProvider clock, IEmailSender sender, EmailDelivery delivery,
    IOptions<EmailOptions> options, ILogger<DailyDigest> logger)
{
    /// <summary>How many notifications a digest lists; the rest are counted, and are on the person's notifications page.</summary>
    public const int MostListed = 100;

    /// <summary>Makes the digests of the day that is due now for everyone who has notifications waiting; returns how many were made.</summary>
    public async Task<int> MakeDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (day, since) = options.Value.Digest.Due(now);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // A digest is the app's own bookkeeping, not anyone's change: a thousand of them need no audit entries.
        db.AuditEnabled = false;
        try
        {
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var waiting = await Waiting(db, since)
                    .Where(n => !db.NotificationDigests.Any(d => d.RecipientPersonId == n.RecipientPersonId && d.Day == day))
                    .GroupBy(n => n.RecipientPersonId)
                    .Select(g => new { Person = g.Key, Count = g.Count() })
                    .ToListAsync(ct);
                if (waiting.Count == 0)
                {
                    return 0;
                }
                db.NotificationDigests.AddRange(waiting.Select(w => new NotificationDigest(w.Person, day, w.Count, now)));
                await db.SaveChangesAsync(ct);
                var people = waiting.Select(w => w.Person).ToList();
                await Waiting(db, since)
                    .Where(n => people.Contains(n.RecipientPersonId))
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.DigestId,
                        n => db.NotificationDigests.Where(d => d.RecipientPersonId == n.RecipientPersonId && d.Day == day).Select(d => (int?)d.Id).FirstOrDefault()), ct);
                await transaction.CommitAsync(ct);
                return waiting.Count;
            }, cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Another instance made the same day's digests at the same moment; its are kept, and this one's rolled back.
            logger.LogInformation(ex, "The digests of {Day} were made by another instance.", day);
            return 0;
        }
    }

    private static IQueryable<Notification> Waiting(CxDbContext db, DateTime since) =>
        db.Notifications.Where(n => n.ForDigest && n.DigestId == null && n.CreatedAt < since);

    /// <summary>Sends the digests that are due as <paramref name="instance"/>; returns how many were taken.</summary>
    public async Task<int> SendDueAsync(string instance, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lease = $"{instance}/{Guid.NewGuid():N}";
        var until = now + EmailOutbox.Lease;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var free = db.NotificationDigests.Where(d => d.EmailStatus == EmailStatus.Pending && d.EmailDueAt <= now
            && (d.LeasedUntil == null || d.LeasedUntil < now));
        var batch = free.OrderBy(d => d.EmailDueAt).ThenBy(d => d.Id).Take(EmailOutbox.BatchSize).Select(d => d.Id);
        var taken = await free.Where(d => batch.Contains(d.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeasedBy, lease).SetProperty(d => d.LeasedUntil, until), cancellationToken);
        if (taken == 0)
        {
            return 0;
        }
        var due = await db.NotificationDigests.AsNoTracking()
            .Where(d => d.LeasedBy == lease)
            .Join(db.People, d => d.RecipientPersonId, p => p.Id, (d, p) => new { d.Id, d.RecipientPersonId, d.Day, d.CreatedAt, d.EmailAttempts, p.Email, p.DisplayName })
            .OrderBy(d => d.Id)
            .ToListAsync(cancellationToken);
        IEmailSession session;
        try
        {
            session = await sender.OpenAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "The mail server could not be reached; {Count} digests wait for their next attempt.", due.Count);
            foreach (var digest in due)
            {
                await FailedAsync(db, digest.Id, digest.EmailAttempts, lease, ex, cancellationToken);
            }
            return taken;
        }
        await using (session)
        {
            foreach (var digest in due)
            {
                if (clock.GetUtcNow().UtcDateTime + 2 * EmailOutbox.SendTimeout >= until)
                {
                    logger.LogWarning("The mail server is slow; the rest of the digests are left for their lease to run out.");
                    break;
                }
                var content = await ContentAsync(db, digest.Id, cancellationToken);
                try
                {
                    await session.SendAsync(DigestEmail.Compose(new QueuedDigest(digest.RecipientPersonId, digest.Day, digest.CreatedAt, digest.Email,
                        digest.DisplayName, content.Total, content.Items, content.ByKind), delivery), cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "The digest of person {PersonId} for {Day} was not accepted by the mail server.", digest.RecipientPersonId, digest.Day);
                    await FailedAsync(db, digest.Id, digest.EmailAttempts, lease, ex, cancellationToken);
                    continue;
                }
                var sentAt = clock.GetUtcNow().UtcDateTime;
                await db.NotificationDigests.Where(d => d.Id == digest.Id && d.LeasedBy == lease)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(d => d.EmailStatus, EmailStatus.Sent)
                        .SetProperty(d => d.EmailSentAt, sentAt)
                        .SetProperty(d => d.EmailAttempts, digest.EmailAttempts + 1)
                        .SetProperty(d => d.EmailError, (string?)null)
                        .SetProperty(d => d.LeasedBy, (string?)null)
                        .SetProperty(d => d.LeasedUntil, (DateTime?)null), CancellationToken.None);
            }
        }
        return taken;
    }

    /// <summary>What one digest lists: how many of each kind (counted by the database), and the first of them in full.</summary>
    private static async Task<(int Total, IReadOnlyList<DigestItem> Items, IReadOnlyDictionary<NotificationKind, int> ByKind)> ContentAsync(
        CxDbContext db, int digestId, CancellationToken cancellationToken)
    {
        var listed = db.Notifications.AsNoTracking().Where(n => n.DigestId == digestId);
        var byKind = await listed.GroupBy(n => n.Kind).Select(g => new { Kind = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Kind, g => g.Count, cancellationToken);
        var items = await listed.OrderBy(n => n.Kind).ThenBy(n => n.CreatedAt).ThenBy(n => n.Id).Take(MostListed)
            .Select(n => new DigestItem(n.Kind, n.Title, n.Link, n.CreatedAt))
            .ToListAsync(cancellationToken);
        return (byKind.Values.Sum(), items, byKind);
    }

    private async Task FailedAsync(CxDbContext db, int id, int attemptsBefore, string lease, Exception error, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var attempts = attemptsBefore + 1;
        var status = DeliveryRetries.IsLast(attempts) ? EmailStatus.Failed : EmailStatus.Pending;
        var next = now + DeliveryRetries.After(attempts);
        var message = error.Message.Length <= Notification.MaxErrorLength ? error.Message : error.Message[..(Notification.MaxErrorLength - 1)] + "…";
        await db.NotificationDigests.Where(d => d.Id == id && d.LeasedBy == lease)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.EmailStatus, status)
                .SetProperty(d => d.EmailDueAt, next)
                .SetProperty(d => d.EmailAttempts, attempts)
                .SetProperty(d => d.EmailError, message)
                .SetProperty(d => d.LeasedBy, (string?)null)
                .SetProperty(d => d.LeasedUntil, (DateTime?)null), cancellationToken);
    }
}

/// <summary>One notification as a digest lists it.</summary>
public sealed record DigestItem(NotificationKind Kind, string Title, string Link, DateTime CreatedAt);

/// <summary>A digest due by e-mail, with what its message needs.</summary>
/// <param name="Total">How many notifications it holds; <paramref name="Items"/> lists the first of them.</param>
public sealed record QueuedDigest(int RecipientPersonId, DateOnly Day, DateTime CreatedAt, string ToAddress, string ToName, int Total,
    IReadOnlyList<DigestItem> Items, IReadOnlyDictionary<NotificationKind, int> ByKind)
{
    public string DayText => Day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
