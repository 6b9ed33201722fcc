using CxDashboard.Web.Features.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CxDashboard.Web.Auth;

public static class AuthenticationSetup
{
    private const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    private const string OidcScheme = OpenIdConnectDefaults.AuthenticationScheme;

    public static WebApplicationBuilder AddCxAuthentication(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        services.AddOptions<OidcOptions>()
            .BindConfiguration(OidcOptions.Section)
            .Validate(o => !o.IsConfigured || !string.IsNullOrWhiteSpace(o.ClientId),
                "Authentication:Oidc:ClientId is required when Authentication:Oidc:Authority is set.")
            .Validate(o => !o.IsConfigured || IsUsableAuthority(o),
                "Authentication:Oidc:Authority must be an absolute https URL (http only with RequireHttpsMetadata=false).")
            .Validate(o => !string.IsNullOrWhiteSpace(o.RoleClaimType),
                "Authentication:Oidc:RoleClaimType must not be empty.")
            .Validate(o => !o.AcceptsBearerTokens || !string.Equals(o.Audience, o.ClientId, StringComparison.Ordinal),
                "Authentication:Oidc:Audience must be the ingestion API's own audience, not the ClientId: an identity token is issued for the ClientId.")
            .ValidateOnStart();

        services.AddOptions<CxAuthenticationOptions>()
            .BindConfiguration(CxAuthenticationOptions.Section)
            .Validate(o => o.RoleMapping.Values.All(IsRoleName),
                $"Authentication:RoleMapping values must be app roles, spelt exactly: {string.Join(", ", Roles.All)}.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.EmailVerifiedClaimType),
                "Authentication:EmailVerifiedClaimType must not be empty.")
            .Validate(o => o.RevalidationInterval > TimeSpan.Zero && o.SessionLifetime > TimeSpan.Zero,
                "Authentication:RevalidationInterval and Authentication:SessionLifetime must be positive times (hh:mm:ss).")
            .Validate(o => o.ProviderRolesCountFor > TimeSpan.Zero,
                "Authentication:ProviderRolesCountFor must be a positive time (d.hh:mm:ss, 30.00:00:00 for 30 days).")
            // Reads the provider section unvalidated: its own mistakes are reported once, by its own rules.
            .Validate<IConfiguration, IHostEnvironment>(
                (o, configuration, environment) => SignInMode.From(
                    configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions(), o, environment).CanSignIn,
                "No sign-in is configured: set Authentication:Oidc:Authority (with ClientId) for the identity provider, " +
                "or Authentication:DevelopmentSignIn=true to allow the development sign-in outside Development.")
            .ValidateOnStart();

        services.AddSingleton(sp => SignInMode.From(
            sp.GetRequiredService<IOptions<OidcOptions>>().Value,
            sp.GetRequiredService<IOptions<CxAuthenticationOptions>>().Value,
            sp.GetRequiredService<IHostEnvironment>()));

        // Pages challenge the cookie scheme, whose sign-in page then picks the identity provider or the
        // development sign-in; one path for both keeps API requests and Blazor redirects handled alike.
        var authentication = services
            .AddAuthentication(options =>
            {
                options.DefaultScheme = CookieScheme;
                options.DefaultChallengeScheme = CookieScheme;
            })
            .AddCookie(CookieScheme, options => ConfigureCookie(options, builder.Environment))
            // Survey tools and BI jobs send an API key; only the ingestion API's policies ask for this scheme.
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, _ => { });

        var configuredProvider = builder.Configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        if (configuredProvider.IsConfigured)
        {
            authentication.AddOpenIdConnect(OidcScheme, _ => { });
            services.AddOptions<OpenIdConnectOptions>(OidcScheme).Configure<IOptions<OidcOptions>>(ConfigureOpenIdConnect);
        }
        // Machines sending data to the ingestion API may present the same provider's access tokens, once the
        // API has an audience of its own to check them against.
        if (configuredProvider.AcceptsBearerTokens)
        {
            authentication.AddJwtBearer(JwtBearerDefaults.AuthenticationScheme, _ => { });
            services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IOptions<OidcOptions>>(ConfigureJwtBearer);
        }

        // The framework leaves the antiforgery cookie without Secure whatever the request; it goes the session cookie's way.
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = SecurePolicy(builder.Environment));
        services.AddMemoryCache();
        services.AddSingleton<ProviderRoles>();
        services.AddSingleton<ProviderSession>();
        services.AddScoped<IClaimsTransformation, RoleClaimsTransformation>();

        services.AddAccessRevalidation();

        services.AddAuthorization(Policies.Configure);
        services.AddAuthorization(options => ApiPolicies.Configure(options, bearerTokens: configuredProvider.AcceptsBearerTokens));
        services.AddCascadingAuthenticationState();
        return builder;
    }

    public static WebApplication MapCxAuthEndpoints(this WebApplication app)
    {
        app.MapAccountEndpoints();
        // After start: reading the sign-in mode validates the options, whose failures the start reports.
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            if (app.Services.GetRequiredService<SignInMode>().OnlyFromThisMachine)
            {
                app.Logger.LogWarning("Development sign-in is on outside Development (Authentication:DevelopmentSignIn): anyone on this machine " +
                    "can sign in as any demo person, Admin included. It answers requests from this machine only; configure an identity provider for real use.");
            }
        });
        return app;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions options, IHostEnvironment environment)
    {
        options.Cookie.Name = "CxDashboard.Session";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = SecurePolicy(environment);
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
        options.LoginPath = AccountPaths.SignIn;
        options.LogoutPath = AccountPaths.SignOut;
        options.AccessDeniedPath = AccountPaths.NoAccess;
        options.ReturnUrlParameter = "returnUrl";
        options.Events.OnSigningIn = SessionLifetime.OnSigningIn;
        options.Events.OnValidatePrincipal = ProviderSession.OnValidatePrincipal;

        // Scripts and downloads cannot follow a redirect to a sign-in page; they get the status code.
        options.Events.OnRedirectToLogin = context => IsMachineRequest(context.Request)
            ? StatusCode(context.Response, StatusCodes.Status401Unauthorized)
            : Redirect(context);
        options.Events.OnRedirectToAccessDenied = context => IsMachineRequest(context.Request)
            ? StatusCode(context.Response, StatusCodes.Status403Forbidden)
            : Redirect(context);

        static Task StatusCode(HttpResponse response, int statusCode)
        {
            response.StatusCode = statusCode;
            return Task.CompletedTask;
        }

        static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }
    }

    private static void ConfigureOpenIdConnect(OpenIdConnectOptions options, IOptions<OidcOptions> configured)
    {
        var oidc = configured.Value;
        options.SignInScheme = CookieScheme;
        options.SignOutScheme = CookieScheme;
        options.Authority = oidc.Authority;
        options.ClientId = oidc.ClientId;
        options.ClientSecret = oidc.ClientSecret;
        options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;
        options.SaveTokens = false;
        options.Scope.Clear();
        foreach (var scope in oidc.RequestedScopes)
        {
            options.Scope.Add(scope);
        }
        // Only the refresh token is kept (SaveTokens stays off): enough to read the roles at the provider again.
        if (oidc.RefreshRoles && !options.Scope.Contains(ProviderSession.OfflineAccessScope))
        {
            options.Scope.Add(ProviderSession.OfflineAccessScope);
        }
        options.Events.OnTokenValidated = ProviderSession.OnTokenValidated;

        // Keep the provider's own claim names (sub, email, name, roles). Raw provider roles are not app
        // roles: RoleClaimsTransformation maps them, so the identity's role claim type stays the standard one.
        options.MapInboundClaims = false;
        options.TokenValidationParameters.NameClaimType = CxClaimTypes.Name;
        options.TokenValidationParameters.RoleClaimType = System.Security.Claims.ClaimTypes.Role;

        options.Events.OnRemoteFailure = context =>
        {
            context.Response.Redirect($"{AccountPaths.SignedOut}?failed=true");
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }

    private static void ConfigureJwtBearer(JwtBearerOptions options, IOptions<OidcOptions> configured)
    {
        var oidc = configured.Value;
        options.Authority = oidc.Authority;
        // The audience is the API's own, never the client id: the provider issues identity tokens to the client id,
        // and one of those must not pass for an access token.
        options.Audience = oidc.Audience;
        options.TokenValidationParameters.ValidateAudience = true;
        options.TokenValidationParameters.ValidTypes = ["at+jwt", "JWT"];
        options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        options.Events = new JwtBearerEvents
        {
            // Belt and braces for a provider that puts the API's audience into identity tokens too: only an
            // identity token carries the nonce of a browser sign-in.
            OnTokenValidated = context =>
            {
                if (context.Principal?.HasClaim(c => c.Type == "nonce") == true)
                {
                    context.Fail("An identity token is not an access token.");
                }
                return Task.CompletedTask;
            },
        };
        // As for sign-in: provider claim names kept, provider roles mapped to app roles by RoleClaimsTransformation.
        options.MapInboundClaims = false;
        options.TokenValidationParameters.NameClaimType = CxClaimTypes.Name;
        options.TokenValidationParameters.RoleClaimType = System.Security.Claims.ClaimTypes.Role;
    }

    // Always, not SameAsRequest: a proxy missing from ReverseProxy:KnownProxies would otherwise make every
    // request look like plain HTTP and the cookies would quietly lose Secure. Development runs on http.
    private static CookieSecurePolicy SecurePolicy(IHostEnvironment environment) =>
        environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

    private static bool IsUsableAuthority(OidcOptions options) =>
        Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority)
        && (authority.Scheme == Uri.UriSchemeHttps || (!options.RequireHttpsMetadata && authority.Scheme == Uri.UriSchemeHttp));

    private static bool IsRoleName(string value) => Roles.All.Contains(value, StringComparer.Ordinal);

    // A status-code page re-executes under its own path; the request the caller made is what counts.
    private static bool IsMachineRequest(HttpRequest request)
    {
        var originalPath = request.HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath;
        var path = originalPath is null ? request.Path : new PathString(originalPath);
        return path.StartsWithSegments("/api") || path.StartsWithSegments("/export");
    }
}
