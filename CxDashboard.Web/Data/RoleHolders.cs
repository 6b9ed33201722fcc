using CxDashboard.Domain.Organisation;

namespace CxDashboard.Web.Data;

/// <summary>
/// Who holds an app role when they are not signed in, for deciding whom to tell of what: a role an Admin granted in
/// the app, or one the identity provider gave at a sign-in recent enough to count (<see cref="CxDbContext.ProviderRolesCountFor"/>).
/// The one place notifications ask; a query to compose into the caller's, not a list.
/// </summary>
internal static class RoleHolders
{
    public static IQueryable<int> Of(CxDbContext db, Role role, DateTime asOf)
    {
        var since = ProviderSignIn.CountsSince(asOf, db.ProviderRolesCountFor);
        return db.RoleGrants.Where(g => g.Role == role).Select(g => g.PersonId)
            .Union(db.ProviderSignIns.Where(s => s.SignedInAt >= since && s.Roles.Contains(role)).Select(s => s.PersonId));
    }
}
