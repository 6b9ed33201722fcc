using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Common;

public static class CallerSaves
{
    /// <summary>
    /// Saves the context's changes as the caller (who the audit trail names, on the service's clock).
    /// A save based on a version someone else has since replaced writes nothing and becomes a
    /// <see cref="ConcurrencyConflictException"/> naming <paramref name="what"/>.
    /// </summary>
    public static async Task SaveAsAsync(this CxDbContext db, Caller caller, TimeProvider clock, string what, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(caller.ToAuditActor(), clock, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException(
                $"Someone else saved {what} after you opened it. Nothing of yours was written: the page now shows the current values, so you can apply your change again if it still applies.");
        }
    }
}
