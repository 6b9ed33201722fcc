using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Auth;

/// <summary>Why an open page lost the sign-in it was opened with.</summary>
public enum AccessChange
{
    None,
    /// <summary>The person's roles (or who the subject is) are no longer what the page was opened with.</summary>
    RolesChanged,
    /// <summary>The sign-in is older than the session's lifetime.</summary>
    SessionEnded,
}

/// <summary>
/// Checks a signed-in principal against the directory as it is now: the roles it holds must still be the
/// provider's roles it carries plus the grants stored today, the provider (asked again when the sign-in came with a
/// refresh token) must still give the same roles, and the session must not have outlived its lifetime.
/// </summary>
internal sealed class AccessRevalidator(
    IUserDirectory directory,
    ProviderRoles providerRoles,
    ProviderSession providerSession,
    TimeProvider time,
    IOptions<CxAuthenticationOptions> options)
{
    public async Task<AccessChange> CheckAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return AccessChange.None;
        }
        if (SessionLifetime.HasEnded(user, options.Value.SessionLifetime, time.GetUtcNow()))
        {
            return AccessChange.SessionEnded;
        }

        // Straight from the directory, not the sign-in's short cache: a revoked grant must show now.
        var subject = user.Subject();
        var person = string.IsNullOrWhiteSpace(subject) ? null : await directory.FindAsync(subject, cancellationToken);
        var current = providerRoles.AppRolesFor(user, person);
        var held = user.AppRoles();
        if (person?.PersonId != user.PersonId() || current.Count != held.Count || !current.All(held.Contains))
        {
            return AccessChange.RolesChanged;
        }
        if (!providerSession.CanAsk(user))
        {
            return AccessChange.None;
        }
        var answer = await providerSession.AskAsync(user, cancellationToken);
        return answer.Verdict is ProviderVerdict.RolesChanged or ProviderVerdict.Refused ? AccessChange.RolesChanged : AccessChange.None;
    }
}

/// <summary>What ended this circuit's sign-in, for the page that has to tell the person.</summary>
public sealed class CircuitAccess
{
    public AccessChange Ended { get; internal set; }
}

/// <summary>
/// Re-checks every open circuit's sign-in at <see cref="CxAuthenticationOptions.RevalidationInterval"/>: a grant an
/// Admin revoked, or a session past its lifetime, signs the page out instead of leaving it with the rights it opened with.
/// </summary>
internal sealed class AccessRevalidation(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    CircuitAccess circuitAccess,
    IOptions<CxAuthenticationOptions> options) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var change = await scope.ServiceProvider.GetRequiredService<AccessRevalidator>().CheckAsync(authenticationState.User, cancellationToken);
        circuitAccess.Ended = change;
        return change == AccessChange.None;
    }
}

internal static class AccessRevalidationSetup
{
    public static IServiceCollection AddAccessRevalidation(this IServiceCollection services)
    {
        services.AddScoped<AccessRevalidator>();
        services.AddScoped<CircuitAccess>();
        services.AddScoped<AuthenticationStateProvider, AccessRevalidation>();
        return services;
    }
}
