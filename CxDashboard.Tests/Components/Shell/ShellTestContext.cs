using CxDashboard.Web.Features.Common;
using Bunit;
using CxDashboard.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CxDashboard.Tests.Components.Shell;

/// <summary>
/// bUnit with MudBlazor and a signed-in person. bUnit's fake authorization supplies the person; the
/// app's real policies (<see cref="Policies.Configure"/>) decide what their roles may open, so the
/// tests check the role → policy mapping rather than restating it.
/// MudBlazor registers services that only dispose asynchronously, hence <see cref="IAsyncLifetime"/>.
/// </summary>
public abstract class ShellTestContext : BunitContext, IAsyncLifetime
{
    protected ShellTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<AntiforgeryStateProvider, FixedAntiforgeryState>();
        // The layout asks how people sign in, to warn on every page when the development sign-in is on in production.
        Services.AddSingleton(new SignInMode(UsesIdentityProvider: true, AllowsDevelopmentSignIn: false));
    }

    protected void SignInAs(string name, params string[] roles)
    {
        Services.AddCxPageCommands();
        var authorization = AddAuthorization();
        authorization.SetAuthorized(name);
        authorization.SetRoles(roles);
        authorization.SetClaims(new System.Security.Claims.Claim("name", name));

        // Registered after bUnit's fakes, so these win: policies are evaluated for real.
        Services.AddAuthorizationCore(Policies.Configure);
        Services.AddSingleton<IAuthorizationPolicyProvider, DefaultAuthorizationPolicyProvider>();
        Services.AddSingleton<IAuthorizationService, DefaultAuthorizationService>();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private sealed class FixedAntiforgeryState : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("test-antiforgery-token", "__RequestVerificationToken");
    }
}
