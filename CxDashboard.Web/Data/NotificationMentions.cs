using System.Globalization;
using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Friction;
using CxDashboard.Domain.Governance;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Notifications;
using CxDashboard.Domain.Scorecards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CxDashboard.Web.Data;

/// <summary>
/// <c>@handle</c> (see <see cref="Mentions"/>) in what people write, told to the person named, with a link to the item: a
/// follow-up's note, an action's progress note, a note on a friction issue's move, a comment on a metric's sign-off,
/// objection or revision, a review's notes and decisions, a scorecard's commentary. Only what a save newly writes counts,
/// so an edited note tells only whom it newly names; a handle nobody has, or more than one person has, tells nobody. The
/// title never repeats the note, which may carry what a customer said.
/// </summary>
internal static class NotificationMentions
{
    /// <summary>One handle newly written into one item: where it was written, and the item's page.</summary>
    public sealed record Mention(string Handle, string Where, string Link);

    /// <summary>The mentions in the changes being saved; called with change detection off, mid-save, when new rows have their keys.</summary>
    public static List<Mention> Collect(ChangeTracker tracker)
    {
        var mentions = new List<Mention>();
        void Add(string? before, string? after, string where, string link) =>
            mentions.AddRange(Mentions.Added(before, after).Select(h => new Mention(h, where, link)));

        foreach (var e in tracker.Entries<FeedbackItem>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            var id = e.Property(f => f.Id).CurrentValue;
            Add(e.State == EntityState.Added ? null : e.Property(f => f.FollowUpNote).OriginalValue, e.Entity.FollowUpNote,
                Text($"a follow-up note on feedback #{id}"), Text($"/feedback/{id}"));
        }
        foreach (var e in tracker.Entries<ActionNote>().Where(e => e.State == EntityState.Added))
        {
            var id = e.Property(n => n.ActionItemId).CurrentValue;
            Add(null, e.Entity.Text, Text($"a note on action #{id}"), Text($"/actions/{id}"));
        }
        foreach (var e in tracker.Entries<FrictionStatusChange>().Where(e => e.State == EntityState.Added))
        {
            var id = e.Property(c => c.FrictionIssueId).CurrentValue;
            Add(null, e.Entity.Note, Text($"a note on friction issue #{id}"), Text($"/friction/{id}"));
        }
        foreach (var e in tracker.Entries<MetricEvent>().Where(e => e.State == EntityState.Added))
        {
            var id = e.Property(m => m.MetricDefinitionId).CurrentValue;
            Add(null, e.Entity.Comment, Text($"a comment on metric #{id}"), Text($"/metrics/{id}"));
        }
        foreach (var e in tracker.Entries<Decision>().Where(e => e.State == EntityState.Added))
        {
            var id = e.Property(d => d.ReviewId).CurrentValue;
            Add(null, e.Entity.Text, Text($"a decision of review #{id}"), Text($"/governance/{id}"));
        }
        foreach (var e in tracker.Entries<Review>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            var id = e.Property(r => r.Id).CurrentValue;
            Add(e.State == EntityState.Added ? null : e.Property(r => r.Notes).OriginalValue, e.Entity.Notes,
                Text($"the notes of review #{id}"), Text($"/governance/{id}"));
        }
        foreach (var e in tracker.Entries<ScorecardCommentary>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            var scorecardId = e.Property(c => c.ScorecardId).CurrentValue;
            if (tracker.Entries<Scorecard>().FirstOrDefault(s => s.Property(x => x.Id).CurrentValue == scorecardId)?.Entity is { } scorecard)
            {
                Add(e.State == EntityState.Added ? null : e.Property(c => c.Text).OriginalValue, e.Entity.Text,
                    $"the commentary of the {scorecard.Quarter} scorecard", $"/scorecards/{scorecard.Quarter}");
            }
        }
        return mentions;
    }

    /// <summary>Tells each person mentioned once per item, but the writer: the handles are looked up in one query.</summary>
    public static async Task<List<Notification>> DescribeAsync(CxDbContext db, List<Mention> mentions, AuditActor actor, DateTime at, bool byEmail,
        CancellationToken cancellationToken)
    {
        if (mentions.Count == 0)
        {
            return [];
        }
        var handles = mentions.Select(m => m.Handle).Distinct().ToList();
        var people = await db.People.AsNoTracking()
            .Where(p => handles.Any(h => p.Email.StartsWith(h + "@")))
            .Select(p => new { p.Id, p.Email })
            .ToListAsync(cancellationToken);
        // A handle two people share names neither.
        var byHandle = people.GroupBy(p => Mentions.HandleOf(p.Email)).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().Id);
        return mentions
            .Where(m => byHandle.ContainsKey(m.Handle))
            .Select(m => (Person: byHandle[m.Handle], m.Where, m.Link))
            .Where(m => m.Person != actor.PersonId)
            .DistinctBy(m => (m.Person, m.Link))
            .Select(m => new Notification(m.Person, NotificationKind.Mentioned, Fit($"{actor.Name} mentioned you in {m.Where}"), m.Link, at, byEmail))
            .ToList();
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Fit(string title) =>
        title.Length <= Notification.MaxTitleLength ? title : title[..(Notification.MaxTitleLength - 1)] + "…";
}
