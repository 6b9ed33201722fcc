using System.Globalization;
using System.Net;
using System.Security.Claims;
using CxDashboard.Web.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CxDashboard.Tests.Http.Auth;

/// <summary>Rights change in pages already open: a revoked grant or a session past its lifetime takes effect without a new sign-in.</summary>
public sealed class AccessRevalidationTests : IDisposable
{
    private readonly InMemoryUserDirectory directory = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly CxDashboardFactory factory;

    public AccessRevalidationTests() => factory = new CxDashboardFactory(new Dictionary<string, string?>
    {
        ["Authentication:DevelopmentSignIn"] = "true",
        ["Authentication:RevalidationInterval"] = "00:00:00.05",
    }, directory, time: time);

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task Open_page_loses_its_sign_in_once_an_admin_revokes_the_grant()
    {
        await using var circuit = factory.Services.CreateAsyncScope();
        var signedIn = await SignedInAsync(circuit.ServiceProvider, InMemoryUserDirectory.CxLead);
        var authentication = circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        ((IHostEnvironmentAuthenticationStateProvider)authentication).SetAuthenticationState(Task.FromResult(new AuthenticationState(signedIn)));
        var changed = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        authentication.AuthenticationStateChanged += async state => changed.TrySetResult(await state);

        directory.Change(1, person => person with { GrantedRoles = [] });
        var after = await changed.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(after.User.Identity?.IsAuthenticated);
        Assert.Equal(AccessChange.RolesChanged, circuit.ServiceProvider.GetRequiredService<CircuitAccess>().Ended);
    }

    [Fact]
    public async Task Open_page_keeps_its_sign_in_while_the_grants_are_unchanged_and_the_session_is_young()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var signedIn = await SignedInAsync(scope.ServiceProvider, InMemoryUserDirectory.CxLead);
        time.Advance(TimeSpan.FromHours(11) + TimeSpan.FromMinutes(59));

        var change = await scope.ServiceProvider.GetRequiredService<AccessRevalidator>().CheckAsync(signedIn, CancellationToken.None);

        Assert.Equal(AccessChange.None, change);
    }

    [Fact]
    public async Task Granting_a_new_role_also_asks_the_open_page_to_sign_in_again()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var signedIn = await SignedInAsync(scope.ServiceProvider, InMemoryUserDirectory.Executive);
        directory.Change(2, person => person with { GrantedRoles = [Roles.Executive, Roles.Admin] });

        var change = await scope.ServiceProvider.GetRequiredService<AccessRevalidator>().CheckAsync(signedIn, CancellationToken.None);

        Assert.Equal(AccessChange.RolesChanged, change);
    }

    [Fact]
    public async Task Open_page_is_signed_out_when_the_session_reaches_its_lifetime()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var signedIn = await SignedInAsync(scope.ServiceProvider, InMemoryUserDirectory.CxLead);
        time.Advance(TimeSpan.FromHours(12));

        var change = await scope.ServiceProvider.GetRequiredService<AccessRevalidator>().CheckAsync(signedIn, CancellationToken.None);

        Assert.Equal(AccessChange.SessionEnded, change);
    }

    [Fact]
    public async Task Revoked_grant_reaches_pages_rendered_without_a_circuit_within_a_minute()
    {
        var client = factory.CreateBrowserClient();
        await DevelopmentSignInTests.SignInAsync(new Browser(client), InMemoryUserDirectory.CxLead, returnUrl: "/account/me");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/me")).StatusCode);

        directory.Change(1, person => person with { GrantedRoles = [] });
        time.Advance(TimeSpan.FromMinutes(1));
        var refused = await client.GetAsync("/account/me");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(AccountPaths.NoAccess, refused.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Sign_in_ends_after_twelve_hours_however_active_the_person_is()
    {
        var client = factory.CreateBrowserClient();
        await DevelopmentSignInTests.SignInAsync(new Browser(client), InMemoryUserDirectory.CxLead, returnUrl: "/account/me");

        // Each visit past half the 8-hour sliding window renews the cookie; none of them extends the session.
        foreach (var hours in new[] { 5, 10, 11 })
        {
            time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 8 + hours, 59, 0, TimeSpan.Zero));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/me")).StatusCode);
        }
        time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 20, 0, 0, TimeSpan.Zero));

        var refused = await client.GetAsync("/account/me");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(AccountPaths.SignIn, refused.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Page_an_open_tab_is_sent_to_says_why_it_was_signed_out()
    {
        var client = factory.CreateBrowserClient();

        var ended = await client.GetStringAsync(AccountPaths.AccessChangedFor(AccessChange.SessionEnded, "/metrics"));
        var changed = await client.GetStringAsync(AccountPaths.AccessChangedFor(AccessChange.RolesChanged, "/metrics"));

        Assert.Contains("Your session has ended", ended);
        Assert.Contains("more than 12 hours ago", ended);
        Assert.Contains("Your access has changed", changed);
        Assert.Contains("href=\"/account/signin?returnUrl=%2Fmetrics\"", changed);
    }

    // The principal a circuit holds after the development sign-in: the cookie's claims, then the app's own.
    private async Task<ClaimsPrincipal> SignedInAsync(IServiceProvider services, DevelopmentPerson person)
    {
        var identity = new ClaimsIdentity(
        [
            new Claim(CxClaimTypes.Subject, person.Subject),
            new Claim(CxClaimTypes.Name, person.DisplayName),
            new Claim(CxClaimTypes.SessionStarted, time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        ], "DevelopmentSignIn", CxClaimTypes.Name, ClaimTypes.Role);
        var transformed = await services.GetRequiredService<IClaimsTransformation>().TransformAsync(new ClaimsPrincipal(identity));
        Assert.NotEmpty(transformed.AppRoles());
        return transformed;
    }
}
