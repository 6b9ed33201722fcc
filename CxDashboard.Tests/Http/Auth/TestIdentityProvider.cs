using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CxDashboard.Tests.Http.Auth;

/// <summary>
/// A real OpenID Connect provider on 127.0.0.1 (OpenIddict, degraded mode: no stores, one known client)
/// whose authorization endpoint signs in <see cref="User"/> without asking anything.
/// </summary>
public sealed class TestIdentityProvider : IAsyncLifetime
{
    public const string ClientId = "cx-dashboard";
    public const string ClientSecret = "cx-dashboard-test-secret";

    /// <summary>The ingestion API's audience: access tokens are issued for it, identity tokens for the client.</summary>
    public const string ApiAudience = "cx-dashboard-api";
    public static readonly string RedirectUri = new Uri(CxDashboardFactory.BaseAddress, "/signin-oidc").ToString();
    public static readonly string PostLogoutRedirectUri = new Uri(CxDashboardFactory.BaseAddress, "/signout-callback-oidc").ToString();

    private WebApplication? server;

    public Uri Authority { get; private set; } = default!;

    /// <summary>The app's address as the browser sees it (behind a proxy, the proxy's): its sign-in and sign-out callbacks are under it.</summary>
    public Uri AppAddress { get; set; } = CxDashboardFactory.BaseAddress;

    /// <summary>Who the provider signs in next; the role values are sent in the <c>roles</c> claim.</summary>
    public ProviderUser User { get; set; } = new("idp-erin", "Erin Shaw", "erin.shaw@example.test", ["Executive"]);

    /// <summary>Authorization requests as received, to check what the app asked for.</summary>
    public List<OpenIddictRequest> AuthorizationRequests { get; } = [];

    public int EndedSessions { get; private set; }

    /// <summary>While true, refresh-token grants are answered 503, as by a provider that is down.</summary>
    public bool RefreshUnavailable { get; set; }

    /// <summary>Refresh-token grants as received, to check how often the app asked again.</summary>
    public int Refreshes { get; private set; }

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();

        builder.Services.AddOpenIddict().AddServer(options =>
        {
            options.SetAuthorizationEndpointUris("connect/authorize")
                .SetTokenEndpointUris("connect/token")
                .SetEndSessionEndpointUris("connect/endsession");
            options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            // Lets a test fetch an access token for User directly, as a script calling the API would hold one.
            options.AllowPasswordFlow();
            // The app renews with the refresh token to read the person's roles again.
            options.AllowRefreshTokenFlow();
            options.RegisterScopes(Scopes.Email, Scopes.Profile);
            options.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            // Access tokens as most providers issue them: signed JWTs the API validates with the provider's keys.
            options.DisableAccessTokenEncryption();
            options.EnableDegradedMode();
            options.UseAspNetCore()
                .EnableAuthorizationEndpointPassthrough()
                .EnableTokenEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough()
                .DisableTransportSecurityRequirement();

            // Degraded mode has no application store: the one client is checked here.
            options.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.RedirectUri != new Uri(AppAddress, "/signin-oidc").ToString())
                {
                    context.Reject(Errors.InvalidClient, "Unknown client or redirect_uri.");
                }
                return default;
            }));
            options.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.ClientSecret != ClientSecret)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client or wrong secret.");
                }
                return default;
            }));
            options.AddEventHandler<ValidateEndSessionRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.PostLogoutRedirectUri is not null && context.PostLogoutRedirectUri != new Uri(AppAddress, "/signout-callback-oidc").ToString())
                {
                    context.Reject(Errors.InvalidRequest, "Unknown post_logout_redirect_uri.");
                }
                return default;
            }));
        });

        server = builder.Build();
        server.MapMethods("/connect/authorize", ["GET", "POST"], Authorize);
        server.MapPost("/connect/token", (Delegate)RedeemAsync);
        server.MapMethods("/connect/endsession", ["GET", "POST"], EndSession);
        await server.StartAsync();
        Authority = new Uri(server.Urls.Single() + "/");
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.StopAsync();
            await server.DisposeAsync();
        }
    }

    private IResult Authorize(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        AuthorizationRequests.Add(request);
        return Results.SignIn(UserPrincipal(request), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private ClaimsPrincipal UserPrincipal(OpenIddictRequest request) => UserPrincipal(request.GetScopes());

    private ClaimsPrincipal UserPrincipal(IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, User.Subject));
        identity.AddClaim(new Claim(Claims.Name, User.Name));
        identity.AddClaim(new Claim(Claims.Email, User.Email));
        if (User.EmailVerified is { } verified)
        {
            identity.AddClaim(new Claim(Claims.EmailVerified, verified ? "true" : "false", ClaimValueTypes.Boolean));
        }
        foreach (var role in User.Roles)
        {
            identity.AddClaim(new Claim("roles", role));
        }
        identity.SetScopes(scopes);
        identity.SetResources(ApiAudience);
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>An access token for <see cref="User"/>, issued for the app as its audience.</summary>
    public async Task<string> AccessTokenAsync()
    {
        using var client = new HttpClient();
        var response = await client.PostAsync(new Uri(Authority, "connect/token"), new FormUrlEncodedContent(
        [
            KeyValuePair.Create("grant_type", GrantTypes.Password),
            KeyValuePair.Create("client_id", ClientId),
            KeyValuePair.Create("client_secret", ClientSecret),
            KeyValuePair.Create("username", User.Subject),
            KeyValuePair.Create("password", "not checked"),
        ]));
        response.EnsureSuccessStatusCode();
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    // The code carries the principal signed in above; handing it back issues the tokens. A password grant
    // (tests asking for an access token) is answered for User without checking anything. A refresh token grant is
    // answered with User as the provider knows them now, for the scopes first granted, unless User is disabled.
    private async Task<IResult> RedeemAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsPasswordGrantType())
        {
            return Results.SignIn(UserPrincipal(request), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        if (request.IsRefreshTokenGrantType())
        {
            Refreshes++;
            if (RefreshUnavailable)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }
            var granted = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            return granted.Principal is { } previous && !User.Disabled
                ? Results.SignIn(UserPrincipal(previous.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)
                : Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var code = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        return code.Principal is { } principal
            ? Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)
            : Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    /// <summary>
    /// Runs the code flow with PKCE as the app's client, outside any browser, and returns the tokens the
    /// provider issued for <see cref="User"/>.
    /// </summary>
    public async Task<(string IdentityToken, string AccessToken)> IssueTokensAsync()
    {
        using var issued = await RedeemCodeAsync("openid%20profile");
        return (issued.RootElement.GetProperty("id_token").GetString()!, issued.RootElement.GetProperty("access_token").GetString()!);
    }

    /// <summary>As <see cref="IssueTokensAsync"/>, with offline access: the refresh token the provider issued for <see cref="User"/>.</summary>
    public async Task<string> IssueRefreshTokenAsync()
    {
        using var issued = await RedeemCodeAsync("openid%20profile%20offline_access");
        return issued.RootElement.GetProperty("refresh_token").GetString()!;
    }

    private async Task<JsonDocument> RedeemCodeAsync(string scope)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Authority };
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = await client.GetAsync("connect/authorize?" + string.Join("&",
            $"client_id={ClientId}", $"redirect_uri={Uri.EscapeDataString(RedirectUri)}", "response_type=code",
            $"scope={scope}", "nonce=n-0S6_WzA2Mj", "state=af0ifjsldkj",
            $"code_challenge={challenge}", "code_challenge_method=S256"));
        var code = QueryHelpers.ParseQuery(authorize.Headers.Location?.Query)["code"].ToString();

        var token = await client.PostAsync("connect/token", new FormUrlEncodedContent(
        [
            KeyValuePair.Create("grant_type", "authorization_code"),
            KeyValuePair.Create("code", code),
            KeyValuePair.Create("redirect_uri", RedirectUri),
            KeyValuePair.Create("client_id", ClientId),
            KeyValuePair.Create("client_secret", ClientSecret),
            KeyValuePair.Create("code_verifier", verifier),
        ]));
        return JsonDocument.Parse(await token.Content.ReadAsStringAsync());

        static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private IResult EndSession()
    {
        EndedSessions++;
        return Results.SignOut(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}

/// <summary>
/// An account at the provider; <paramref name="EmailVerified"/> null sends no <c>email_verified</c> claim at all.
/// A <paramref name="Disabled"/> account's refresh tokens are refused (invalid_grant).
/// </summary>
public sealed record ProviderUser(string Subject, string Name, string Email, string[] Roles, bool? EmailVerified = null, bool Disabled = false);
