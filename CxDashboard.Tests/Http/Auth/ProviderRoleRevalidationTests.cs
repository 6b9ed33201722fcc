using System.Globalization;
using System.Net;
using System.Security.Claims;
using CxDashboard.Web.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CxDashboard.Tests.Http.Auth;

/// <summary>
/// A role revoked at the identity provider, or an account it disables, takes effect within the revalidation
/// interval, in requests through the cookie and in open pages, without waiting for the session's lifetime.
/// </summary>
public sealed class ProviderRoleRevalidationTests : IClassFixture<TestIdentityProvider>, IDisposable
{
    private static readonly ProviderUser Erin = new("idp-erin", "Erin Shaw", "erin.shaw@example.test", ["Executive"]);

    private readonly TestIdentityProvider provider;
    private readonly InMemoryUserDirectory directory = new InMemoryUserDirectory()
        .With("idp-erin", "erin.shaw@example.test", new DirectoryEntry(7, "Erin Shaw", 30, []));

    // Ahead of any real date the provider's cookies and tokens are issued at, so none of them looks expired here.
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2031, 1, 6, 8, 0, 0, TimeSpan.Zero));
    private readonly CxDashboardFactory factory;
    private readonly HttpClient app;
    private readonly HttpClient identityProvider = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true });

    public ProviderRoleRevalidationTests(TestIdentityProvider provider)
    {
        this.provider = provider;
        provider.User = Erin;
        provider.RefreshUnavailable = false;
        factory = new CxDashboardFactory(new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = provider.Authority.ToString(),
            ["Authentication:Oidc:ClientId"] = TestIdentityProvider.ClientId,
            ["Authentication:Oidc:ClientSecret"] = TestIdentityProvider.ClientSecret,
            ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
        }, directory, time: time);
        app = factory.CreateBrowserClient();
    }

    public void Dispose()
    {
        identityProvider.Dispose();
        app.Dispose();
        factory.Dispose();
    }

    [Fact]
    public async Task Role_revoked_at_the_provider_ends_the_sign_in_once_the_revalidation_interval_has_passed()
    {
        var browser = await SignedInAsync();
        provider.User = Erin with { Roles = [] };

        time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/account/me")).StatusCode);

        time.Advance(TimeSpan.FromMinutes(1));
        var refused = await app.GetAsync("/account/me");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(AccountPaths.SignIn, refused.Headers.Location!.AbsolutePath);
        var again = await browser.GetAsync("/account/me");
        Assert.Equal(AccountPaths.NoAccess, browser.Visited[^1].AbsolutePath);
        Assert.Contains("No access yet", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Open_page_of_a_person_whose_role_the_provider_revoked_is_told_their_access_changed()
    {
        await using var circuit = factory.Services.CreateAsyncScope();
        var signedIn = await CircuitPrincipalAsync(circuit.ServiceProvider);
        provider.User = Erin with { Roles = [] };

        var change = await circuit.ServiceProvider.GetRequiredService<AccessRevalidator>().CheckAsync(signedIn, CancellationToken.None);

        Assert.Equal(AccessChange.RolesChanged, change);
        var told = await app.GetStringAsync(AccountPaths.AccessChangedFor(change, "/metrics"));
        Assert.Contains("whoever manages your organisation", told);
    }

    [Fact]
    public async Task Roles_unchanged_at_the_provider_keep_the_session_and_the_provider_is_asked_once_per_interval()
    {
        await SignedInAsync();
        var refreshesBefore = provider.Refreshes;

        time.Advance(TimeSpan.FromMinutes(6));
        var first = await app.GetAsync("/account/me");
        time.Advance(TimeSpan.FromMinutes(1));
        var second = await app.GetAsync("/account/me");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(refreshesBefore + 1, provider.Refreshes);

        await using var circuit = factory.Services.CreateAsyncScope();
        var signedIn = await CircuitPrincipalAsync(circuit.ServiceProvider);
        Assert.Equal(AccessChange.None, await circuit.ServiceProvider.GetRequiredService<AccessRevalidator>().CheckAsync(signedIn, CancellationToken.None));
    }

    [Fact]
    public async Task Sign_in_the_provider_refuses_to_renew_ends_in_requests_and_open_pages()
    {
        await SignedInAsync();
        await using var circuit = factory.Services.CreateAsyncScope();
        var signedIn = await CircuitPrincipalAsync(circuit.ServiceProvider);
        provider.User = Erin with { Disabled = true };

        time.Advance(TimeSpan.FromMinutes(5));
        var refused = await app.GetAsync("/account/me");
        var change = await circuit.ServiceProvider.GetRequiredService<AccessRevalidator>().CheckAsync(signedIn, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(AccountPaths.SignIn, refused.Headers.Location!.AbsolutePath);
        Assert.Equal(AccessChange.RolesChanged, change);
    }

    [Fact]
    public async Task Provider_that_cannot_be_reached_leaves_the_sign_in_standing_until_the_session_lifetime()
    {
        await SignedInAsync();
        await using var circuit = factory.Services.CreateAsyncScope();
        var signedIn = await CircuitPrincipalAsync(circuit.ServiceProvider);
        provider.User = Erin with { Roles = [] };
        provider.RefreshUnavailable = true;
        var refreshesBefore = provider.Refreshes;

        time.Advance(TimeSpan.FromMinutes(5));
        var kept = await app.GetAsync("/account/me");
        var change = await circuit.ServiceProvider.GetRequiredService<AccessRevalidator>().CheckAsync(signedIn, CancellationToken.None);
        time.Advance(TimeSpan.FromHours(12));
        var ended = await app.GetAsync("/account/me");

        Assert.Equal(refreshesBefore + 2, provider.Refreshes);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal(AccessChange.None, change);
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal(AccountPaths.SignIn, ended.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Sign_in_asks_the_provider_for_offline_access()
    {
        await SignedInAsync();

        Assert.Contains("offline_access", provider.AuthorizationRequests[^1].Scope!.Split(' '));
    }

    private async Task<Browser> SignedInAsync()
    {
        var browser = new Browser(app, identityProvider);
        var me = await browser.GetAsync("/account/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal("/account/me", browser.Visited[^1].AbsolutePath);
        return browser;
    }

    // The principal a circuit holds after an OIDC sign-in: the provider's claims with its refresh token, then the app's own.
    private async Task<ClaimsPrincipal> CircuitPrincipalAsync(IServiceProvider services)
    {
        var identity = new ClaimsIdentity(
        [
            new Claim(CxClaimTypes.Subject, Erin.Subject),
            new Claim(CxClaimTypes.Name, Erin.Name),
            new Claim(CxClaimTypes.Email, Erin.Email),
            new Claim("roles", "Executive"),
            new Claim(CxClaimTypes.SessionStarted, time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        ], "AuthenticationTypes.Federation", CxClaimTypes.Name, ClaimTypes.Role);
        services.GetRequiredService<ProviderSession>().Keep(identity, await provider.IssueRefreshTokenAsync());
        var transformed = await services.GetRequiredService<IClaimsTransformation>().TransformAsync(new ClaimsPrincipal(identity));
        Assert.Equal([Roles.Executive], transformed.AppRoles());
        return transformed;
    }
}
