using System.Globalization;
using System.Security.Claims;

namespace CxDashboard.Web.Auth;

/// <summary>What pages and services need to know about the signed-in person, read from their claims.</summary>
public static class CurrentUser
{
    /// <summary>The app's person id, or null when the directory does not know this identity.</summary>
    public static int? PersonId(this ClaimsPrincipal user) => IntClaim(user, CxClaimTypes.PersonId);

    public static int? TeamId(this ClaimsPrincipal user) => IntClaim(user, CxClaimTypes.TeamId);

    public static string? Subject(this ClaimsPrincipal user) => user.FindFirst(CxClaimTypes.Subject)?.Value;

    public static string? Email(this ClaimsPrincipal user) => user.FindFirst(CxClaimTypes.Email)?.Value;

    /// <summary>The name the app knows the person by, falling back to what the identity provider says.</summary>
    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirst(CxClaimTypes.DisplayName)?.Value
        ?? user.FindFirst(CxClaimTypes.Name)?.Value
        ?? user.Identity?.Name
        ?? user.Email()
        ?? user.Subject()
        ?? "Unknown person";

    /// <summary>The app roles the person holds, in the order of <see cref="Roles.All"/>.</summary>
    public static IReadOnlyList<string> AppRoles(this ClaimsPrincipal user) =>
        Roles.All.Where(user.IsInRole).ToList();

    public static bool HasAnyRole(this ClaimsPrincipal user) => Roles.All.Any(user.IsInRole);

    private static int? IntClaim(ClaimsPrincipal user, string type) =>
        int.TryParse(user.FindFirst(type)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
