using CxDashboard.Domain.Notifications;
using CxDashboard.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Data;

/// <summary>
/// How each of a set of people is told about each kind of notification: their own choice where they made one,
/// otherwise their roles' default (<see cref="NotificationDefaults"/>). The roles are those the app stores: the
/// roles an Admin granted, and a team's lead counts as a channel lead. Read in one query however many people.
/// </summary>
public sealed class NotificationChoices
{
    private readonly Dictionary<int, (IReadOnlyList<Role> Roles, Dictionary<NotificationKind, NotificationChannel> Chosen)> _people;

    private NotificationChoices(Dictionary<int, (IReadOnlyList<Role>, Dictionary<NotificationKind, NotificationChannel>)> people) => _people = people;

    public static async Task<NotificationChoices> ForAsync(CxDbContext db, IReadOnlyCollection<int> personIds, CancellationToken cancellationToken)
    {
        var ids = personIds.Distinct().ToList();
        var people = await db.People.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id,
                Contributor = db.RoleGrants.Any(g => g.PersonId == p.Id && (g.Role == Role.Contributor || g.Role == Role.Admin)),
                ChannelLead = db.RoleGrants.Any(g => g.PersonId == p.Id && g.Role == Role.ChannelLead) || db.Teams.Any(t => t.LeadPersonId == p.Id),
                CxLead = db.RoleGrants.Any(g => g.PersonId == p.Id && g.Role == Role.CxLead),
                Executive = db.RoleGrants.Any(g => g.PersonId == p.Id && g.Role == Role.Executive),
                Chosen = db.NotificationPreferences.Where(c => c.PersonId == p.Id).Select(c => new { c.Kind, c.Channel }).ToList(),
            })
            .ToListAsync(cancellationToken);
        return new NotificationChoices(people.ToDictionary(p => p.Id, p =>
        {
            IReadOnlyList<Role> roles =
            [
                .. p.Contributor ? [Role.Contributor] : Array.Empty<Role>(),
                .. p.ChannelLead ? [Role.ChannelLead] : Array.Empty<Role>(),
                .. p.CxLead ? [Role.CxLead] : Array.Empty<Role>(),
                .. p.Executive ? [Role.Executive] : Array.Empty<Role>(),
            ];
            return (roles, p.Chosen.ToDictionary(c => c.Kind, c => c.Channel));
        }));
    }

    /// <summary>The roles whose defaults apply to the person (none: a contributor's).</summary>
    public IReadOnlyList<Role> RolesOf(int personId) => _people.TryGetValue(personId, out var person) ? person.Roles : [];

    public NotificationChannel DefaultFor(int personId, NotificationKind kind) => NotificationDefaults.For(kind, RolesOf(personId));

    /// <summary>The person's own choice for the kind, if they made one.</summary>
    public NotificationChannel? ChosenFor(int personId, NotificationKind kind) =>
        _people.TryGetValue(personId, out var person) && person.Chosen.TryGetValue(kind, out var channel) ? channel : null;

    /// <summary>How the person is told: by their choice, else by their roles' default; someone the app does not know, not at all.</summary>
    public NotificationChannel For(int personId, NotificationKind kind) =>
        !_people.ContainsKey(personId) ? NotificationChannel.Off : ChosenFor(personId, kind) ?? DefaultFor(personId, kind);
}
