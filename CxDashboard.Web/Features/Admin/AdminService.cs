using CxDashboard.Domain.Admin;
using CxDashboard.Domain.Audit;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Organisation;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Api;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Feedback;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Admin;

/// <summary>
/// What an Admin looks after: API keys for survey tools and BI, the roles granted inside the app,
/// the people and teams, and erasing a customer's personal data on request.
/// </summary>
public sealed class AdminService(IDbContextFactory<CxDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Feedback rows changed per save when erasing, so a customer with many items does not hold one huge change set.</summary>
    public const int ErasureBatchSize = 500;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<IReadOnlyList<ApiKeyRow>> ListApiKeysAsync(Caller caller, CancellationToken ct = default)
    {
        RequireAdmin(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Now;
        return await db.ApiKeys.AsNoTracking()
            .OrderBy(k => k.RevokedAt == null ? 0 : 1).ThenByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id)
            .Select(k => new ApiKeyRow(k.Id, k.Name, k.Prefix, k.Scopes, k.CreatedBy, k.CreatedAt, k.LastUsedAt, k.RevokedAt,
                k.ExpiresAt, k.ExpiresAt <= now))
            .ToListAsync(ct);
    }

    /// <summary>Creates a key and returns its secret, which is not stored and cannot be shown again.</summary>
    public async Task<CreatedApiKey> CreateApiKeyAsync(string name, ApiScopes scopes, Caller caller,
        int validForDays = ApiKey.DefaultLifetimeDays, CancellationToken ct = default)
    {
        RequireAdmin(caller);
        var personId = caller.RequirePersonId();
        var secret = ApiKeySecret.Create();
        var key = new ApiKey(name, ApiKeySecret.PrefixOf(secret), ApiKeySecret.Hash(secret), scopes, personId, caller.Name, Now, validForDays);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(caller.ToAuditActor(), clock, ct);
        return new CreatedApiKey(key.Id, key.Name, key.Prefix, secret, key.ExpiresAt);
    }

    public async Task RevokeApiKeyAsync(int keyId, Caller caller, CancellationToken ct = default)
    {
        RequireAdmin(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == keyId, ct)
                  ?? throw new NotFoundException("That API key no longer exists.");
        key.Revoke(Now);
        await db.SaveChangesAsync(caller.ToAuditActor(), clock, ct);
    }

    /// <summary>People whose name or e-mail contains the text, with their granted roles; at most 50.</summary>
    public async Task<IReadOnlyList<PersonRow>> FindPeopleAsync(string? text, Caller caller, CancellationToken ct = default)
    {
        RequireAdmin(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.People.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = LikePattern.Containing(text);
            query = query.Where(p => EF.Functions.Like(p.DisplayName, pattern, LikePattern.Escape) || EF.Functions.Like(p.Email, pattern, LikePattern.Escape));
        }
        var people = await query
            .Join(db.Teams, p => p.TeamId, t => t.Id, (p, t) => new { p.Id, p.DisplayName, p.Email, Team = t.Name })
            .OrderBy(p => p.DisplayName).ThenBy(p => p.Id)
            .Take(50)
            .ToListAsync(ct);
        var ids = people.Select(p => p.Id).ToList();
        var grants = (await db.RoleGrants.AsNoTracking().Where(g => ids.Contains(g.PersonId))
                .Select(g => new { g.PersonId, g.Role }).ToListAsync(ct))
            .ToLookup(g => g.PersonId, g => g.Role);
        return people.Select(p => new PersonRow(p.Id, p.DisplayName, p.Email, p.Team, grants[p.Id].Order().ToList())).ToList();
    }

    public async Task GrantRoleAsync(int personId, Role role, Caller caller, CancellationToken ct = default)
    {
        RequireAdmin(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => p.DisplayName).SingleOrDefaultAsync(ct)
                     ?? throw new NotFoundException("That person no longer exists.");
        if (await db.RoleGrants.AnyAsync(g => g.PersonId == personId && g.Role == role, ct))
        {
            throw new DomainException($"{person} already has the role {RoleDescriptions.Title(role.ToString())}.");
        }
        db.RoleGrants.Add(new RoleGrant(personId, role, caller.Name, Now));
        await db.SaveChangesAsync(caller.ToAuditActor(), clock, ct);
    }

    /// <summary>
    /// Takes a role away. The last Admin grant is never removed, also when two Admins take the role from
    /// each other at the same moment: the count and the removal are one transaction that holds the
    /// Admin grants until it commits, so the second revocation counts after the first one.
    /// </summary>
    public async Task RevokeRoleAsync(int personId, Role role, Caller caller, CancellationToken ct = default)
    {
        RequireAdmin(caller);
        await OwnTransaction.RunAsync(dbFactory, async (db, token) =>
        {
            var admins = role == Role.Admin ? await CountAdminGrantsHoldingThemAsync(db, token) : 0;
            var grant = await db.RoleGrants.SingleOrDefaultAsync(g => g.PersonId == personId && g.Role == role, token)
                        ?? throw new NotFoundException("That role was already taken away.");
            if (role == Role.Admin && admins == 1)
            {
                throw new DomainException("This is the last Admin: grant the role to someone else first, or nobody could manage the app.");
            }
            db.RoleGrants.Remove(grant);
            await db.SaveChangesAsync(caller.ToAuditActor(), clock, token);
        }, ct);
    }

    /// <summary>
    /// Counts the Admin grants and keeps them from changing until the transaction ends. SQLite needs no
    /// hint: its transactions begin IMMEDIATE, so a second writer waits before it reads. SQL Server is
    /// told to take update range locks, which a second counter waits for, also under read committed
    /// snapshot, where a plain read would see the rows the first transaction is deleting.
    /// </summary>
    private static Task<int> CountAdminGrantsHoldingThemAsync(CxDbContext db, CancellationToken ct) =>
        db.Database.IsSqlServer()
            ? db.Database.SqlQuery<int>($"SELECT COUNT(*) AS [Value] FROM [RoleGrants] WITH (UPDLOCK, HOLDLOCK) WHERE [Role] = {(int)Role.Admin}").SingleAsync(ct)
            : db.RoleGrants.CountAsync(g => g.Role == Role.Admin, ct);

    public async Task<IReadOnlyList<TeamRow>> ListTeamsAsync(Caller caller, CancellationToken ct = default)
    {
        RequireAdmin(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var teams = await db.Teams.AsNoTracking()
            .OrderBy(t => t.Name)
            .Select(t => new
            {
                t.Id,
                t.Code,
                t.Name,
                Lead = db.People.Where(p => p.Id == t.LeadPersonId).Select(p => p.DisplayName).FirstOrDefault(),
                People = db.People.Count(p => p.TeamId == t.Id),
            })
            .ToListAsync(ct);
        var channels = (await db.Channels.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => new { c.OwningTeamId, c.Name }).ToListAsync(ct))
            .ToLookup(c => c.OwningTeamId, c => c.Name);
        return teams.Select(t => new TeamRow(t.Id, t.Code, t.Name, t.Lead, t.People, channels[t.Id].ToList())).ToList();
    }

    /// <summary>How many feedback items carry the customer reference (counted by the database).</summary>
    public async Task<int> CountCustomerFeedbackAsync(string customerRef, Caller caller, CancellationToken ct = default)
    {
        RequireAdmin(caller);
        var reference = RequireReference(customerRef);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Feedback.CountAsync(CustomerErasure.Carrying(reference, db), ct);
    }

    /// <summary>
    /// Erases the customer's personal data from every feedback item that carries the reference (in any
    /// case) and wherever the app copied it (see <see cref="CustomerErasure"/>), in one transaction, and
    /// writes one audit entry that names neither the reference nor what was said.
    /// </summary>
    public async Task<int> EraseCustomerAsync(string customerRef, Caller caller, CancellationToken ct = default)
    {
        RequireAdmin(caller);
        var reference = RequireReference(customerRef);
        return await OwnTransaction.RunAsync(dbFactory, async (db, token) =>
        {
            // The per-row entries would only say "[personal data]" a thousand times; one entry tells the story.
            db.AuditEnabled = false;
            var erased = await CustomerErasure.EraseAsync(db, reference, ErasureBatchSize, token);
            if (erased > 0)
            {
                var actor = caller.ToAuditActor();
                db.AddAuditEntry(db.Database.CurrentTransaction!.TransactionId, new AuditEntry(Now, actor.PersonId, actor.Name, Audit.AuditService.CustomerEntityType, "erased", AuditAction.Changed,
                    $"Erased personal data of a customer from {erased} feedback {(erased == 1 ? "item" : "items")}", null, null));
                await db.SaveChangesAsync(token);
            }
            return erased;
        }, ct);
    }

    private static string RequireReference(string? customerRef)
    {
        var reference = customerRef?.Trim();
        if (string.IsNullOrEmpty(reference))
        {
            throw new DomainException("Enter the customer reference.");
        }
        if (CustomerReference.Problem(reference) is { } problem)
        {
            throw new DomainException(problem);
        }
        return reference;
    }

    private static void RequireAdmin(Caller caller)
    {
        if (!caller.IsAdmin)
        {
            throw new NotAllowedException("Only an Admin manages API keys, roles and erasure requests.");
        }
    }

}
