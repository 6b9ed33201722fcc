using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CxDashboard.Domain.Audit;
using CxDashboard.Domain.Organisation;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Http.Auth;

/// <summary>
/// Signing in through the real identity provider against the app's own database: an account that merely
/// carries a colleague's e-mail address must not become that colleague.
/// </summary>
public sealed class SubjectLinkingTests(TestIdentityProvider provider) : IClassFixture<TestIdentityProvider>, IDisposable
{
    private const string AdasEmail = "ada.quinn@example.test";

    private readonly AppFactory app = new(settings: new Dictionary<string, string?>
    {
        ["Authentication:Oidc:Authority"] = provider.Authority.ToString(),
        ["Authentication:Oidc:ClientId"] = TestIdentityProvider.ClientId,
        ["Authentication:Oidc:ClientSecret"] = TestIdentityProvider.ClientSecret,
        ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
        ["Authentication:Oidc:Audience"] = TestIdentityProvider.ApiAudience,
    });

    private readonly List<HttpClient> identityProviderClients = [];

    public void Dispose()
    {
        identityProviderClients.ForEach(c => c.Dispose());
        app.Dispose();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public async Task Account_with_a_colleagues_unverified_address_gets_none_of_their_roles(bool? emailVerified)
    {
        var ada = await RegisterAdaAsync(subject: null);
        provider.User = new ProviderUser("idp-mallory", "Mallory", AdasEmail, [], emailVerified);
        var browser = StartBrowser();

        var landed = await browser.GetAsync("/account/me");

        Assert.Equal(AccountPaths.NoAccess, browser.Visited[^1].AbsolutePath);
        Assert.Contains("No access yet", await landed.Content.ReadAsStringAsync());
        Assert.Null(await SubjectOfAsync(ada));
        Assert.Empty(await AuditOfAsync(ada));
    }

    [Fact]
    public async Task Verified_address_links_the_person_once_and_from_then_on_their_subject_alone_is_them()
    {
        var ada = await RegisterAdaAsync(subject: null);
        provider.User = new ProviderUser("idp-ada", "Ada Quinn", AdasEmail, [], EmailVerified: true);

        var first = await MeAsync(StartBrowser());

        Assert.Equal(ada, first.PersonId);
        Assert.Equal([Roles.Admin], first.Roles);
        Assert.Equal("idp-ada", await SubjectOfAsync(ada));
        var link = Assert.Single(await AuditOfAsync(ada));
        Assert.Equal(ada, link.ActorPersonId);
        Assert.Contains("Subject (none) → 'idp-ada'", link.Summary);

        // Later sign-ins are matched on the subject, whatever the token says about an address.
        provider.User = new ProviderUser("idp-ada", "Ada Quinn", "ada@elsewhere.example", [], EmailVerified: false);
        var later = await MeAsync(StartBrowser());

        Assert.Equal(ada, later.PersonId);
        Assert.Equal([Roles.Admin], later.Roles);
        Assert.Single(await AuditOfAsync(ada));
    }

    [Fact]
    public async Task Second_subject_presenting_the_same_verified_address_is_refused()
    {
        var ada = await RegisterAdaAsync(subject: "idp-ada");
        provider.User = new ProviderUser("idp-impostor", "Ada Quinn", AdasEmail, [], EmailVerified: true);
        var browser = StartBrowser();

        var landed = await browser.GetAsync("/account/me");

        Assert.Equal(AccountPaths.NoAccess, browser.Visited[^1].AbsolutePath);
        Assert.Contains("No access yet", await landed.Content.ReadAsStringAsync());
        Assert.Equal("idp-ada", await SubjectOfAsync(ada));
    }

    [Fact]
    public async Task Verified_address_nobody_registered_gets_no_access_yet()
    {
        await RegisterAdaAsync(subject: null);
        provider.User = new ProviderUser("idp-stranger", "Sam Stranger", "sam.stranger@example.test", [], EmailVerified: true);
        var browser = StartBrowser();

        var landed = await browser.GetAsync("/");

        Assert.Equal(AccountPaths.NoAccess, browser.Visited[^1].AbsolutePath);
        Assert.Contains("No access yet", await landed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Bearer_token_carrying_a_colleagues_unverified_address_is_refused_by_the_api()
    {
        var ada = await RegisterAdaAsync(subject: null, Role.Contributor);
        provider.User = new ProviderUser("idp-mallory", "Mallory", AdasEmail, [], EmailVerified: false);
        var impostor = await PostEmptyFeedbackBatchAsync(await provider.AccessTokenAsync());

        provider.User = new ProviderUser("idp-ada", "Ada Quinn", AdasEmail, [], EmailVerified: true);
        var own = await PostEmptyFeedbackBatchAsync(await provider.AccessTokenAsync());

        Assert.Equal(HttpStatusCode.Forbidden, impostor.StatusCode);
        // Past authorization, the empty batch is refused on its merits.
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        Assert.Equal("idp-ada", await SubjectOfAsync(ada));
    }

    private async Task<HttpResponseMessage> PostEmptyFeedbackBatchAsync(string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/feedback") { Content = JsonContent.Create(new { items = Array.Empty<object>() }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = CxDashboardFactory.BaseAddress }).SendAsync(request);
    }

    private async Task<int> RegisterAdaAsync(string? subject, Role role = Role.Admin)
    {
        await using var db = CreateDbContext();
        var team = new Team("cx", "Customer experience");
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        var person = new Person("Ada Quinn", AdasEmail, team.Id, subject);
        db.People.Add(person);
        await db.SaveChangesAsync();
        db.RoleGrants.Add(new RoleGrant(person.Id, role, "Test setup", new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc)));
        await db.SaveChangesAsync();
        return person.Id;
    }

    private async Task<string?> SubjectOfAsync(int personId)
    {
        await using var db = CreateDbContext();
        return await db.People.Where(p => p.Id == personId).Select(p => p.Subject).SingleAsync();
    }

    private async Task<List<AuditEntry>> AuditOfAsync(int personId)
    {
        await using var db = CreateDbContext();
        var id = personId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await db.AuditEntries.Where(a => a.EntityType == nameof(Person) && a.EntityId == id && a.Action == AuditAction.Changed).ToListAsync();
    }

    private CxDbContext CreateDbContext() => app.Services.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContext();

    private Browser StartBrowser()
    {
        var identityProvider = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true });
        identityProviderClients.Add(identityProvider);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = CxDashboardFactory.BaseAddress,
        });
        return new Browser(client, identityProvider);
    }

    private static async Task<Me> MeAsync(Browser browser)
    {
        var response = await browser.GetAsync("/account/me");
        Assert.Equal(AccountPaths.Me, browser.Visited[^1].AbsolutePath);
        return (await response.Content.ReadFromJsonAsync<Me>())!;
    }

    private sealed record Me(string Subject, int? PersonId, string[] Roles);
}
