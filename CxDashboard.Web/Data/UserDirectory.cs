using CxDashboard.Domain.Organisation;
using CxDashboard.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Data;

/// <summary>The people the app knows, the roles an Admin granted them and those the identity provider last gave them, in the database.</summary>
public sealed class UserDirectory(IDbContextFactory<CxDbContext> factory, TimeProvider clock) : IUserDirectory
{
    /// <summary>Demo people carry a subject with this prefix, so the development sign-in can offer them.</summary>
    public const string DemoSubjectPrefix = "demo-";

    public async Task<DirectoryEntry?> FindAsync(string subject, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(subject))
        {
            return null;
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var person = await db.People.AsNoTracking()
            .Where(p => p.Subject == subject)
            .Select(p => new { p.Id, p.DisplayName, p.TeamId })
            .SingleOrDefaultAsync(cancellationToken);
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

    public async Task<SubjectLink> LinkAsync(string subject, string verifiedEmail, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(subject) || string.IsNullOrWhiteSpace(verifiedEmail))
        {
            return SubjectLink.NoSuchPerson;
        }
        var email = verifiedEmail.Trim().ToLowerInvariant();
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var person = await db.People.SingleOrDefaultAsync(p => p.Email == email, cancellationToken);
            if (person is null)
            {
                return SubjectLink.NoSuchPerson;
            }
            if (person.Subject is not null)
            {
                return person.Subject == subject.Trim()
                    ? new SubjectLink(SubjectLinkOutcome.Linked, await FindAsync(person.Subject, cancellationToken))
                    : SubjectLink.LinkedToAnotherSubject;
            }

            person.LinkSubject(subject);
            // The person is who signs in: the audit trail names them as the one who linked their identity.
            try
            {
                await db.SaveChangesAsync(new AuditActor(person.Id, person.DisplayName), clock, cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance linked the same first sign-in a moment earlier, or another person holds the subject;
                // what the database now says decides.
                return await FindAsync(subject, cancellationToken) is { } linked
                    ? new SubjectLink(SubjectLinkOutcome.Linked, linked)
                    : SubjectLink.LinkedToAnotherSubject;
            }
        }
        return new SubjectLink(SubjectLinkOutcome.Linked, await FindAsync(subject, cancellationToken));
    }

    public async Task<bool> RecordProviderRolesAsync(int personId, IReadOnlyCollection<string> appRoles, DateTime signedInAt,
        CancellationToken cancellationToken = default)
    {
        var roles = appRoles.Where(ProviderRoles.IsAppRole).Select(r => Enum.Parse<Role>(r)).ToList();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // Kept even when the provider gives no app role: the sign-in's time is what stops an older sign-in, still
        // open in another browser, from bringing back a role the provider has since taken away.
        var signIn = await db.ProviderSignIns.SingleOrDefaultAsync(s => s.PersonId == personId, cancellationToken)
            ?? db.ProviderSignIns.Add(new ProviderSignIn(personId)).Entity;
        if (!signIn.Record(roles, signedInAt))
        {
            return false;
        }
        await db.SaveChangesAsync(cancellationToken);
        return true;
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
