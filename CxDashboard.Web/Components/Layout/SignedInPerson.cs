using System.Security.Claims;
using CxDashboard.Web.Auth;

namespace CxDashboard.Web.Components.Layout;

/// <summary>Who is signed in, as the app bar shows them: a name and the highest role as a friendly label.</summary>
public sealed record SignedInPerson(string Name, string? Role, string RoleLabel)
{
    // Highest first: a person with several roles is shown by the one that lets them do the most.
    private static readonly (string Role, string Label)[] RolesByRank =
    [
        (Roles.Admin, "Administrator"),
        (Roles.CxLead, "Head of CX"),
        (Roles.ChannelLead, "Channel lead"),
        (Roles.Contributor, "Contributor"),
        (Roles.Executive, "Executive"),
    ];

    public static SignedInPerson From(ClaimsPrincipal user)
    {
        var name = FirstNonEmpty(user.FindFirst("name")?.Value, user.Identity?.Name, user.FindFirst("email")?.Value) ?? "Signed in";
        foreach (var (role, label) in RolesByRank)
        {
            if (user.IsInRole(role) || user.HasClaim(ClaimTypes.Role, role))
            {
                return new SignedInPerson(name, role, label);
            }
        }
        return new SignedInPerson(name, null, "No role yet");
    }

    private static string? FirstNonEmpty(params string?[] values) =>
        values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
