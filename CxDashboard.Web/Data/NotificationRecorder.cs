using System.Globalization;
using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CxDashboard.Web.Data;

/// <summary>
/// Turns the changes a context is about to commit into the notifications they cause, written beside the
/// audit trail in the same transaction: a change and the news of it are kept together or not at all. Only
/// what the tracked rows already say is used (no look-ups), so a batch of a thousand items costs no extra
/// round trip; a title never carries what a customer said, so erasing a customer leaves nothing here.
/// </summary>
internal static class NotificationRecorder
{
    public static List<Notification> Describe(ChangeTracker tracker, AuditActor actor, DateTime at, bool byEmail)
    {
        var notifications = new List<Notification>();
        // The app's own saves (demo data, maintenance) tell nobody: the demo retailer's people would get a mail for each seeded action.
        if (actor == AuditActor.System)
        {
            return notifications;
        }
        foreach (var entry in tracker.Entries<FeedbackItem>())
        {
            if (FollowUpGiven(entry) is { } ownerId && ownerId != actor.PersonId)
            {
                // The stored key: the entity's own property still holds a temporary one until the save is accepted.
                notifications.Add(FollowUpYours(entry.Entity, entry.Property(f => f.Id).CurrentValue, ownerId, at, byEmail));
            }
        }
        foreach (var entry in tracker.Entries<ActionItem>())
        {
            if (Given(entry, a => a.OwnerPersonId) is { } ownerId && ownerId != actor.PersonId && entry.Entity.Status is not (ActionStatus.Done or ActionStatus.Cancelled))
            {
                var id = entry.Property(a => a.Id).CurrentValue;
                var action = entry.Entity;
                var due = action.DueDate.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
                var title = string.Create(CultureInfo.InvariantCulture, $"An action is yours, due {due}: ");
                var room = Notification.MaxTitleLength - title.Length;
                notifications.Add(new Notification(ownerId, NotificationKind.ActionAssigned,
                    title + (action.Title.Length <= room ? action.Title : action.Title[..(room - 1)] + "…"),
                    string.Create(CultureInfo.InvariantCulture, $"/actions/{id}"), at, byEmail));
            }
        }
        return notifications;
    }

    /// <summary>
    /// What the owner of the follow-ups of feedback written in bulk (an API batch) is told, but the sender: of one follow-up,
    /// as a save of the item through the change tracker would tell it; of several, once, with the count and a link to their
    /// follow-ups, so a backfill of hundreds of detractors is one message, not hundreds of e-mails.
    /// </summary>
    public static IEnumerable<Notification> FollowUpsOpened(IEnumerable<(FeedbackItem Item, int Id)> written, AuditActor actor, DateTime at, bool byEmail) =>
        actor == AuditActor.System
            ? []
            : written.Where(w => w.Item.FollowUpStatus is FollowUpStatus.Open && w.Item.FollowUpOwnerPersonId is { } owner && owner != actor.PersonId)
                .GroupBy(w => w.Item.FollowUpOwnerPersonId!.Value)
                .Select(owned => owned.Count() == 1
                    ? FollowUpYours(owned.Single().Item, owned.Single().Id, owned.Key, at, byEmail)
                    : new Notification(owned.Key, NotificationKind.FollowUpAssigned,
                        string.Create(CultureInfo.InvariantCulture, $"{owned.Count():N0} detractors and complaints need your follow-up"),
                        "/feedback/follow-ups", at, byEmail));

    /// <summary>
    /// What each owner is told of an import's follow-ups: one notification per owner with the count, linking to their
    /// follow-ups, rather than one per row: an export of a quarter can open thousands.
    /// </summary>
    public static IEnumerable<Notification> ImportedFollowUps(IReadOnlyDictionary<int, int> followUpsByOwner, string fileName, AuditActor actor,
        DateTime at, bool byEmail) =>
        followUpsByOwner.Where(o => o.Key != actor.PersonId).Select(o => new Notification(o.Key, NotificationKind.FollowUpAssigned,
            Title(string.Create(CultureInfo.InvariantCulture,
                $"{o.Value:N0} {(o.Value == 1 ? "follow-up" : "follow-ups")} from the import of '"), fileName, "' are yours"),
            "/feedback/follow-ups", at, byEmail));

    private static Notification FollowUpYours(FeedbackItem item, int id, int ownerId, DateTime at, bool byEmail)
    {
        var due = item.FollowUpDueAt!.Value.ToString("d MMM HH:mm", CultureInfo.InvariantCulture);
        var what = item.Source == FeedbackSource.Complaint ? "A complaint" : "A detractor";
        return new Notification(ownerId, NotificationKind.FollowUpAssigned,
            string.Create(CultureInfo.InvariantCulture, $"{what} needs your follow-up by {due} UTC (feedback #{id})"),
            string.Create(CultureInfo.InvariantCulture, $"/feedback/{id}"), at, byEmail);
    }

    /// <summary>A title with a name in it, the name shortened to fit.</summary>
    private static string Title(string before, string name, string after)
    {
        var room = Notification.MaxTitleLength - before.Length - after.Length;
        return before + (name.Length <= room ? name : name[..(room - 1)] + "…") + after;
    }

    /// <summary>The person a row was just given to: on creation, or by a change of the owner since.</summary>
    private static int? Given<T>(EntityEntry<T> entry, System.Linq.Expressions.Expression<Func<T, int>> owner) where T : class =>
        entry.State switch
        {
            EntityState.Added => entry.Property(owner).CurrentValue,
            EntityState.Modified when entry.Property(owner) is { IsModified: true } changed && changed.OriginalValue != changed.CurrentValue => changed.CurrentValue,
            _ => null,
        };

    /// <summary>The person a follow-up was just given to: opened with the item, or opened or reassigned since.</summary>
    private static int? FollowUpGiven(EntityEntry<FeedbackItem> entry)
    {
        var item = entry.Entity;
        if (item.FollowUpStatus is not (FollowUpStatus.Open or FollowUpStatus.Contacted) || item.FollowUpOwnerPersonId is not { } ownerId)
        {
            return null;
        }
        return entry.State switch
        {
            EntityState.Added => ownerId,
            EntityState.Modified when entry.Property(f => f.FollowUpOwnerPersonId) is { IsModified: true } owner
                && !Equals(owner.OriginalValue, owner.CurrentValue) => ownerId,
            _ => null,
        };
    }
}
