using System.Globalization;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Friction;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Notifications;
using CxDashboard.Domain.Organisation;
using CxDashboard.Domain.Scorecards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CxDashboard.Web.Data;

/// <summary>
/// The notifications of what happens in a team's area, written in the same transaction as the change: a detractor or
/// complaint arriving in a channel (to the members of the team that answers for it, but its follow-up's owner, who is
/// told it is theirs); a friction issue raised for a team or asking it to contribute; each move of a friction issue
/// (to its owning and contributing teams); a metric's sign-off asked of its stakeholder teams; a scorecard published (to
/// the executives); and whoever a note mentions (<see cref="NotificationMentions"/>). Whom to tell is read with one query per kind of change, whatever the number of rows; the person
/// who made the change is never told of it, and the app's own saves (demo data) tell nobody.
/// </summary>
internal static class NotificationEvents
{
    /// <summary>What the changes a context is saving cause, read through <paramref name="db"/> (on the save's transaction, so it sees them).</summary>
    public static async Task<List<Notification>> DescribeAsync(CxDbContext db, ChangeTracker tracker, AuditActor actor, DateTime at, bool byEmail,
        CancellationToken cancellationToken)
    {
        var notifications = new List<Notification>();
        if (actor == AuditActor.System)
        {
            return notifications;
        }
        // Called in the middle of a save: the changes were detected when it began.
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        List<(FeedbackItem Item, int Id)> arrived;
        List<(int IssueId, int TeamId)> raisedFor;
        List<(int IssueId, FrictionStatus To)> moved;
        List<(int MetricId, int Revision)> signOffsAsked;
        List<Scorecard> published;
        List<NotificationMentions.Mention> mentions;
        try
        {
            arrived = tracker.Entries<FeedbackItem>().Where(e => e.State == EntityState.Added)
                .Select(e => (e.Entity, e.Property(f => f.Id).CurrentValue)).ToList();
            raisedFor = RaisedFor(tracker);
            moved = tracker.Entries<FrictionStatusChange>().Where(e => e.State == EntityState.Added && e.Entity.From is not null)
                .Select(e => (e.Property(c => c.FrictionIssueId).CurrentValue, e.Entity.To)).ToList();
            signOffsAsked = tracker.Entries<MetricEvent>()
                .Where(e => e.State == EntityState.Added && e.Entity.Kind is MetricEventKind.Proposed or MetricEventKind.RevisionOpened or MetricEventKind.Edited)
                .Select(e => (e.Property(m => m.MetricDefinitionId).CurrentValue, e.Entity.RevisionNumber)).Distinct().ToList();
            published = tracker.Entries<Scorecard>()
                .Where(e => e.State == EntityState.Modified && e.Entity.IsPublished && e.Property(s => s.Status).OriginalValue != ScorecardStatus.Published)
                .Select(e => e.Entity).ToList();
            mentions = NotificationMentions.Collect(tracker);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detecting;
        }
        notifications.AddRange(await DetractorsArrivedAsync(db, arrived, actor, at, byEmail, cancellationToken));
        notifications.AddRange(await FrictionNewsAsync(db, raisedFor, moved, actor, at, byEmail, cancellationToken));
        notifications.AddRange(await SignOffsAskedAsync(db, signOffsAsked, actor, at, byEmail, cancellationToken));
        notifications.AddRange(await ScorecardsPublishedAsync(db, published, actor, at, byEmail, cancellationToken));
        notifications.AddRange(await NotificationMentions.DescribeAsync(db, mentions, actor, at, byEmail, cancellationToken));
        return notifications;
    }

    /// <summary>
    /// The detractors and complaints among <paramref name="written"/>, told to the members of the team that answers for their
    /// channel (one query for all of them), but the follow-up's owner and the sender: one arriving in a channel is told as
    /// itself; several at once (an API batch) are told once per person and channel with the count, linking to the channel's
    /// open follow-ups, so a team of thousands gets one row each per batch, not one per detractor.
    /// </summary>
    public static async Task<List<Notification>> DetractorsArrivedAsync(CxDbContext db, IReadOnlyCollection<(FeedbackItem Item, int Id)> written,
        AuditActor actor, DateTime at, bool byEmail, CancellationToken cancellationToken)
    {
        var detractors = written.Where(w => w.Item.NeedsFollowUp).ToLookup(w => w.Item.ChannelId);
        if (actor == AuditActor.System || detractors.Count == 0)
        {
            return [];
        }
        var people = await ChannelPeopleAsync(db, detractors.Select(d => d.Key), cancellationToken);
        var notifications = new List<Notification>();
        foreach (var person in people.Where(p => p.PersonId != actor.PersonId))
        {
            var notTheirs = detractors[person.ChannelId].Where(d => d.Item.FollowUpOwnerPersonId != person.PersonId).Take(2).ToList();
            if (notTheirs.Count == 1)
            {
                var (item, id) = notTheirs[0];
                notifications.Add(new Notification(person.PersonId, NotificationKind.DetractorInMyArea,
                    Fit(string.Create(CultureInfo.InvariantCulture,
                        $"{(item.Source == FeedbackSource.Complaint ? "A complaint" : "A detractor")} arrived in {person.ChannelName} (feedback #{id})")),
                    string.Create(CultureInfo.InvariantCulture, $"/feedback/{id}"), at, byEmail));
            }
            else if (notTheirs.Count > 1)
            {
                var count = detractors[person.ChannelId].Count(d => d.Item.FollowUpOwnerPersonId != person.PersonId);
                notifications.Add(new Notification(person.PersonId, NotificationKind.DetractorInMyArea,
                    Fit(string.Create(CultureInfo.InvariantCulture, $"{count:N0} detractors or complaints arrived in {person.ChannelName}")),
                    string.Create(CultureInfo.InvariantCulture, $"/feedback?channel={person.ChannelId}&followUp=Open"), at, byEmail));
            }
        }
        return notifications;
    }

    /// <summary>
    /// What the members of each channel's team are told of an import's detractors and complaints: one notification per person
    /// and channel with the count of those whose follow-up is not theirs, linking to the channel's open follow-ups.
    /// </summary>
    public static async Task<List<Notification>> ImportedDetractorsAsync(CxDbContext db, IReadOnlyDictionary<(int ChannelId, int? OwnerId), int> counted,
        string fileName, AuditActor actor, DateTime at, bool byEmail, CancellationToken cancellationToken)
    {
        if (actor == AuditActor.System || counted.Count == 0)
        {
            return [];
        }
        var people = await ChannelPeopleAsync(db, counted.Keys.Select(k => k.ChannelId), cancellationToken);
        var notifications = new List<Notification>();
        foreach (var person in people.Where(p => p.PersonId != actor.PersonId))
        {
            var count = counted.Where(c => c.Key.ChannelId == person.ChannelId && c.Key.OwnerId != person.PersonId).Sum(c => c.Value);
            if (count > 0)
            {
                var name = fileName.Length <= 60 ? fileName : fileName[..59] + "…";
                notifications.Add(new Notification(person.PersonId, NotificationKind.DetractorInMyArea,
                    Fit(string.Create(CultureInfo.InvariantCulture,
                        $"{count:N0} {(count == 1 ? "detractor or complaint" : "detractors or complaints")} from the import of '{name}' arrived in {person.ChannelName}")),
                    string.Create(CultureInfo.InvariantCulture, $"/feedback?channel={person.ChannelId}&followUp=Open"), at, byEmail));
            }
        }
        return notifications;
    }

    private sealed record ChannelPerson(int ChannelId, string ChannelName, int PersonId);

    private static Task<List<ChannelPerson>> ChannelPeopleAsync(CxDbContext db, IEnumerable<int> channelIds, CancellationToken cancellationToken)
    {
        var ids = channelIds.Distinct().ToList();
        return (from c in db.Channels.AsNoTracking()
                where ids.Contains(c.Id)
                join p in db.People.AsNoTracking() on c.OwningTeamId equals p.TeamId
                select new ChannelPerson(c.Id, c.Name, p.Id))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The teams each issue was just raised for: the owning and contributing teams of a new issue, and a team newly made either.</summary>
    private static List<(int IssueId, int TeamId)> RaisedFor(ChangeTracker tracker)
    {
        var pairs = new List<(int IssueId, int TeamId)>();
        foreach (var entry in tracker.Entries<FrictionIssue>())
        {
            if (entry.State == EntityState.Added
                || (entry.State == EntityState.Modified && entry.Property(i => i.OwningTeamId) is { IsModified: true } owner && owner.OriginalValue != owner.CurrentValue))
            {
                pairs.Add((entry.Property(i => i.Id).CurrentValue, entry.Entity.OwningTeamId));
            }
        }
        pairs.AddRange(tracker.Entries<ContributingTeam>().Where(e => e.State == EntityState.Added)
            .Select(e => (e.Property(t => t.FrictionIssueId).CurrentValue, e.Entity.TeamId)));
        return pairs.Distinct().ToList();
    }

    private static async Task<List<Notification>> FrictionNewsAsync(CxDbContext db, List<(int IssueId, int TeamId)> raisedFor,
        List<(int IssueId, FrictionStatus To)> moved, AuditActor actor, DateTime at, bool byEmail, CancellationToken cancellationToken)
    {
        if (raisedFor.Count == 0 && moved.Count == 0)
        {
            return [];
        }
        var issueIds = raisedFor.Select(r => r.IssueId).Concat(moved.Select(m => m.IssueId)).Distinct().ToList();
        var issues = await db.FrictionIssues.AsNoTracking()
            .Where(i => issueIds.Contains(i.Id))
            .Select(i => new { i.Id, i.Title, i.OwningTeamId, Contributing = i.ContributingTeams.Select(t => t.TeamId).ToList() })
            .ToListAsync(cancellationToken);
        var teamsOf = issues.ToDictionary(i => i.Id, i => i.Contributing.Append(i.OwningTeamId).Distinct().ToList());
        var members = await TeamMembersAsync(db, raisedFor.Select(r => r.TeamId).Concat(teamsOf.Values.SelectMany(t => t)), cancellationToken);
        var notifications = new List<Notification>();
        foreach (var issue in issues)
        {
            var link = string.Create(CultureInfo.InvariantCulture, $"/friction/{issue.Id}");
            var told = new HashSet<int>();
            foreach (var (_, teamId) in raisedFor.Where(r => r.IssueId == issue.Id))
            {
                var what = teamId == issue.OwningTeamId ? "A friction issue is your team's" : "A friction issue asks your team to contribute";
                foreach (var person in members.GetValueOrDefault(teamId, []).Where(p => p != actor.PersonId && told.Add(p)))
                {
                    notifications.Add(new Notification(person, NotificationKind.FrictionIssueForMyTeam, Fit($"{what}: {issue.Title}"), link, at, byEmail));
                }
            }
            foreach (var (_, to) in moved.Where(m => m.IssueId == issue.Id))
            {
                // Those just told the issue is theirs learn its state from that.
                foreach (var person in teamsOf[issue.Id].SelectMany(t => members.GetValueOrDefault(t, [])).Distinct()
                             .Where(p => p != actor.PersonId && !told.Contains(p)))
                {
                    notifications.Add(new Notification(person, NotificationKind.FrictionIssueMoved,
                        Fit($"A friction issue is now {FrictionIssue.Describe(to)}: {issue.Title}"), link, at, byEmail));
                }
            }
        }
        return notifications;
    }

    private static async Task<List<Notification>> SignOffsAskedAsync(CxDbContext db, List<(int MetricId, int Revision)> asked, AuditActor actor, DateTime at,
        bool byEmail, CancellationToken cancellationToken)
    {
        if (asked.Count == 0)
        {
            return [];
        }
        var metricIds = asked.Select(a => a.MetricId).Distinct().ToList();
        // An edit asks again only of a proposed revision (its sign-offs are cleared); a draft's edit asks nobody yet.
        var revisions = (await db.MetricRevisions.AsNoTracking()
                .Where(r => metricIds.Contains(r.MetricDefinitionId) && r.Status == RevisionStatus.Proposed)
                .Join(db.Metrics, r => r.MetricDefinitionId, m => m.Id, (r, m) => new { r.MetricDefinitionId, r.Number, r.StakeholderTeamIds, m.Name })
                .ToListAsync(cancellationToken))
            .Where(r => asked.Contains((r.MetricDefinitionId, r.Number)))
            .ToList();
        var members = await TeamMembersAsync(db, revisions.SelectMany(r => r.StakeholderTeamIds), cancellationToken);
        return revisions
            .SelectMany(r => r.StakeholderTeamIds.SelectMany(t => members.GetValueOrDefault(t, [])).Distinct().Where(p => p != actor.PersonId)
                .Select(p => new Notification(p, NotificationKind.SignOffRequested,
                    Fit(string.Create(CultureInfo.InvariantCulture, $"Your team's sign-off is asked for {r.Name}, revision {r.Number}")),
                    string.Create(CultureInfo.InvariantCulture, $"/metrics/{r.MetricDefinitionId}"), at, byEmail)))
            .ToList();
    }

    private static async Task<List<Notification>> ScorecardsPublishedAsync(CxDbContext db, List<Scorecard> published, AuditActor actor, DateTime at,
        bool byEmail, CancellationToken cancellationToken)
    {
        if (published.Count == 0)
        {
            return [];
        }
        var executives = await RoleHolders.Of(db, Role.Executive, at).ToListAsync(cancellationToken);
        return published
            .SelectMany(s => executives.Where(p => p != actor.PersonId)
                .Select(p => new Notification(p, NotificationKind.ScorecardPublished, $"The {s.Quarter} scorecard is published",
                    $"/scorecards/{s.Quarter}", at, byEmail)))
            .ToList();
    }

    private static async Task<Dictionary<int, List<int>>> TeamMembersAsync(CxDbContext db, IEnumerable<int> teamIds, CancellationToken cancellationToken)
    {
        var ids = teamIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        var members = await db.People.AsNoTracking().Where(p => ids.Contains(p.TeamId)).Select(p => new { p.TeamId, p.Id }).ToListAsync(cancellationToken);
        return members.GroupBy(m => m.TeamId).ToDictionary(g => g.Key, g => g.Select(m => m.Id).ToList());
    }

    private static string Fit(string title) =>
        title.Length <= Notification.MaxTitleLength ? title : title[..(Notification.MaxTitleLength - 1)] + "…";
}
