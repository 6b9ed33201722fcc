using System.Net;
using System.Net.Http.Json;
using CxDashboard.Web.Auth;

namespace CxDashboard.Tests.Http.Auth;

public sealed class OpenIdConnectSignInTests(TestIdentityProvider provider) : IClassFixture<TestIdentityProvider>, IDisposable
{
    private readonly InMemoryUserDirectory directory = new InMemoryUserDirectory()
        .With("idp-erin", "erin.shaw@example.test", new DirectoryEntry(7, "Erin Shaw", 30, []));

    private CxDashboardFactory? factory;
    private HttpClient? identityProvider;

    public void Dispose()
    {
        identityProvider?.Dispose();
        factory?.Dispose();
    }

    [Fact]
    public async Task Executive_from_the_identity_provider_signs_in_with_code_and_pkce_and_opens_reader_pages()
    {
        provider.User = new ProviderUser("idp-erin", "Erin Shaw", "erin.shaw@example.test", ["Executive"]);
        var browser = StartBrowser();

        var me = await browser.GetAsync("/account/me");

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var request = provider.AuthorizationRequests[^1];
        Assert.Equal(TestIdentityProvider.ClientId, request.ClientId);
        Assert.Equal("code", request.ResponseType);
        Assert.Equal("S256", request.CodeChallengeMethod);
        Assert.Contains(browser.Visited, uri => uri.AbsolutePath == "/signin-oidc");

        var person = (await me.Content.ReadFromJsonAsync<Me>())!;
        Assert.Equal(("idp-erin", "erin.shaw@example.test", 7, 30), (person.Subject, person.Email, person.PersonId, person.TeamId));
        Assert.Equal([Roles.Executive], person.Roles);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Executive_from_the_identity_provider_is_refused_an_admin_page()
    {
        provider.User = new ProviderUser("idp-erin", "Erin Shaw", "erin.shaw@example.test", ["Executive"]);
        var browser = StartBrowser();
        await browser.GetAsync("/account/me");

        var page = await browser.GetAsync(AdminProbe.PagePath);
        var api = await browser.GetAsync(AdminProbe.ApiPath);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(AccountPaths.NoAccess, browser.Visited[^2].AbsolutePath);
        Assert.Contains("This page is not open to your role", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
    }

    [Fact]
    public async Task Provider_group_mapped_in_configuration_and_an_in_app_grant_both_become_roles()
    {
        provider.User = new ProviderUser("idp-omar", "Omar Reyes", "omar.reyes@example.test", ["cx-platform-admins", "unrelated-group"]);
        directory.With("idp-omar", "omar.reyes@example.test", new DirectoryEntry(8, "Omar Reyes", null, [Roles.Contributor]));
        var browser = StartBrowser(("Authentication:RoleMapping:cx-platform-admins", Roles.Admin));

        var me = await browser.GetAsync("/account/me");
        var admin = await browser.GetAsync(AdminProbe.PagePath);

        Assert.Equal([Roles.Admin, Roles.Contributor], (await me.Content.ReadFromJsonAsync<Me>())!.Roles);
        Assert.Equal(AdminProbe.Content, await admin.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("ADMIN")]
    [InlineData("Cx-Platform-Admins")]
    public async Task Provider_role_that_is_not_an_app_roles_exact_name_or_mapped_gives_no_role(string providerRole)
    {
        provider.User = new ProviderUser("idp-nia", "Nia Obi", "nia.obi@example.test", [providerRole]);
        var browser = StartBrowser(("Authentication:RoleMapping:cx-platform-admins", Roles.Admin));

        var me = await browser.GetAsync("/account/me");
        Assert.Equal(AccountPaths.NoAccess, browser.Visited[^1].AbsolutePath);
        Assert.Contains("No access yet", await me.Content.ReadAsStringAsync());

        var admin = await browser.GetAsync(AdminProbe.PagePath);
        Assert.NotEqual(AdminProbe.Content, await admin.Content.ReadAsStringAsync());
        Assert.Equal(AccountPaths.NoAccess, browser.Visited[^1].AbsolutePath);
    }

    [Fact]
    public async Task Person_the_provider_gives_no_app_role_lands_on_no_access()
    {
        provider.User = new ProviderUser("idp-nia", "Nia Obi", "nia.obi@example.test", ["unrelated-group"]);
        var browser = StartBrowser();

        var landed = await browser.GetAsync("/");

        Assert.Equal(AccountPaths.NoAccess, browser.Visited[^1].AbsolutePath);
        var html = await landed.Content.ReadAsStringAsync();
        Assert.Contains("No access yet", html);
        Assert.Contains("nia.obi@example.test", html);
    }

    [Fact]
    public async Task Signing_out_also_ends_the_session_at_the_identity_provider()
    {
        provider.User = new ProviderUser("idp-erin", "Erin Shaw", "erin.shaw@example.test", ["Executive"]);
        var browser = StartBrowser();
        await browser.GetAsync("/account/me");
        var confirmation = await (await browser.GetAsync(AccountPaths.SignOut)).Content.ReadAsStringAsync();
        var endedBefore = provider.EndedSessions;

        var signedOut = await browser.PostFormAsync(AccountPaths.SignOut,
            [KeyValuePair.Create("__RequestVerificationToken", Browser.AntiforgeryToken(confirmation))]);

        Assert.Equal(endedBefore + 1, provider.EndedSessions);
        Assert.Equal(AccountPaths.SignedOut, browser.Visited[^1].AbsolutePath);
        Assert.Contains("You have signed out", await signedOut.Content.ReadAsStringAsync());
        var me = await browser.GetAsync("/account/me");
        Assert.Contains(browser.Visited, uri => uri.Host == provider.Authority.Host && uri.AbsolutePath == "/connect/authorize");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    private Browser StartBrowser(params (string Key, string Value)[] extraSettings)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = provider.Authority.ToString(),
            ["Authentication:Oidc:ClientId"] = TestIdentityProvider.ClientId,
            ["Authentication:Oidc:ClientSecret"] = TestIdentityProvider.ClientSecret,
            ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
        };
        foreach (var (key, value) in extraSettings)
        {
            settings[key] = value;
        }

        factory = new CxDashboardFactory(settings, directory);
        identityProvider = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true });
        return new Browser(factory.CreateBrowserClient(), identityProvider);
    }

    private sealed record Me(string Subject, string Name, string? Email, int? PersonId, int? TeamId, string[] Roles);
}
