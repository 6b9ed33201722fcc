using System.Globalization;
using System.Linq.Expressions;
using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Audit;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Friction;
using CxDashboard.Domain.Governance;
using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Admin;

/// <summary>
/// Forgets a customer: their feedback loses what they said, their reference, the survey tool's id, the
/// follow-up note and the themes it was tagged with (which tell what was said); the friction issue the
/// feedback is evidence for, its timeline, its actions and their notes, and the reviews those actions came from lose any of their sentences or identifiers
/// quoted there; so do the audit entries of all those records. SQLite's search index is told to forget the
/// words for good rather than mark them deleted. SQL Server's full-text index follows the updated rows by
/// itself, seconds later (<see cref="SqlServerSearchIndex"/>).
/// </summary>
internal static class CustomerErasure
{
    /// <summary>
    /// The feedback carrying the reference, however its letters were cased when it was recorded. The
    /// reference is put in capitals as the database's UPPER() does: SQLite's knows only the letters A to Z.
    /// </summary>
    public static Expression<Func<FeedbackItem, bool>> Carrying(string reference, CxDbContext db)
    {
        var upper = db.Database.IsSqlite()
            ? string.Concat(reference.Select(c => char.IsAsciiLetterLower(c) ? char.ToUpperInvariant(c) : c))
            : reference.ToUpperInvariant();
        return f => f.CustomerRef != null && f.CustomerRef.ToUpper() == upper;
    }

    /// <summary>The next feedback items still carrying the reference: a seek on the index of references in capitals (<see cref="CustomerReferenceIndex"/>).</summary>
    internal static IQueryable<FeedbackItem> NextBatch(CxDbContext db, string reference, int batchSize) =>
        db.Feedback.Where(Carrying(reference, db)).OrderBy(f => f.Id).Take(batchSize);

    /// <summary>The audit entries of the records of one kind: a seek on the trail's (kind, record, time) index.</summary>
    internal static IQueryable<AuditEntry> EntriesOf(CxDbContext db, string entityType, IReadOnlyCollection<string> ids) =>
        db.AuditEntries.Where(a => a.EntityType == entityType && ids.Contains(a.EntityId));

    /// <summary>Erases within the caller's transaction, with the per-row audit entries off; returns how many feedback items carried the reference.</summary>
    public static async Task<int> EraseAsync(CxDbContext db, string reference, int batchSize, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync(FeedbackSearchIndex.SecureDeleteSql, ct);
        }
        var words = new List<string?>();
        var identifiers = new List<string?> { reference };
        var records = new List<(string Type, string Id)>();
        var issueIds = new HashSet<int>();
        while (true)
        {
            var batch = await NextBatch(db, reference, batchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }
            foreach (var item in batch)
            {
                words.Add(item.Verbatim);
                words.Add(item.FollowUpNote);
                identifiers.Add(item.CustomerRef);
                identifiers.Add(item.ExternalId);
                records.Add((nameof(FeedbackItem), Key(item.Id)));
                if (item.FrictionIssueId is { } issueId)
                {
                    issueIds.Add(issueId);
                }
                item.ErasePersonalData();
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            var erasedIds = batch.Select(i => i.Id).ToList();
            await db.FeedbackThemes.Where(l => erasedIds.Contains(l.FeedbackItemId)).ExecuteDeleteAsync(ct);
        }
        var erased = records.Count;
        if (erased == 0)
        {
            return 0;
        }

        var redaction = Redaction.Of(words, identifiers);
        records.AddRange(await EraseFromLinkedRecordsAsync(db, issueIds, redaction, ct));
        await EraseFromAuditTrailAsync(db, records, redaction, batchSize, ct);
        return erased;
    }

    private static async Task<List<(string Type, string Id)>> EraseFromLinkedRecordsAsync(CxDbContext db, HashSet<int> issueIds,
        Redaction redaction, CancellationToken ct)
    {
        var records = new List<(string Type, string Id)>();
        var issues = await db.FrictionIssues.Include(i => i.History).Include(i => i.LinkedMetrics).Where(i => issueIds.Contains(i.Id)).ToListAsync(ct);
        foreach (var issue in issues)
        {
            issue.EraseWords(redaction);
            records.Add((nameof(FrictionIssue), Key(issue.Id)));
            records.AddRange(issue.History.Select(h => (nameof(FrictionStatusChange), Key(h.Id))));
            // A linked metric's key is the issue and the metric, as the audit trail writes a two-part key.
            records.AddRange(issue.LinkedMetrics.Select(m => (nameof(LinkedMetric), $"{Key(issue.Id)}/{Key(m.MetricDefinitionId)}")));
        }
        var actions = await db.Actions.Include(a => a.Notes)
            .Where(a => a.FrictionIssueId != null && issueIds.Contains(a.FrictionIssueId.Value)).ToListAsync(ct);
        foreach (var action in actions)
        {
            action.EraseWords(redaction);
            records.Add((nameof(ActionItem), Key(action.Id)));
            records.AddRange(action.Notes.Select(n => (nameof(ActionNote), Key(n.Id))));
        }
        var reviewIds = actions.Where(a => a.ReviewId is not null).Select(a => a.ReviewId!.Value).Distinct().ToList();
        var reviews = await db.Reviews.Include(r => r.Decisions).Where(r => reviewIds.Contains(r.Id)).ToListAsync(ct);
        foreach (var review in reviews)
        {
            review.EraseWords(redaction);
            records.Add((nameof(Review), Key(review.Id)));
            records.AddRange(review.Decisions.Select(d => (nameof(Decision), Key(d.Id))));
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return records;
    }

    /// <summary>A record's key as the audit trail writes it.</summary>
    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task EraseFromAuditTrailAsync(CxDbContext db, List<(string Type, string Id)> records, Redaction redaction,
        int batchSize, CancellationToken ct)
    {
        foreach (var kind in records.GroupBy(r => r.Type))
        {
            foreach (var chunk in kind.Chunk(batchSize))
            {
                var entries = await EntriesOf(db, kind.Key, chunk.Select(r => r.Id).ToList()).ToListAsync(ct);
                foreach (var entry in entries)
                {
                    entry.EraseWords(redaction);
                }
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
    }
}
