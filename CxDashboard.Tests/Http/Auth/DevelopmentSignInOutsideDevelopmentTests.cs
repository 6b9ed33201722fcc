using System.Net;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Http.Auth;

/// <summary>A production start never brings demo people, and a development sign-in switched on there stays on this machine, visibly.</summary>
public sealed class DevelopmentSignInOutsideDevelopmentTests
{
    private const string Banner = "Development sign-in is on: anyone on this machine can sign in as any demo person";
    private static readonly IPAddress AnotherMachine = IPAddress.Parse("203.0.113.7");

    [Fact]
    public async Task Production_start_with_default_settings_seeds_no_demo_people()
    {
        using var app = new AppFactory(settings: new Dictionary<string, string?> { ["Authentication:DevelopmentSignIn"] = "true" });
        var signIn = await app.CreateClient().GetStringAsync(AccountPaths.SignIn);

        await using var db = app.Services.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContext();
        Assert.False(await db.People.AnyAsync());
        Assert.False(await db.Teams.AnyAsync());
        Assert.Contains("The directory has no demo people yet.", signIn);
    }

    [Fact]
    public async Task Development_sign_in_from_another_machine_is_refused()
    {
        using var factory = CxDashboardFactory.WithDevelopmentSignIn(new InMemoryUserDirectory());
        var client = factory.CreateBrowserClient();
        var token = Browser.AntiforgeryToken(await client.GetStringAsync(AccountPaths.SignIn));

        factory.RemoteIpAddress = AnotherMachine;
        var page = await client.GetStringAsync(AccountPaths.SignIn);
        var posted = await client.PostAsync(AccountPaths.DevelopmentSignIn, SignInForm(token));

        Assert.Contains("Sign-in is not available here", page);
        Assert.DoesNotContain(InMemoryUserDirectory.CxLead.DisplayName, page);
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.DoesNotContain(posted.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("CxDashboard.Session=", StringComparison.Ordinal)));

        factory.RemoteIpAddress = IPAddress.IPv6Loopback;
        var fromThisMachine = await client.PostAsync(AccountPaths.DevelopmentSignIn, SignInForm(token));

        Assert.Equal(HttpStatusCode.Redirect, fromThisMachine.StatusCode);
        Assert.Contains(fromThisMachine.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("CxDashboard.Session=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Development_sign_in_relayed_by_a_proxy_on_this_machine_is_refused()
    {
        using var factory = CxDashboardFactory.WithDevelopmentSignIn(new InMemoryUserDirectory());
        var client = factory.CreateBrowserClient();
        var token = Browser.AntiforgeryToken(await client.GetStringAsync(AccountPaths.SignIn));
        client.DefaultRequestHeaders.Add("X-Forwarded-For", AnotherMachine.ToString());

        var page = await client.GetStringAsync(AccountPaths.SignIn);
        var posted = await client.PostAsync(AccountPaths.DevelopmentSignIn, SignInForm(token));

        Assert.Contains("Sign-in is not available here", page);
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
    }

    [Fact]
    public async Task Every_page_says_the_development_sign_in_is_on_outside_development()
    {
        using var factory = CxDashboardFactory.WithDevelopmentSignIn(new InMemoryUserDirectory());
        var browser = new Browser(factory.CreateBrowserClient());

        var signIn = await (await browser.GetAsync(AccountPaths.SignIn)).Content.ReadAsStringAsync();
        var home = await (await DevelopmentSignInTests.SignInAsync(browser, InMemoryUserDirectory.CxLead, returnUrl: "/")).Content.ReadAsStringAsync();

        Assert.Contains(Banner, signIn);
        Assert.Equal("/", browser.Visited[^1].AbsolutePath);
        Assert.Contains(Banner, home);
    }

    [Fact]
    public async Task Development_environment_shows_no_banner()
    {
        using var factory = new CxDashboardFactory(new Dictionary<string, string?>(), new InMemoryUserDirectory(), "Development");

        var signIn = await factory.CreateBrowserClient().GetStringAsync(AccountPaths.SignIn);

        Assert.Contains("Sign in as a demo person", signIn);
        Assert.DoesNotContain(Banner, signIn);
    }

    private static FormUrlEncodedContent SignInForm(string token) => new(
    [
        KeyValuePair.Create("subject", InMemoryUserDirectory.CxLead.Subject),
        KeyValuePair.Create("returnUrl", "/account/me"),
        KeyValuePair.Create("__RequestVerificationToken", token),
    ]);
}
