using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Notifications;

/// <summary>
/// A person's own notifications: the unread count of the bell, the list, and marking them read. Every
/// query is bounded by the caller's person, so nobody reads or marks another's; a notification that is
/// not theirs is "not found", exactly as one that does not exist.
/// </summary>
public sealed class NotificationService(IDbContextFactory<CxDbContext> dbFactory, TimeProvider clock)
{
    public const int PageSize = 20;

    public async Task<int> CountUnreadAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        if (caller.PersonId is not { } me)
        {
            return 0;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.AsNoTracking().CountAsync(n => n.RecipientPersonId == me && n.ReadAt == null, cancellationToken);
    }

    /// <param name="page">From 1; a page past the end is empty.</param>
    public async Task<NotificationPage> GetPageAsync(bool unreadOnly, int page, Caller caller, CancellationToken cancellationToken = default)
    {
        page = Math.Max(page, 1);
        if (caller.PersonId is not { } me)
        {
            return new NotificationPage([], 0, 0, page);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mine = db.Notifications.AsNoTracking().Where(n => n.RecipientPersonId == me);
        var shown = unreadOnly ? mine.Where(n => n.ReadAt == null) : mine;
        var total = await shown.CountAsync(cancellationToken);
        var unread = unreadOnly ? total : await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        var rows = await shown
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(n => new NotificationRow(n.Id, n.Kind, n.Title, n.Link, n.CreatedAt, n.ReadAt))
            .ToListAsync(cancellationToken);
        return new NotificationPage(rows, total, unread, page);
    }

    public async Task MarkReadAsync(int notificationId, Caller caller, CancellationToken cancellationToken = default)
    {
        var me = caller.RequirePersonId();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == notificationId && n.RecipientPersonId == me, cancellationToken)
                           ?? throw new NotFoundException("That notification is not among yours.");
        notification.MarkRead(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <returns>How many were unread.</returns>
    public async Task<int> MarkAllReadAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        var me = caller.RequirePersonId();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.Where(n => n.RecipientPersonId == me && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }
}

public sealed record NotificationRow(int Id, CxDashboard.Domain.Notifications.NotificationKind Kind, string Title, string Link, DateTime CreatedAt, DateTime? ReadAt)
{
    public bool IsUnread => ReadAt is null;
}

/// <param name="Total">How many the list holds (unread only, or all).</param>
/// <param name="Unread">How many of the person's notifications are unread.</param>
public sealed record NotificationPage(IReadOnlyList<NotificationRow> Rows, int Total, int Unread, int Page)
{
    public int Pages => Math.Max(1, (Total + NotificationService.PageSize - 1) / NotificationService.PageSize);
}
