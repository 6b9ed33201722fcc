using System.Globalization;
using CxDashboard.Domain.Audit;
using CxDashboard.Domain.Notifications;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Features.Notifications;

/// <summary>What an Admin sees of the e-mail queue, and sending a given-up e-mail again.</summary>
public sealed class EmailQueueService(IDbContextFactory<CxDbContext> dbFactory, TimeProvider clock, EmailDelivery delivery,
    IOptions<EmailOptions> options)
{
    /// <summary>How many of the troubled e-mails the page lists, the most recent first.</summary>
    public const int TroubleShown = 50;

    public async Task<EmailQueue> GetQueueAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        RequireAdmin(caller);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var counts = await db.Notifications.AsNoTracking()
            .Where(n => n.EmailStatus == EmailStatus.Pending || n.EmailStatus == EmailStatus.Failed)
            .GroupBy(n => new { n.EmailStatus, Retrying = n.EmailAttempts > 0 })
            .Select(g => new { g.Key.EmailStatus, g.Key.Retrying, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var digests = await db.NotificationDigests.AsNoTracking()
            .Where(d => d.EmailStatus == EmailStatus.Pending || d.EmailStatus == EmailStatus.Failed)
            .GroupBy(d => new { d.EmailStatus, Retrying = d.EmailAttempts > 0 })
            .Select(g => new { g.Key.EmailStatus, g.Key.Retrying, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var trouble = await db.Notifications.AsNoTracking()
            .Where(n => n.EmailStatus == EmailStatus.Failed || (n.EmailStatus == EmailStatus.Pending && n.EmailAttempts > 0))
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(TroubleShown)
            .Join(db.People, n => n.RecipientPersonId, p => p.Id, (n, p) => new
            {
                n.Id, n.Title, p.DisplayName, n.CreatedAt, n.EmailAttempts, n.EmailError, n.EmailDueAt, n.EmailStatus,
            })
            .ToListAsync(cancellationToken);
        return new EmailQueue(delivery.Describe(options.Value.Smtp), delivery.Sends,
            counts.Where(c => c.EmailStatus == EmailStatus.Pending && !c.Retrying).Sum(c => c.Count),
            counts.Where(c => c.EmailStatus == EmailStatus.Pending && c.Retrying).Sum(c => c.Count),
            counts.Where(c => c.EmailStatus == EmailStatus.Failed).Sum(c => c.Count),
            trouble.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
                .Select(t => new QueuedEmailTrouble(t.Id, t.Title, t.DisplayName, t.CreatedAt, t.EmailAttempts, t.EmailError,
                    t.EmailStatus == EmailStatus.Failed ? null : t.EmailDueAt))
                .ToList(),
            new DigestQueue(
                digests.Where(c => c.EmailStatus == EmailStatus.Pending && !c.Retrying).Sum(c => c.Count),
                digests.Where(c => c.EmailStatus == EmailStatus.Pending && c.Retrying).Sum(c => c.Count),
                digests.Where(c => c.EmailStatus == EmailStatus.Failed).Sum(c => c.Count)));
    }

    /// <summary>Puts an e-mail whose every attempt failed back in the queue, to be tried at once; written in the audit trail.</summary>
    public async Task RetryAsync(int notificationId, Caller caller, CancellationToken cancellationToken = default)
    {
        RequireAdmin(caller);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == notificationId, cancellationToken)
                           ?? throw new NotFoundException("That e-mail is no longer in the queue.");
        var now = clock.GetUtcNow().UtcDateTime;
        var attempts = notification.EmailAttempts;
        notification.RetryEmail(now);
        // Notifications are not in the trail (one per person per event would drown it); an Admin's retry is.
        db.AuditEntries.Add(new AuditEntry(now, caller.PersonId, caller.Name, nameof(Notification),
            notificationId.ToString(CultureInfo.InvariantCulture), AuditAction.Changed,
            string.Create(CultureInfo.InvariantCulture, $"Sent e-mail #{notificationId} again after {attempts} failed attempts"),
            null, null));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Puts every daily digest whose every attempt failed back in the queue, to be tried at once; each is written in the
    /// audit trail. Answers how many went back.
    /// </summary>
    public async Task<int> RetryDigestsAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        RequireAdmin(caller);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var failed = await db.NotificationDigests.Where(d => d.EmailStatus == EmailStatus.Failed).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var digest in failed)
        {
            digest.RetryEmail(now);
        }
        await db.SaveChangesAsync(caller.ToAuditActor(), clock, cancellationToken);
        return failed.Count;
    }

    private static void RequireAdmin(Caller caller)
    {
        if (!caller.IsAdmin)
        {
            throw new NotAllowedException("Only an Admin sees the e-mail queue and sends a failed e-mail again.");
        }
    }
}

public sealed record EmailQueue(string Route, bool Sends, int Waiting, int Retrying, int Failed, IReadOnlyList<QueuedEmailTrouble> Trouble,
    DigestQueue Digests);

/// <summary>The daily digests still to be sent: waiting for their first attempt, for another, or given up.</summary>
public sealed record DigestQueue(int Waiting, int Retrying, int Failed);

/// <summary>An e-mail that failed at least once: given up (<see cref="NextAttemptAt"/> null) or waiting for its next attempt.</summary>
public sealed record QueuedEmailTrouble(int Id, string Title, string Recipient, DateTime CreatedAt, int Attempts, string? Error, DateTime? NextAttemptAt);
