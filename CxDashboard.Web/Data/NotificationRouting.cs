using CxDashboard.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Data;

/// <summary>
/// Routes every notification by its recipient's choice for its kind, whichever path created it (a tracked save, its
/// audit trail, an API batch, an import): one that is turned off is not stored; the others are told in the app, and by
/// e-mail at once or in the next digest. Callers create notifications without knowing anyone's choice. A save routes
/// the notifications added to it; a bulk write (<see cref="NotificationBulkWriter"/>) routes those it is given, by the
/// same rule, before writing them.
/// </summary>
internal static class NotificationRouting
{
    public static async Task RouteAddedAsync(CxDbContext db, CancellationToken cancellationToken)
    {
        var added = db.ChangeTracker.Entries<Notification>().Where(e => e.State == EntityState.Added).ToList();
        if (added.Count == 0)
        {
            return;
        }
        var choices = await ChoicesAsync(db, added.Select(e => e.Entity).ToList(), cancellationToken);
        foreach (var entry in added)
        {
            if (!Route(choices, entry.Entity))
            {
                entry.State = EntityState.Detached;
            }
        }
    }

    /// <summary>Routes each of <paramref name="notifications"/> and gives back those to store: all but the ones their recipient turned off.</summary>
    public static async Task<List<Notification>> KeptAsync(CxDbContext db, IReadOnlyCollection<Notification> notifications,
        CancellationToken cancellationToken)
    {
        if (notifications.Count == 0)
        {
            return [];
        }
        var choices = await ChoicesAsync(db, notifications, cancellationToken);
        return notifications.Where(n => Route(choices, n)).ToList();
    }

    /// <summary>
    /// Every recipient's choices in one query, however many notifications; their roles as of when the notifications are
    /// dated, since not every path that writes them (a sweep, an import) has a clock to hand.
    /// </summary>
    private static Task<NotificationChoices> ChoicesAsync(CxDbContext db, IReadOnlyCollection<Notification> notifications,
        CancellationToken cancellationToken) =>
        NotificationChoices.ForAsync(db, notifications.Select(n => n.RecipientPersonId).Distinct().ToList(),
            notifications.Max(n => n.CreatedAt), cancellationToken);

    /// <summary>Follows the recipient's choice; false when they turned the kind off, and the notification is not to be stored.</summary>
    private static bool Route(NotificationChoices choices, Notification notification)
    {
        var channel = choices.For(notification.RecipientPersonId, notification.Kind);
        if (channel == NotificationChannel.Off)
        {
            return false;
        }
        notification.Route(channel);
        return true;
    }
}
