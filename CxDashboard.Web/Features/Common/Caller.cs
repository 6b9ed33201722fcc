using System.Security.Claims;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Data;

namespace CxDashboard.Web.Features.Common;

/// <summary>
/// The signed-in person a service acts for. Pages pass it with every command so that the service
/// checks, on the server, what this person may change, and the audit trail names them.
/// </summary>
public sealed record Caller(int? PersonId, string Name, int? TeamId, IReadOnlySet<string> Roles)
{
    public const string PersonIdClaim = CxClaimTypes.PersonId;
    public const string TeamIdClaim = CxClaimTypes.TeamId;

    public bool IsAdmin => Roles.Contains(Auth.Roles.Admin);
    public bool IsCxLead => Roles.Contains(Auth.Roles.CxLead);
    public bool IsChannelLead => Roles.Contains(Auth.Roles.ChannelLead);
    public bool IsContributor => Roles.Contains(Auth.Roles.Contributor);

    /// <summary>Executives (and anyone with only that role) read everything and change nothing.</summary>
    public bool IsReadOnly => !IsAdmin && !IsCxLead && !IsChannelLead && !IsContributor;

    public AuditActor ToAuditActor() => new(PersonId, Name);

    /// <summary>The person's id, or a refusal when the app does not know them as a person.</summary>
    public int RequirePersonId() => PersonId
        ?? throw new NotAllowedException("Your sign-in is not linked to a person in CX Dashboard yet; ask an Admin to add you.");

    public static Caller From(ClaimsPrincipal user) =>
        new(user.PersonId(), user.DisplayName(), user.TeamId(), user.AppRoles().ToHashSet(StringComparer.Ordinal));
}
