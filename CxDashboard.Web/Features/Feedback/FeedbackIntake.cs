using CxDashboard.Domain.Feedback;
using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CxDashboard.Web.Features.Feedback;

/// <summary>
/// Writes an API batch of feedback with its audit entries, in one
/// transaction of its own: the items through <see cref="FeedbackBulkWriter"/> (SqlBulkCopy on SQL Server,
/// a prepared INSERT on SQLite), never through the change tracker, and the notifications they cause the
/// same way (<see cref="NotificationBulkWriter"/>), so a batch of detractors is answered about as fast as
/// one without. The database keeps the day counts and the search index of every row it is given (triggers
/// on SQLite; indexed views and the full-text index on SQL Server). A file import streams its rows through the same writer in <see cref="FeedbackImporter"/>,
/// since a file is never held whole.
/// </summary>
/// <remarks>
/// The execution strategy retries a write whose connection drops. A commit whose acknowledgement is lost
/// is recognised by the write's id on its audit entries, so a retry never writes the items a second time.
/// </remarks>
public sealed class FeedbackIntake(IDbContextFactory<CxDbContext> dbFactory)
{
    /// <summary>
    /// Writes the items of an API batch, each with an external id of <paramref name="source"/>, an audit entry
    /// for each naming the id it was stored under, their themes, and the notifications of the follow-ups they open,
    /// as a save through the change tracker would.
    /// </summary>
    /// <remarks>
    /// The ids are read back by the external ids, which are unique per source: reading back the range written
    /// would take SQL Server's lock on the whole table for the batch, holding up everyone's reads.
    /// </remarks>
    public async Task WriteBatchAsync(IReadOnlyList<FeedbackItem> items, string source, AuditActor actor, DateTime at, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.CreateExecutionStrategy().ExecuteAsync(Guid.NewGuid(),
            async (_, writeId, token) =>
            {
                await using var attempt = await dbFactory.CreateDbContextAsync(token);
                await WriteOnceAsync(attempt, items, source, actor, at, writeId, token);
                return true;
            },
            async (_, writeId, token) => new ExecutionResult<bool>(await db.WasSavedAsync(writeId, token), true),
            ct);
    }

    private static async Task WriteOnceAsync(CxDbContext db, IReadOnlyList<FeedbackItem> items, string source, AuditActor actor, DateTime at,
        Guid writeId, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await using (var writer = new FeedbackBulkWriter(db, transaction.GetDbTransaction(), returnIds: false))
            {
                foreach (var item in items)
                {
                    await writer.WriteAsync(item, ct);
                }
                await writer.CompleteAsync(ct);
            }
            var ids = await FeedbackService.StoredIdsAsync(db, source, items.Select(i => i.ExternalKey!), ct);
            var written = items.Select(i => (i, ids[i.ExternalKey!])).ToList();
            await ThemeTagging.TagWrittenAsync(db, transaction.GetDbTransaction(), written, ct);
            await NotificationBulkWriter.WriteAsync(db, transaction.GetDbTransaction(),
            [
                .. NotificationRecorder.FollowUpsOpened(written, actor, at, db.NotifiesByEmail),
                .. await NotificationEvents.DetractorsArrivedAsync(db, written, actor, at, db.NotifiesByEmail, ct),
            ], ct);
            var type = db.Model.FindEntityType(typeof(FeedbackItem))!;
            foreach (var (item, id) in written)
            {
                db.AddAuditEntry(writeId, AuditRecorder.Created(type, item, id, actor, at));
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
