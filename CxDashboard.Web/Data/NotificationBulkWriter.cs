using System.Data.Common;
using CxDashboard.Domain.Notifications;

namespace CxDashboard.Web.Data;

/// <summary>
/// Writes the notifications of feedback written in bulk (an API batch, a file import) through a <see cref="BulkRowWriter"/>,
/// inside the caller's transaction, so they commit with the feedback or not at all, as the items themselves are written: a
/// batch tells every member of its channels' teams, thousands in a large one, and as many tracked rows would cost the batch
/// more than its items do. Each is routed first by its recipient's choice, by <see cref="NotificationRouting"/>, as a save routes
/// the notifications added to it.
/// </summary>
internal static class NotificationBulkWriter
{
    /// <summary>The properties written, in the order <see cref="WriteAsync"/> supplies their values.</summary>
    internal static readonly BulkColumn[] Columns =
    [
        new("MessageId", BulkType.Guid), new("RecipientPersonId", BulkType.Int), new("Kind", BulkType.Int), new("Title", BulkType.Text),
        new("Link", BulkType.Text), new("CreatedAt", BulkType.Timestamp), new("ReadAt", BulkType.Timestamp), new("EmailStatus", BulkType.Int),
        new("EmailDueAt", BulkType.Timestamp), new("EmailAttempts", BulkType.Int), new("EmailSentAt", BulkType.Timestamp),
        new("EmailError", BulkType.Text), new("LeasedUntil", BulkType.Timestamp), new("LeasedBy", BulkType.Text), new("OnceKey", BulkType.Text),
        new("ForDigest", BulkType.Bool), new("DigestId", BulkType.Int),
    ];

    /// <summary>Routes <paramref name="notifications"/> by their recipients' choices and writes those kept; gives back how many were written.</summary>
    public static async Task<int> WriteAsync(CxDbContext db, DbTransaction transaction, IReadOnlyCollection<Notification> notifications,
        CancellationToken cancellationToken)
    {
        var kept = await NotificationRouting.KeptAsync(db, notifications, cancellationToken);
        if (kept.Count == 0)
        {
            return 0;
        }
        await using var rows = new BulkRowWriter(transaction, BulkTable.Of<Notification>(db, Columns));
        foreach (var n in kept)
        {
            await rows.WriteAsync(
            [
                n.MessageId, n.RecipientPersonId, n.Kind, n.Title, n.Link, n.CreatedAt, n.ReadAt, n.EmailStatus, n.EmailDueAt, n.EmailAttempts,
                n.EmailSentAt, n.EmailError, n.LeasedUntil, n.LeasedBy, n.OnceKey, n.ForDigest, n.DigestId,
            ], cancellationToken);
        }
        await rows.CompleteAsync(cancellationToken);
        return kept.Count;
    }
}
