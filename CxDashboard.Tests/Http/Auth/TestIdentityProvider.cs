using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
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
    public static readonly string RedirectUri = new Uri(CxDashboardFactory.BaseAddress, "/signin-oidc").ToString();
    public static readonly string PostLogoutRedirectUri = new Uri(CxDashboardFactory.BaseAddress, "/signout-callback-oidc").ToString();

    private WebApplication? server;

    public Uri Authority { get; private set; } = default!;

    /// <summary>Who the provider signs in next; the role values are sent in the <c>roles</c> claim.</summary>
    public ProviderUser User { get; set; } = new("idp-erin", "Erin Shaw", "erin.shaw@example.test", ["Executive"]);

    /// <summary>Authorization requests as received, to check what the app asked for.</summary>
    public List<OpenIddictRequest> AuthorizationRequests { get; } = [];

    public int EndedSessions { get; private set; }

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
            options.DisableAccessTokenEncryption();
            options.RegisterScopes(Scopes.Email, Scopes.Profile);
            options.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            options.EnableDegradedMode();
            options.UseAspNetCore()
                .EnableAuthorizationEndpointPassthrough()
                .EnableTokenEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough()
                .DisableTransportSecurityRequirement();

            // Degraded mode has no application store: the one client is checked here.
            options.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.RedirectUri != RedirectUri)
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
                if (context.PostLogoutRedirectUri is not null && context.PostLogoutRedirectUri != PostLogoutRedirectUri)
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

    private ClaimsPrincipal UserPrincipal(OpenIddictRequest request)
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
        identity.SetScopes(request.GetScopes());
        identity.SetResources(ClientId);
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
    // (tests asking for an access token) is answered for User without checking anything.
    private async Task<IResult> RedeemAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsPasswordGrantType())
        {
            return Results.SignIn(UserPrincipal(request), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        var code = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        return code.Principal is { } principal
            ? Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)
            : Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private IResult EndSession()
    {
        EndedSessions++;
        return Results.SignOut(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}

/// <summary>An account at the provider; <paramref name="EmailVerified"/> null sends no <c>email_verified</c> claim at all.</summary>
public sealed record ProviderUser(string Subject, string Name, string Email, string[] Roles, bool? EmailVerified = null);
