using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Auth;

/// <summary>
/// Gives every signed-in identity its app roles: the identity provider's role claim (matched or mapped
/// to the five role names) plus the grants an Admin made inside the app. Runs on every authentication,
/// so a changed grant takes effect without signing in again; the directory lookup is cached briefly
/// because Blazor Server authenticates per request and per circuit.
/// </summary>
internal sealed class RoleClaimsTransformation(
    IServiceProvider services,
    IMemoryCache cache,
    IOptions<OidcOptions> oidcOptions,
    IOptions<CxAuthenticationOptions> authenticationOptions) : IClaimsTransformation
{
    /// <summary>Authentication type of the identity holding the app's own claims; also marks a transformed principal.</summary>
    public const string AppIdentityType = "CxDashboard";

    private static readonly TimeSpan DirectoryCacheDuration = TimeSpan.FromMinutes(1);

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.Identities.Any(i => i.AuthenticationType == AppIdentityType))
        {
            return principal;
        }

        var subject = principal.FindFirst(CxClaimTypes.Subject)?.Value;
        var email = principal.FindFirst(CxClaimTypes.Email)?.Value;
        var person = await FindPersonAsync(subject, email);

        var roles = IdentityProviderRoles(principal)
            .Concat(person?.GrantedRoles.Select(CanonicalRole).OfType<string>() ?? [])
            .Distinct(StringComparer.Ordinal);

        var appIdentity = new ClaimsIdentity(AppIdentityType, CxClaimTypes.DisplayName, ClaimTypes.Role);
        appIdentity.AddClaims(roles.Select(role => new Claim(ClaimTypes.Role, role)));
        if (person is not null)
        {
            appIdentity.AddClaim(new Claim(CxClaimTypes.PersonId, person.PersonId.ToString(System.Globalization.CultureInfo.InvariantCulture), ClaimValueTypes.Integer32));
            appIdentity.AddClaim(new Claim(CxClaimTypes.DisplayName, person.DisplayName));
            if (person.TeamId is { } teamId)
            {
                appIdentity.AddClaim(new Claim(CxClaimTypes.TeamId, teamId.ToString(System.Globalization.CultureInfo.InvariantCulture), ClaimValueTypes.Integer32));
            }
        }

        // A new principal rather than a changed one: the cookie handler hands out the same principal
        // for every authentication in a request, and it must not collect claims twice.
        var transformed = new ClaimsPrincipal(principal.Identities);
        transformed.AddIdentity(appIdentity);
        return transformed;
    }

    private IEnumerable<string> IdentityProviderRoles(ClaimsPrincipal principal)
    {
        var mapping = authenticationOptions.Value.RoleMapping;
        foreach (var claim in principal.FindAll(oidcOptions.Value.RoleClaimType))
        {
            var mapped = mapping.FirstOrDefault(m => string.Equals(m.Key, claim.Value, StringComparison.OrdinalIgnoreCase)).Value;
            if (CanonicalRole(mapped ?? claim.Value) is { } role)
            {
                yield return role;
            }
        }
    }

    private static string? CanonicalRole(string? value) =>
        Roles.All.FirstOrDefault(role => string.Equals(role, value?.Trim(), StringComparison.OrdinalIgnoreCase));

    private async Task<DirectoryEntry?> FindPersonAsync(string? subject, string? email)
    {
        if (subject is null && email is null)
        {
            return null;
        }

        var key = (nameof(RoleClaimsTransformation), subject, email?.ToUpperInvariant());
        if (cache.TryGetValue(key, out DirectoryEntry? cached))
        {
            return cached;
        }

        var person = await services.GetRequiredService<IUserDirectory>().FindAsync(subject, email);
        cache.Set(key, person, DirectoryCacheDuration);
        return person;
    }
}
