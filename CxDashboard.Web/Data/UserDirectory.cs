using CxDashboard.Domain.Organisation;
using CxDashboard.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Data;

/// <summary>The people the app knows and the roles an Admin granted them, read from the database.</summary>
public sealed class UserDirectory(IDbContextFactory<CxDbContext> factory) : IUserDirectory
{
    /// <summary>Demo people carry a subject with this prefix, so the development sign-in can offer them.</summary>
    public const string DemoSubjectPrefix = "demo-";

    public async Task<DirectoryEntry?> FindAsync(string? subject, string? email, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(subject) && string.IsNullOrWhiteSpace(email))
        {
            return null;
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var normalisedEmail = email?.Trim().ToLowerInvariant();
        var person = await db.People.AsNoTracking()
            .Where(p => (subject != null && p.Subject == subject) || (normalisedEmail != null && p.Email == normalisedEmail))
            .OrderBy(p => p.Subject == subject ? 0 : 1)
            .Select(p => new { p.Id, p.DisplayName, p.TeamId })
            .FirstOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return null;
        }
        var roles = await db.RoleGrants.AsNoTracking()
            .Where(g => g.PersonId == person.Id)
            .Select(g => g.Role)
            .ToListAsync(cancellationToken);
        return new DirectoryEntry(person.Id, person.DisplayName, person.TeamId, roles.Order().Select(r => r.ToString()).ToList());
    }

    public async Task<IReadOnlyList<DevelopmentPerson>> DevelopmentPeopleAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var people = await (
                from p in db.People.AsNoTracking()
                where p.Subject != null && p.Subject.StartsWith(DemoSubjectPrefix)
                join t in db.Teams on p.TeamId equals t.Id
                select new { p.Id, p.Subject, p.DisplayName, p.Email, Team = t.Name })
            .ToListAsync(cancellationToken);
        var ids = people.Select(p => p.Id).ToList();
        var grants = await db.RoleGrants.AsNoTracking()
            .Where(g => ids.Contains(g.PersonId))
            .Select(g => new { g.PersonId, g.Role })
            .ToListAsync(cancellationToken);
        return people
            .Select(p => new
            {
                Person = p,
                Role = grants.Where(g => g.PersonId == p.Id).Select(g => (Role?)g.Role).Min(),
            })
            .OrderBy(x => x.Role ?? (Role)int.MaxValue)
            .ThenBy(x => x.Person.DisplayName)
            .Select(x => new DevelopmentPerson(x.Person.Subject!, x.Person.DisplayName, x.Person.Email, x.Role?.ToString() ?? "No role", x.Person.Team))
            .ToList();
    }
}
