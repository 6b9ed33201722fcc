using System.Data.Common;
using System.Globalization;
using System.Security.Claims;
using CxDashboard.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Auth;

/// <summary>
/// Gives every signed-in identity (cookie or bearer token) its person and app roles. A person is the
/// identity provider's subject; a pre-registered person's e-mail address links them to a subject once,
/// at their first sign-in, and only when the provider says it verified the address. Runs on every
/// authentication, so a changed grant takes effect without signing in again; the directory lookup is
/// cached briefly because Blazor Server authenticates per request and per circuit. The app roles the provider
/// gives at a sign-in are kept in the directory (notifications are decided while the person is away), once
/// per sign-in and set of roles, never per request.
/// </summary>
internal sealed class RoleClaimsTransformation(
    IServiceProvider services,
    IMemoryCache cache,
    ProviderRoles providerRoles,
    IOptions<CxAuthenticationOptions> authenticationOptions,
    ILogger<RoleClaimsTransformation> logger) : IClaimsTransformation
{
    /// <summary>Authentication type of the identity holding the app's own claims; also marks a transformed principal.</summary>
    public const string AppIdentityType = "CxDashboard";

    private const string NoRoleClaimType = "cx:roles_come_from_the_app_identity";

    private static readonly TimeSpan DirectoryCacheDuration = TimeSpan.FromMinutes(1);

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.Identities.Any(i => i.AuthenticationType == AppIdentityType))
        {
            return principal;
        }

        var person = await FindPersonAsync(principal);
        if (person is not null)
        {
            await RecordProviderRolesAsync(principal, person);
        }
        var appIdentity = new ClaimsIdentity(AppIdentityType, CxClaimTypes.DisplayName, ClaimTypes.Role);
        appIdentity.AddClaims(providerRoles.AppRolesFor(principal, person).Select(role => new Claim(ClaimTypes.Role, role)));
        if (person is not null)
        {
            appIdentity.AddClaim(new Claim(CxClaimTypes.PersonId, person.PersonId.ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer32));
            appIdentity.AddClaim(new Claim(CxClaimTypes.DisplayName, person.DisplayName));
            if (person.TeamId is { } teamId)
            {
                appIdentity.AddClaim(new Claim(CxClaimTypes.TeamId, teamId.ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer32));
            }
        }

        // A new principal rather than a changed one: the cookie handler hands out the same principal
        // for every authentication in a request, and it must not collect claims twice.
        var transformed = new ClaimsPrincipal(principal.Identities.Select(WithoutRoles));
        transformed.AddIdentity(appIdentity);
        return transformed;
    }

    // Roles count only from the app's own identity: a token that happens to carry a claim of the standard
    // role type must not hold an app role that ProviderRoles did not give it.
    private static ClaimsIdentity WithoutRoles(ClaimsIdentity identity) =>
        new(identity.Claims, identity.AuthenticationType, identity.NameClaimType, NoRoleClaimType);

    private async Task<DirectoryEntry?> FindPersonAsync(ClaimsPrincipal principal)
    {
        var subject = principal.Subject();
        if (string.IsNullOrWhiteSpace(subject))
        {
            return null;
        }

        // The subject is always part of the key: an address never finds a person on its own.
        var verifiedEmail = VerifiedEmail(principal);
        var key = (nameof(RoleClaimsTransformation), subject, verifiedEmail);
        if (cache.TryGetValue(key, out DirectoryEntry? cached))
        {
            return cached;
        }

        var directory = services.GetRequiredService<IUserDirectory>();
        var person = await directory.FindAsync(subject) ?? await LinkAsync(directory, subject, verifiedEmail);
        cache.Set(key, person, DirectoryCacheDuration);
        return person;
    }

    private async Task RecordProviderRolesAsync(ClaimsPrincipal principal, DirectoryEntry person)
    {
        // Only a sign-in has a start to order it by; a bearer token's caller is a machine, whose roles decide nothing while it is away.
        if (SessionLifetime.Started(principal) is not { } signedInAt)
        {
            return;
        }
        var roles = providerRoles.Of(principal).Distinct().Order(StringComparer.Ordinal).ToList();
        var key = (nameof(RecordProviderRolesAsync), person.PersonId, signedInAt, string.Join(',', roles));
        if (cache.TryGetValue(key, out _))
        {
            return;
        }
        try
        {
            if (await services.GetRequiredService<IUserDirectory>().RecordProviderRolesAsync(person.PersonId, roles, signedInAt.UtcDateTime))
            {
                logger.LogInformation("Person {PersonId} signed in holding {ProviderRoles} from the identity provider; kept for their notifications.",
                    person.PersonId, roles.Count == 0 ? "no app role" : string.Join(", ", roles));
            }
            // The same sign-in with the same roles has nothing more to say for the rest of its life.
            cache.Set(key, true, authenticationOptions.Value.SessionLifetime);
        }
        catch (Exception exception) when (exception is DbException or DbUpdateException || DatabaseFailures.IsUnavailable(exception))
        {
            // The sign-in stands on the claims themselves; only notifications go on by the roles kept before. Tried again a minute later.
            logger.LogWarning(exception, "Could not keep the identity provider's roles of person {PersonId}; their notifications follow the roles kept before.",
                person.PersonId);
            cache.Set(key, false, DirectoryCacheDuration);
        }
    }

    private async Task<DirectoryEntry?> LinkAsync(IUserDirectory directory, string subject, string? verifiedEmail)
    {
        if (verifiedEmail is null)
        {
            return null;
        }

        var link = await directory.LinkAsync(subject, verifiedEmail);
        switch (link.Outcome)
        {
            case SubjectLinkOutcome.Linked:
                logger.LogInformation("Person {PersonId} signed in for the first time and is now linked to subject {Subject}.",
                    link.Person?.PersonId, subject);
                return link.Person;
            case SubjectLinkOutcome.LinkedToAnotherSubject:
                logger.LogWarning(
                    "Refused subject {Subject}: it presents the verified address {Email} of a person who signs in with another subject.",
                    subject, verifiedEmail);
                return null;
            default:
                return null;
        }
    }

    /// <summary>The e-mail address, only when the provider says it verified it (a boolean true or the string "true").</summary>
    private string? VerifiedEmail(ClaimsPrincipal principal)
    {
        var email = principal.Email();
        var verified = principal.FindFirst(authenticationOptions.Value.EmailVerifiedClaimType)?.Value;
        return !string.IsNullOrWhiteSpace(email) && string.Equals(verified?.Trim(), "true", StringComparison.OrdinalIgnoreCase)
            ? email.Trim().ToLowerInvariant()
            : null;
    }
}
