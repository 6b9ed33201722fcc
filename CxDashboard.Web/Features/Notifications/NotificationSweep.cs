using System.Globalization;
using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Notifications;
using CxDashboard.Domain.Organisation;
using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Notifications;

/// <summary>
/// Tells what the clock alone brings about: a follow-up due within four hours, a follow-up breached and its
/// escalation (<see cref="FollowUpEscalation"/>), an action due tomorrow, an action overdue. Each sweep looks at
/// what is due now and what came due in the last <see cref="CatchUp"/> (so a restart or an outage loses nothing
/// recent), and writes what nobody was told yet. Every notification carries a key naming the item, the kind, the
/// step and the recipient, unique in the database: a second sweep, or a second instance sweeping at the same
/// moment, cannot tell anyone twice.
/// </summary>
/// <remarks>
/// The sweep reads index ranges only: open follow-ups by due time, open actions by due date, bounded by the window,
/// so its cost follows what falls due in a day, not the size of the feedback.
/// </remarks>
public sealed class NotificationSweep(IDbContextFactory<CxDbContext> dbFactory, TimeProvider clock, ILogger<NotificationSweep> logger)
{
    /// <summary>How far back a sweep looks for a time that passed while no sweep ran.</summary>
    public static readonly TimeSpan CatchUp = TimeSpan.FromHours(24);

    /// <summary>Sweeps once, as of the clock's time; returns how many notifications it wrote.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var byEmail = db.NotifiesByEmail;
        var due = new List<Notification>();
        due.AddRange(await FollowUpNoticesAsync(db, now, byEmail, cancellationToken));
        due.AddRange(await ActionNoticesAsync(db, now, byEmail, cancellationToken));
        if (due.Count == 0)
        {
            return 0;
        }
        var keys = due.Select(n => n.OnceKey!).ToList();
        var told = (await db.Notifications.AsNoTracking()
                .Where(n => keys.Contains(n.OnceKey!))
                .Select(n => n.OnceKey!)
                .ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var fresh = due.Where(n => !told.Contains(n.OnceKey!)).ToList();
        if (fresh.Count == 0)
        {
            return 0;
        }
        db.Notifications.AddRange(fresh);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Another instance wrote some of the same keys a moment earlier: nothing of this sweep is kept, and the
            // next one writes only what is still missing.
            logger.LogInformation(ex, "Another sweep told some of the same people first; the next sweep tells the rest.");
            return 0;
        }
        return fresh.Count;
    }

    internal sealed record FollowUpDue(int Id, DateTime DueAt, FeedbackSource Source, int OwnerId, string OwnerName, int? OwnerTeamLead, int? ChannelTeamLead);

    /// <summary>The open follow-ups whose due time lies between the oldest step still to catch up on and four hours from now.</summary>
    internal static IQueryable<FollowUpDue> FollowUpsDueQuery(CxDbContext db, DateTime now) =>
        FollowUpsDueQuery(db, now - FollowUpEscalation.LastStep - CatchUp, now + FollowUpEscalation.DueSoonWithin);

    private static IQueryable<FollowUpDue> FollowUpsDueQuery(CxDbContext db, DateTime after, DateTime until) =>
        from f in db.Feedback.AsNoTracking()
        where f.FollowUpStatus == FollowUpStatus.Open && f.FollowUpDueAt > after && f.FollowUpDueAt <= until
        join owner in db.People on f.FollowUpOwnerPersonId equals (int?)owner.Id
        join ownerTeam in db.Teams on owner.TeamId equals ownerTeam.Id
        join channel in db.Channels on f.ChannelId equals channel.Id
        join channelTeam in db.Teams on channel.OwningTeamId equals channelTeam.Id
        select new FollowUpDue(f.Id, f.FollowUpDueAt!.Value, f.Source, owner.Id, owner.DisplayName, ownerTeam.LeadPersonId, channelTeam.LeadPersonId);

    private static async Task<List<Notification>> FollowUpNoticesAsync(CxDbContext db, DateTime now, bool byEmail, CancellationToken cancellationToken)
    {
        var followUps = await FollowUpsDueQuery(db, now).ToListAsync(cancellationToken);
        var notices = new List<Notification>();
        IReadOnlyList<int>? headsOfCx = null;
        foreach (var followUp in followUps)
        {
            var link = string.Create(CultureInfo.InvariantCulture, $"/feedback/{followUp.Id}");
            var dueAt = followUp.DueAt.ToString("d MMM HH:mm", CultureInfo.InvariantCulture);
            var what = string.Create(CultureInfo.InvariantCulture, $"{(followUp.Source == FeedbackSource.Complaint ? "complaint" : "feedback")} #{followUp.Id}");
            if (followUp.DueAt > now)
            {
                notices.Add(Notification.Once(Key(NotificationKind.FollowUpDueSoon, link, "due", followUp.OwnerId), followUp.OwnerId,
                    NotificationKind.FollowUpDueSoon, $"Your follow-up of {what} is due by {dueAt} UTC", link, now, byEmail));
                continue;
            }
            foreach (var step in FollowUpEscalation.Steps)
            {
                // Each step is told once its time has come, and only within the window a sweep looks back over.
                var stepAt = followUp.DueAt + step.AfterBreach;
                if (stepAt > now || stepAt <= now - CatchUp)
                {
                    continue;
                }
                IEnumerable<int> recipients = step.Level switch
                {
                    EscalationLevel.Owner => [followUp.OwnerId],
                    EscalationLevel.TeamLead => new[] { followUp.OwnerTeamLead, followUp.ChannelTeamLead }.OfType<int>(),
                    _ => headsOfCx ??= await RoleHolders.Of(db, Role.CxLead, now).ToListAsync(cancellationToken),
                };
                var title = step.Level switch
                {
                    EscalationLevel.Owner => $"Your follow-up of {what} is overdue: it was due by {dueAt} UTC",
                    _ when step.AfterBreach == TimeSpan.Zero => $"{followUp.OwnerName}'s follow-up of {what} is overdue: it was due by {dueAt} UTC",
                    _ => string.Create(CultureInfo.InvariantCulture,
                        $"{followUp.OwnerName}'s follow-up of {what} is still open {step.AfterBreach.TotalHours:0} hours after it was due ({dueAt} UTC)"),
                };
                foreach (var recipient in recipients.Distinct().Where(r => step.Level == EscalationLevel.Owner || r != followUp.OwnerId))
                {
                    notices.Add(Notification.Once(Key(NotificationKind.FollowUpBreached, link, step.Level.ToString(), recipient), recipient,
                        NotificationKind.FollowUpBreached, Fit(title), link, now, byEmail));
                }
            }
        }
        return notices;
    }

    internal sealed record ActionDue(int Id, int OwnerId, string Title, DateOnly DueDate);

    /// <summary>The open actions due tomorrow, or overdue since a day the window still reaches.</summary>
    internal static IQueryable<ActionDue> ActionsDueQuery(CxDbContext db, DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        var tomorrow = today.AddDays(1);
        // Overdue from the start of the day after the due date: due dates up to the day before the window began.
        var oldest = DateOnly.FromDateTime(now - CatchUp).AddDays(-1);
        return db.Actions.AsNoTracking()
            .Where(a => a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress || a.Status == ActionStatus.Blocked)
            .Where(a => a.DueDate >= oldest && a.DueDate <= tomorrow && a.DueDate != today)
            .Select(a => new ActionDue(a.Id, a.OwnerPersonId, a.Title, a.DueDate));
    }

    private static async Task<List<Notification>> ActionNoticesAsync(CxDbContext db, DateTime now, bool byEmail, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now);
        var actions = await ActionsDueQuery(db, now).ToListAsync(cancellationToken);
        var notices = new List<Notification>();
        foreach (var action in actions)
        {
            var overdue = action.DueDate < today;
            // An action becomes overdue at the start of the day after its due date; one that did so before the window is left alone.
            if (overdue && action.DueDate.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) <= now - CatchUp)
            {
                continue;
            }
            var kind = overdue ? NotificationKind.ActionOverdue : NotificationKind.ActionDueTomorrow;
            var link = string.Create(CultureInfo.InvariantCulture, $"/actions/{action.Id}");
            var dueDate = action.DueDate.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
            var title = overdue ? $"An action of yours is overdue: it was due {dueDate}: " : "An action of yours is due tomorrow: ";
            // A new due date is a new promise: the key names it, so a replanned action is told of again.
            var step = action.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            notices.Add(Notification.Once(Key(kind, link, step, action.OwnerId), action.OwnerId, kind, Fit(title + action.Title), link, now, byEmail));
        }
        return notices;
    }

    private static string Key(NotificationKind kind, string link, string step, int recipient) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)kind}:{link}:{step}:{recipient}");

    private static string Fit(string title) =>
        title.Length <= Notification.MaxTitleLength ? title : title[..(Notification.MaxTitleLength - 1)] + "…";
}
