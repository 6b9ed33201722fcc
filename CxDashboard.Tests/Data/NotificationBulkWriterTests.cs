using CxDashboard.Domain.Notifications;
using CxDashboard.Tests.Features.Feedback;
using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CxDashboard.Tests.Data;

/// <summary>
/// Notifications written in bulk (past the change tracker, for API batches and imports) are stored as a save stores them:
/// routed by each recipient's choice, found by their message id and by the e-mail queue, and only with the transaction
/// they were written in.
/// </summary>
public sealed class NotificationBulkWriterTests : IAsyncLifetime
{
    private FeedbackData _data = null!;

    public async Task InitializeAsync() => _data = await FeedbackData.CreateAsync();

    public async Task DisposeAsync() => await _data.Database.DisposeAsync();

    private List<Notification> FollowUpsFor(params int[] people) =>
        people.Select(p => new Notification(p, NotificationKind.FollowUpAssigned, "A detractor needs your follow-up", "/feedback/1", FeedbackData.Now,
            byEmail: true)).ToList();

    private async Task<int> WriteAsync(IReadOnlyCollection<Notification> notifications, bool commit)
    {
        await using var db = _data.Database.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var written = await NotificationBulkWriter.WriteAsync(db, transaction.GetDbTransaction(), notifications, CancellationToken.None);
        if (commit)
        {
            await transaction.CommitAsync();
        }
        return written;
    }

    [Fact]
    public async Task Notifications_written_in_bulk_follow_each_recipients_choice_and_are_found_by_their_message_id_and_the_email_queue()
    {
        await _data.Database.SaveAsync(
            new NotificationPreference(_data.Dana, NotificationKind.FollowUpAssigned, NotificationChannel.EmailNow),
            new NotificationPreference(_data.Cara, NotificationKind.FollowUpAssigned, NotificationChannel.DailyDigest),
            new NotificationPreference(_data.Eli, NotificationKind.FollowUpAssigned, NotificationChannel.Off));
        var sent = FollowUpsFor(_data.Dana, _data.Cara, _data.Eli);

        Assert.Equal(2, await WriteAsync(sent, commit: true));

        await using var db = _data.Database.CreateDbContext();
        var mailed = await db.Notifications.AsNoTracking().SingleAsync(n => n.MessageId == sent[0].MessageId);
        Assert.Equal((_data.Dana, NotificationKind.FollowUpAssigned, "A detractor needs your follow-up", "/feedback/1", FeedbackData.Now),
            (mailed.RecipientPersonId, mailed.Kind, mailed.Title, mailed.Link, mailed.CreatedAt));
        Assert.Equal((EmailStatus.Pending, (DateTime?)FeedbackData.Now, false, (DateTime?)null), (mailed.EmailStatus, mailed.EmailDueAt, mailed.ForDigest, mailed.ReadAt));
        var digested = await db.Notifications.AsNoTracking().SingleAsync(n => n.MessageId == sent[1].MessageId);
        Assert.Equal((_data.Cara, EmailStatus.NotSent, (DateTime?)null, true), (digested.RecipientPersonId, digested.EmailStatus, digested.EmailDueAt, digested.ForDigest));
        Assert.False(await db.Notifications.AnyAsync(n => n.RecipientPersonId == _data.Eli));
        // What the e-mail queue takes: due now and pending.
        Assert.Equal([sent[0].MessageId], await db.Notifications.Where(n => n.EmailStatus == EmailStatus.Pending && n.EmailDueAt <= FeedbackData.Now)
            .Select(n => n.MessageId).ToListAsync());
    }

    [Fact]
    public async Task Notifications_written_in_bulk_in_a_transaction_that_is_not_committed_are_not_kept()
    {
        Assert.Equal(2, await WriteAsync(FollowUpsFor(_data.Dana, _data.Cara), commit: false));

        await using var db = _data.Database.CreateDbContext();
        Assert.False(await db.Notifications.AnyAsync());
    }
}
