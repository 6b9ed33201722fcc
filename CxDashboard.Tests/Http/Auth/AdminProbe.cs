using System.Security.Claims;
using CxDashboard.Web.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Http.Auth;

/// <summary>
/// An Admin-only page and API for the tests to knock on (the app's own Admin pages live in another
/// area). It authenticates and authorizes through the app's real cookie scheme, claims transformation
/// and <see cref="Policies.Admin"/>, so refusals come out exactly as the app produces them.
/// </summary>
internal sealed class AdminProbe : IStartupFilter
{
    public const string PagePath = "/test-probe/admin";
    public const string ApiPath = "/api/test-probe/admin";
    public const string Content = "Admin area";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (context.Request.Path != PagePath && context.Request.Path != ApiPath)
            {
                await nextMiddleware(context);
                return;
            }

            var authentication = await context.AuthenticateAsync();
            var user = authentication.Principal ?? new ClaimsPrincipal(new ClaimsIdentity());
            var authorization = await context.RequestServices.GetRequiredService<IAuthorizationService>()
                .AuthorizeAsync(user, Policies.Admin);

            if (authorization.Succeeded)
            {
                await context.Response.WriteAsync(Content);
            }
            else if (user.Identity?.IsAuthenticated == true)
            {
                await context.ForbidAsync();
            }
            else
            {
                await context.ChallengeAsync();
            }
        });
        next(app);
    };
}
