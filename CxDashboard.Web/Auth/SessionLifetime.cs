using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Auth;

/// <summary>
/// Caps a sign-in at <see cref="CxAuthenticationOptions.SessionLifetime"/> however often the sliding cookie is
/// renewed. It is also how long the provider's roles can outlast a change when the provider cannot be asked again
/// (no refresh token, or unreachable): then they are only re-read at the next sign-in.
/// </summary>
internal static class SessionLifetime
{
    /// <summary>Stamps the sign-in time into the cookie's principal; renewals copy it unchanged.</summary>
    public static Task OnSigningIn(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == CxClaimTypes.SessionStarted))
        {
            var now = context.Options.TimeProvider!.GetUtcNow();
            identity.AddClaim(new Claim(CxClaimTypes.SessionStarted, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
        }
        return Task.CompletedTask;
    }

    /// <summary>Rejects a cookie older than the session's lifetime, or one with no sign-in time at all.</summary>
    public static async Task OnValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var lifetime = context.HttpContext.RequestServices.GetRequiredService<IOptions<CxAuthenticationOptions>>().Value.SessionLifetime;
        if (context.Principal is null || HasEnded(context.Principal, lifetime, context.Options.TimeProvider!.GetUtcNow()))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    public static bool HasEnded(ClaimsPrincipal user, TimeSpan lifetime, DateTimeOffset now) =>
        Started(user) is not { } started || now - started >= lifetime;

    /// <summary>When the principal's sign-in began; null for a principal that is no sign-in (a bearer token).</summary>
    public static DateTimeOffset? Started(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirst(CxClaimTypes.SessionStarted)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
