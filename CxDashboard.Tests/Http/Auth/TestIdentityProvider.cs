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
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);

        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    // The code carries the principal signed in above; handing it back issues the tokens.
    private static async Task<IResult> RedeemAsync(HttpContext context)
    {
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
