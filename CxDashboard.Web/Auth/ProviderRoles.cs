using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Auth;

/// <summary>
/// Which of the identity provider's role values are app roles: a value that is an app role's exact name,
/// or a key of <c>Authentication:RoleMapping</c>. Anything else (a shared directory's generic <c>admin</c>
/// group, say) means nothing here.
/// </summary>
internal sealed class ProviderRoles(
    IOptions<OidcOptions> oidcOptions,
    IOptions<CxAuthenticationOptions> authenticationOptions,
    ILogger<ProviderRoles> logger)
{
    // Enough for any real directory's groups; past it new values are still ignored, just not logged.
    private const int MaxLoggedValues = 1_000;

    private readonly ConcurrentDictionary<string, byte> _logged = new(StringComparer.Ordinal);

    /// <summary>The app roles a principal holds: the provider's roles that count, and the grants made in the app.</summary>
    public IReadOnlyList<string> AppRolesFor(ClaimsPrincipal principal, DirectoryEntry? person) =>
        Of(principal)
            .Concat(person?.GrantedRoles.Where(IsAppRole) ?? [])
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>The app roles the identity provider's claims give, ignoring the app's own identity.</summary>
    public IEnumerable<string> Of(ClaimsPrincipal principal)
    {
        var roleClaimType = oidcOptions.Value.RoleClaimType;
        var mapping = authenticationOptions.Value.RoleMapping;
        foreach (var identity in principal.Identities.Where(i => i.AuthenticationType != RoleClaimsTransformation.AppIdentityType))
        {
            foreach (var claim in identity.FindAll(roleClaimType))
            {
                var mapped = mapping.FirstOrDefault(m => string.Equals(m.Key, claim.Value, StringComparison.Ordinal)).Value;
                if (mapped is not null)
                {
                    yield return mapped;
                }
                else if (IsAppRole(claim.Value))
                {
                    yield return claim.Value;
                }
                else
                {
                    LogIgnoredOnce(claim.Value);
                }
            }
        }
    }

    public static bool IsAppRole(string? value) => Roles.All.Contains(value, StringComparer.Ordinal);

    private void LogIgnoredOnce(string value)
    {
        if (_logged.Count < MaxLoggedValues && _logged.TryAdd(value, 0))
        {
            logger.LogInformation(
                "The identity provider's role '{ProviderRole}' is neither an app role's exact name ({AppRoles}) nor a key of Authentication:RoleMapping; it gives no role.",
                value, string.Join(", ", Roles.All));
        }
    }
}
