using CxDashboard.Domain.Audit;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Audit;

/// <summary>
/// Reads the audit trail for the head of CX and Admins. The trail may hold millions of entries, so
/// pages are found by key (after the last entry shown, on the (At, Id) index), never by counting or
/// skipping. Nothing here, or anywhere in the app, changes or deletes an entry.
/// </summary>
public sealed class AuditService(IDbContextFactory<CxDbContext> dbFactory)
{
    public const int DefaultPageSize = 50;

    public async Task<AuditEntriesPage> GetPageAsync(AuditFilter filter, AuditCursor? after, Caller caller, int pageSize = DefaultPageSize,
        CancellationToken ct = default)
    {
        RequireAuditor(caller);
        var take = Math.Clamp(pageSize, 1, Paging.MaxPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // One row more than shown tells whether there is a next page without counting.
        var rows = await PageQuery(db.AuditEntries.AsNoTracking(), filter, after, take + 1).ToListAsync(ct);
        var page = rows.Take(take).ToList();
        return new AuditEntriesPage(page, rows.Count > take ? new AuditCursor(page[^1].At, page[^1].Id) : null);
    }

    /// <summary>The page after <paramref name="after"/>, newest first: a seek on an index in that order, however long the trail.</summary>
    internal static IQueryable<AuditRow> PageQuery(IQueryable<AuditEntry> entries, AuditFilter filter, AuditCursor? after, int take)
    {
        var query = Filter(entries, filter);
        if (after is not null)
        {
            query = query.Where(a => a.At < after.At || (a.At == after.At && a.Id < after.Id));
        }
        return query
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(take)
            .Select(a => new AuditRow(a.Id, a.At, a.ActorName, a.EntityType, a.EntityId, a.Action, a.Summary, a.Before, a.After));
    }

    /// <summary>The entries <paramref name="filter"/> keeps: the page and its Excel export narrow the trail alike.</summary>
    internal static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> query, AuditFilter filter)
    {
        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.At >= start);
        }
        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.At < end);
        }
        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            var type = filter.EntityType.Trim();
            query = query.Where(a => a.EntityType == type);
        }
        if (!string.IsNullOrWhiteSpace(filter.EntityId))
        {
            var id = filter.EntityId.Trim();
            query = query.Where(a => a.EntityId == id);
        }
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = LikePattern.Containing(filter.Actor);
            query = query.Where(a => EF.Functions.Like(a.ActorName, actor, LikePattern.Escape));
        }
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = LikePattern.Containing(filter.Text);
            query = query.Where(a => EF.Functions.Like(a.Summary, text, LikePattern.Escape));
        }
        return query;
    }

    /// <summary>The kinds of record the trail can name, from the app's own model (no scan of the trail).</summary>
    public IReadOnlyList<string> EntityTypes()
    {
        using var db = dbFactory.CreateDbContext();
        return db.Model.GetEntityTypes()
            .Where(t => !t.IsOwned() && t.ClrType.Namespace?.StartsWith("CxDashboard.Domain", StringComparison.Ordinal) == true
                        && t.ClrType != typeof(Domain.Audit.AuditEntry))
            .Select(t => t.ClrType.Name)
            .Append(CustomerEntityType)
            .Append(Exports.ExportAuditTrail.EntityType)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Erasure requests are recorded under this type, with no reference to the customer.</summary>
    public const string CustomerEntityType = "Customer";

    private static void RequireAuditor(Caller caller)
    {
        if (!caller.IsCxLead && !caller.IsAdmin)
        {
            throw new NotAllowedException("Only the head of CX and Admins read the audit trail.");
        }
    }

}
