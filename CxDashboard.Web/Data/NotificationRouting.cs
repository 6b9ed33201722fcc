using CxDashboard.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Data;

/// <summary>
/// Routes every notification a save adds by its recipient's choice for its kind, whichever path added it (a tracked
/// save, its audit trail, an API batch, an import): one that is turned off is not stored; the others are told in the
/// app, and by e-mail at once or in the next digest. Callers create notifications without knowing anyone's choice.
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
        // Roles as of when the notifications are dated: not every path that saves them (a sweep, an import) hands the save a clock.
        var choices = await NotificationChoices.ForAsync(db, added.Select(e => e.Entity.RecipientPersonId).ToList(),
            added.Max(e => e.Entity.CreatedAt), cancellationToken);
        foreach (var entry in added)
        {
            var channel = choices.For(entry.Entity.RecipientPersonId, entry.Entity.Kind);
            if (channel == NotificationChannel.Off)
            {
                entry.State = EntityState.Detached;
            }
            else
            {
                entry.Entity.Route(channel);
            }
        }
    }
}
