using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CxDashboard.Web.Auth;

/// <summary>What the identity provider says of a sign-in when asked again.</summary>
internal enum ProviderVerdict
{
    /// <summary>Same person, same app roles.</summary>
    Unchanged,
    /// <summary>The provider now gives other app roles, or names another person.</summary>
    RolesChanged,
    /// <summary>The provider refused to renew the sign-in (account disabled, session revoked) or answered with a token that does not validate.</summary>
    Refused,
    /// <summary>The provider could not be asked (unreachable, 5xx, no identity token in its answer): the sign-in stands until its lifetime.</summary>
    Unavailable,
}

internal sealed record ProviderAnswer(ProviderVerdict Verdict, string? RefreshToken = null);

/// <summary>
/// Asks the identity provider again, with the refresh token it issued at sign-in, which app roles the person holds
/// now: a role revoked at the provider must not last until the session's lifetime. The refresh token travels in
/// the principal (protected once more on top of the cookie's own encryption) because an open page's circuit
/// sees only the principal, never the cookie's properties.
/// </summary>
internal sealed class ProviderSession(
    IOptionsMonitor<OpenIdConnectOptions> openIdConnect,
    IOptions<OidcOptions> oidcOptions,
    ProviderRoles providerRoles,
    IDataProtectionProvider dataProtection,
    ILogger<ProviderSession> logger)
{
    public const string OfflineAccessScope = "offline_access";

    // Unix seconds of the last answer from the provider, kept in the cookie's properties.
    private const string CheckedAtItem = ".cx.provider_roles_checked";

    private IDataProtector Protector => dataProtection.CreateProtector("CxDashboard.Auth.ProviderRefreshToken");

    /// <summary>At OIDC sign-in: keeps the refresh token, and notes that the roles were just read.</summary>
    public static Task OnTokenValidated(TokenValidatedContext context)
    {
        context.HttpContext.RequestServices.GetRequiredService<ProviderSession>().SignedIn(context);
        return Task.CompletedTask;
    }

    private void SignedIn(TokenValidatedContext context)
    {
        if (!oidcOptions.Value.RefreshRoles || context.Principal?.Identity is not ClaimsIdentity identity)
        {
            return;
        }
        if (context.TokenEndpointResponse?.RefreshToken is not { Length: > 0 } refreshToken)
        {
            logger.LogWarning("The identity provider issued no refresh token (scope {Scope}); roles revoked at the provider take effect only " +
                "when the session ends (Authentication:SessionLifetime).", OfflineAccessScope);
            return;
        }
        Keep(identity, refreshToken);
        StampChecked(context.Properties!, context.Options.TimeProvider!.GetUtcNow());
    }

    /// <summary>
    /// For requests through the cookie: after the session's lifetime check, asks the provider at most once per
    /// <see cref="CxAuthenticationOptions.RevalidationInterval"/> per session, and ends the sign-in when the roles changed
    /// or the provider refused.
    /// </summary>
    public static async Task OnValidatePrincipal(CookieValidatePrincipalContext context)
    {
        await SessionLifetime.OnValidatePrincipal(context);
        var services = context.HttpContext.RequestServices;
        var session = services.GetRequiredService<ProviderSession>();
        if (context.Principal is not { } user || !session.CanAsk(user))
        {
            return;
        }

        var now = context.Options.TimeProvider!.GetUtcNow();
        var interval = services.GetRequiredService<IOptions<CxAuthenticationOptions>>().Value.RevalidationInterval;
        if (CheckedAt(context.Properties) is { } checkedAt && now - checkedAt < interval)
        {
            return;
        }

        var answer = await session.AskAsync(user, context.HttpContext.RequestAborted);
        if (answer.Verdict is ProviderVerdict.RolesChanged or ProviderVerdict.Refused)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        // Stamped even when the provider was unavailable: the next try waits an interval instead of every request knocking.
        if (answer.RefreshToken is { Length: > 0 } rotated && user.Identity is ClaimsIdentity identity)
        {
            session.Keep(identity, rotated);
        }
        StampChecked(context.Properties, now);
        context.ReplacePrincipal(user);
        context.ShouldRenew = true;
    }

    /// <summary>Whether this sign-in came with a refresh token to ask the provider with.</summary>
    public bool CanAsk(ClaimsPrincipal user) =>
        oidcOptions.Value is { IsConfigured: true, RefreshRoles: true } && user.FindFirst(CxClaimTypes.ProviderRefreshToken) is not null;

    public async Task<ProviderAnswer> AskAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        string refreshToken;
        try
        {
            refreshToken = Protector.Unprotect(user.FindFirst(CxClaimTypes.ProviderRefreshToken)?.Value ?? "");
        }
        catch (CryptographicException)
        {
            return new ProviderAnswer(ProviderVerdict.Refused);
        }

        var options = openIdConnect.Get(OpenIdConnectDefaults.AuthenticationScheme);
        OpenIdConnectConfiguration configuration;
        OpenIdConnectMessage message;
        int status;
        try
        {
            configuration = await options.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Post, configuration.TokenEndpoint)
            {
                Content = new FormUrlEncodedContent(
                [
                    KeyValuePair.Create("grant_type", OpenIdConnectGrantTypes.RefreshToken),
                    KeyValuePair.Create("refresh_token", refreshToken),
                    KeyValuePair.Create("client_id", options.ClientId ?? ""),
                    KeyValuePair.Create("client_secret", options.ClientSecret ?? ""),
                ]),
            };
            using var response = await options.Backchannel.SendAsync(request, cancellationToken);
            status = (int)response.StatusCode;
            if (status >= 500 || status == StatusCodes.Status429TooManyRequests)
            {
                return Unavailable($"it answered {status}");
            }
            message = new OpenIdConnectMessage(await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or System.Text.Json.JsonException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Unavailable($"not reached: {exception.Message}");
        }

        if (status is < 200 or >= 300)
        {
            logger.LogInformation("The identity provider refused to renew the sign-in of {Subject} ({Status} {Error}); the session ends.",
                user.Subject(), status, message.Error);
            return new ProviderAnswer(ProviderVerdict.Refused);
        }
        if (string.IsNullOrEmpty(message.IdToken))
        {
            return Unavailable("it answered without an identity token");
        }

        var parameters = options.TokenValidationParameters.Clone();
        if (parameters.ValidIssuer is null && parameters.ValidIssuers is null)
        {
            parameters.ValidIssuer = configuration.Issuer;
        }
        if (parameters.ValidAudience is null && parameters.ValidAudiences is null)
        {
            parameters.ValidAudience = options.ClientId;
        }
        parameters.IssuerSigningKeys = parameters.IssuerSigningKeys?.Concat(configuration.SigningKeys) ?? configuration.SigningKeys;
        var validated = await options.TokenHandler.ValidateTokenAsync(message.IdToken, parameters);
        if (!validated.IsValid)
        {
            logger.LogWarning(validated.Exception, "The identity provider's renewed identity token for {Subject} did not validate; the session ends.", user.Subject());
            return new ProviderAnswer(ProviderVerdict.Refused);
        }

        var now = new ClaimsPrincipal(validated.ClaimsIdentity);
        var held = providerRoles.Of(user).ToHashSet(StringComparer.Ordinal);
        var current = providerRoles.Of(now).ToHashSet(StringComparer.Ordinal);
        var verdict = now.Subject() == user.Subject() && held.SetEquals(current) ? ProviderVerdict.Unchanged : ProviderVerdict.RolesChanged;
        return new ProviderAnswer(verdict, message.RefreshToken);

        ProviderAnswer Unavailable(string reason)
        {
            logger.LogWarning("The identity provider could not say which roles {Subject} holds now ({Reason}); the sign-in stands, at most until " +
                "Authentication:SessionLifetime.", user.Subject(), reason);
            return new ProviderAnswer(ProviderVerdict.Unavailable);
        }
    }

    /// <summary>Puts the provider's refresh token, protected, into the sign-in's identity in place of any earlier one.</summary>
    public void Keep(ClaimsIdentity identity, string refreshToken)
    {
        foreach (var old in identity.FindAll(CxClaimTypes.ProviderRefreshToken).ToList())
        {
            identity.RemoveClaim(old);
        }
        identity.AddClaim(new Claim(CxClaimTypes.ProviderRefreshToken, Protector.Protect(refreshToken)));
    }

    private static void StampChecked(AuthenticationProperties properties, DateTimeOffset now) =>
        properties.Items[CheckedAtItem] = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static DateTimeOffset? CheckedAt(AuthenticationProperties properties) =>
        properties.Items.TryGetValue(CheckedAtItem, out var value)
        && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
