using System.Security.Claims;
using CxDashboard.Web.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Auth;

/// <summary>The sign-in and sign-out actions behind the account pages, and who-am-I for scripts and support.</summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(AccountPaths.SignInWithProvider, SignInWithProvider).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn);
        endpoints.MapPost(AccountPaths.DevelopmentSignIn, DevelopmentSignInAsync).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn);

        // The sign-out page answers GET at the same path; this endpoint takes its POST (and the app
        // bar's), so it is ordered ahead of the page's own form-handling endpoint.
        endpoints.MapPost(AccountPaths.SignOut, SignOutAsync)
            .AllowAnonymous()
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .WithOrder(-1);

        endpoints.MapGet(AccountPaths.Me, Me).RequireAuthorization(Policies.Reader);
        return endpoints;
    }

    private static IResult SignInWithProvider([FromServices] SignInMode mode, string? returnUrl)
    {
        if (!mode.UsesIdentityProvider)
        {
            return Results.NotFound();
        }

        var properties = new AuthenticationProperties { RedirectUri = LocalReturnUrl.OrHome(returnUrl) };
        return Results.Challenge(properties, [OpenIdConnectDefaults.AuthenticationScheme]);
    }

    private static async Task<IResult> DevelopmentSignInAsync(
        HttpContext context,
        [FromServices] SignInMode mode,
        [FromServices] IUserDirectory directory,
        [FromForm] string subject,
        [FromForm] string? returnUrl,
        CancellationToken cancellationToken)
    {
        if (!mode.AllowsDevelopmentSignInFor(context.Request))
        {
            return Results.NotFound();
        }

        // Only the subject comes from the form; who that is comes from the directory, never from the browser.
        var people = await directory.DevelopmentPeopleAsync(cancellationToken);
        var person = people.FirstOrDefault(p => p.Subject == subject);
        if (person is null)
        {
            return Results.LocalRedirect(AccountPaths.SignInFor(returnUrl));
        }

        Claim[] claims =
        [
            new(CxClaimTypes.Subject, person.Subject),
            new(CxClaimTypes.Name, person.DisplayName),
            new(CxClaimTypes.Email, person.Email),
        ];
        var identity = new ClaimsIdentity(claims, "DevelopmentSignIn", CxClaimTypes.Name, ClaimTypes.Role);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return Results.LocalRedirect(LocalReturnUrl.OrHome(returnUrl));
    }

    private static async Task<IResult> SignOutAsync(
        HttpContext context,
        [FromServices] SignInMode mode,
        [FromServices] IOptionsMonitor<OpenIdConnectOptions> oidcOptions)
    {
        if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
        {
            return Results.BadRequest();
        }

        var properties = new AuthenticationProperties { RedirectUri = AccountPaths.SignedOut };
        if (mode.UsesIdentityProvider
            && context.User.Identity?.IsAuthenticated == true
            && await ProviderEndsSessionsAsync(oidcOptions.Get(OpenIdConnectDefaults.AuthenticationScheme), context.RequestAborted))
        {
            return Results.SignOut(properties, [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);
        }

        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.LocalRedirect(AccountPaths.SignedOut);
    }

    // Without an end-session endpoint the handler cannot sign out at the provider and would throw;
    // leaving the app is then all that can be done.
    private static async Task<bool> ProviderEndsSessionsAsync(OpenIdConnectOptions options, CancellationToken cancellationToken)
    {
        if (options.ConfigurationManager is null)
        {
            return false;
        }

        var configuration = await options.ConfigurationManager.GetConfigurationAsync(cancellationToken);
        return !string.IsNullOrEmpty(configuration.EndSessionEndpoint);
    }

    private static IResult Me(ClaimsPrincipal user) => Results.Ok(new
    {
        Subject = user.Subject(),
        Name = user.DisplayName(),
        Email = user.Email(),
        PersonId = user.PersonId(),
        TeamId = user.TeamId(),
        Roles = user.AppRoles(),
    });
}
