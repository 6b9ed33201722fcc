using CxDashboard.Domain.Audit;
using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Tests.Support;

/// <summary>
/// Writes audit entries into a database migrated only part of the way, as an older version of the app
/// wrote them: the current model has columns that such a database does not have yet.
/// </summary>
public static class LegacyAuditEntries
{
    public static async Task InsertAsync(CxDbContext db, params AuditEntry[] entries)
    {
        foreach (var e in entries)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "AuditEntries" ("At", "ActorPersonId", "ActorName", "EntityType", "EntityId", "Action", "Summary", "Before", "After")
                VALUES ({e.At}, {e.ActorPersonId}, {e.ActorName}, {e.EntityType}, {e.EntityId}, {(int)e.Action}, {e.Summary}, {e.Before}, {e.After})
                """);
        }
    }
}
