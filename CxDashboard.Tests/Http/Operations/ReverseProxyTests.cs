using System.Net;
using CxDashboard.Tests.Http.Auth;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CxDashboard.Tests.Http.Operations;

public sealed class ReverseProxyTests(TestIdentityProvider provider) : IClassFixture<TestIdentityProvider>
{
    private const string Proxy = "10.1.0.5";

    [Fact]
    public async Task Behind_a_known_proxy_the_session_and_antiforgery_cookies_are_secure_and_responses_carry_hsts()
    {
        using var app = new ProxiedApp(new Dictionary<string, string?>
        {
            ["Authentication:DevelopmentSignIn"] = "true",
            ["ReverseProxy:KnownProxies:0"] = Proxy,
        }, new InMemoryUserDirectory());
        // The development sign-in answers only this machine, never a request a proxy relays: sign in there first.
        app.From = IPAddress.Loopback;
        var local = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });
        var signInPage = await local.GetAsync(AccountPaths.SignInFor("/account/me"));
        var post = new HttpRequestMessage(HttpMethod.Post, AccountPaths.DevelopmentSignIn);
        post.Headers.Add("Cookie", CookieNamed(signInPage, ".AspNetCore.Antiforgery.").Split(';')[0]);
        post.Content = new FormUrlEncodedContent(
        [
            KeyValuePair.Create("subject", InMemoryUserDirectory.CxLead.Subject),
            KeyValuePair.Create("returnUrl", "/account/me"),
            KeyValuePair.Create("__RequestVerificationToken", CxDashboard.Tests.Http.Auth.Browser.AntiforgeryToken(await signInPage.Content.ReadAsStringAsync())),
        ]);
        var signedIn = await local.SendAsync(post);
        var session = CookieNamed(signedIn, "CxDashboard.Session=");

        app.From = IPAddress.Parse(Proxy);
        var signOutPage = Forwarded(HttpMethod.Get, "/account/signout");
        signOutPage.Headers.Add("Cookie", session.Split(';')[0]);
        var page = await app.CreateProxyClient().SendAsync(signOutPage);
        var antiforgery = CookieNamed(page, ".AspNetCore.Antiforgery.");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("; secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Sign out of CX Dashboard?", await page.Content.ReadAsStringAsync());
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("max-age=31536000", page.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task Behind_a_known_proxy_the_identity_provider_is_asked_to_return_to_the_public_https_address()
    {
        using var app = new ProxiedApp(ProviderSettings(("ReverseProxy:KnownNetworks:0", "10.1.0.0/24"),
            ("ReverseProxy:AllowedHosts:0", "cx.example.com")));
        var request = Forwarded(HttpMethod.Get, AccountPaths.SignInWithProvider);
        request.Headers.Add("X-Forwarded-Host", "cx.example.com");

        var challenge = await app.CreateProxyClient(host: "cx-app-01.internal").SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.Equal(provider.Authority.Authority, challenge.Headers.Location!.Authority);
        Assert.Contains("redirect_uri=" + Uri.EscapeDataString("https://cx.example.com/signin-oidc"), challenge.Headers.Location.Query);
        Assert.True(challenge.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Forwarded_headers_from_an_address_that_is_not_a_known_proxy_are_ignored()
    {
        using var app = new ProxiedApp(ProviderSettings(("ReverseProxy:KnownProxies:0", Proxy),
            ("ReverseProxy:AllowedHosts:0", "cx.example.com")))
        {
            From = IPAddress.Parse("203.0.113.7"),
        };
        var request = Forwarded(HttpMethod.Get, AccountPaths.SignInWithProvider);
        request.Headers.Add("X-Forwarded-Host", "cx.example.com");

        var response = await app.CreateProxyClient(host: "cx-app-01.internal").SendAsync(request);

        // Still plain HTTP to the app, and still its own host: sent to HTTPS, without HSTS, never to the provider.
        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal($"https://cx-app-01.internal{AccountPaths.SignInWithProvider}", response.Headers.Location!.ToString());
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task A_forwarded_host_outside_the_allowed_hosts_is_not_believed_even_from_a_known_proxy()
    {
        using var app = new ProxiedApp(ProviderSettings(("ReverseProxy:KnownProxies:0", Proxy),
            ("ReverseProxy:AllowedHosts:0", "cx.example.com")));
        var request = Forwarded(HttpMethod.Get, AccountPaths.SignInWithProvider);
        request.Headers.Add("X-Forwarded-Host", "evil.example.net");

        var challenge = await app.CreateProxyClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.Contains("redirect_uri=" + Uri.EscapeDataString("https://cx.example.com/signin-oidc"), challenge.Headers.Location!.Query);
    }

    [Fact]
    public async Task The_health_probe_answers_over_plain_http_for_the_load_balancer()
    {
        using var app = new ProxiedApp(new Dictionary<string, string?> { ["Authentication:DevelopmentSignIn"] = "true" });

        var health = await app.CreateProxyClient(host: "10.1.0.20").GetAsync(HealthEndpoints.Path);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Theory]
    [InlineData("ReverseProxy:KnownProxies:0", "proxy.example.com", "ReverseProxy:KnownProxies must be IP addresses")]
    [InlineData("ReverseProxy:KnownNetworks:0", "10.1.0.0", "ReverseProxy:KnownNetworks must be networks in CIDR notation")]
    public async Task Proxy_settings_that_cannot_be_read_stop_the_start(string key, string value, string message)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection([KeyValuePair.Create<string, string?>(key, value)]);
        builder.Services.AddCxReverseProxy();
        await using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(message, failure.Message);
    }

    private Dictionary<string, string?> ProviderSettings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = provider.Authority.ToString(),
            ["Authentication:Oidc:ClientId"] = TestIdentityProvider.ClientId,
            ["Authentication:Oidc:ClientSecret"] = TestIdentityProvider.ClientSecret,
            ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }
        return settings;
    }

    // What a TLS-terminating proxy adds to the request it passes on.
    private static HttpRequestMessage Forwarded(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "198.51.100.23");
        return request;
    }

    private static string CookieNamed(HttpResponseMessage response, string prefix) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.FirstOrDefault(c => c.StartsWith(prefix, StringComparison.Ordinal)) is { } cookie
            ? cookie
            : throw new Xunit.Sdk.XunitException($"No {prefix} cookie was set.");
}
