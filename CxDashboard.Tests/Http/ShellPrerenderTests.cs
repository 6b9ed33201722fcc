using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using CxDashboard.Web.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxDashboard.Tests.Http;

/// <summary>
/// The shell prerendered by the real app on a fresh SQLite file. Sign-in is not built yet, so a test
/// scheme stands in for it, signing everyone in as an Executive.
/// </summary>
public sealed class ShellPrerenderTests : IClassFixture<ShellPrerenderTests.App>
{
    private readonly App _app;

    public ShellPrerenderTests(App app) => _app = app;

    [Fact]
    public async Task The_home_page_prerenders_the_shell_with_skeletons_and_no_server_error()
    {
        var client = _app.CreateClient();

        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(Regex.Matches(html, "<title>"));
        Assert.Contains("<title>Dashboard · CX Dashboard</title>", html);
        Assert.Contains("<main id=\"main-content\"", html);
        Assert.Contains("Dana Executive", html);
        Assert.Contains(">Dashboard</h1>", html);
        Assert.Contains("mud-skeleton", html);
        Assert.Contains("action=\"account/signout\"", html);
        Assert.Contains("__RequestVerificationToken", html);
        Assert.DoesNotContain(">Admin</", html);
    }

    [Fact]
    public async Task An_unknown_address_shows_the_friendly_not_found_page()
    {
        var response = await _app.CreateClient().GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }

    public sealed class App : WebApplicationFactory<Program>
    {
        private readonly string _path = Path.Combine(Path.GetTempPath(), $"cxdashboard-shell-{Guid.NewGuid():N}.db");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:CxDashboard", $"Data Source={_path};Pooling=False");
            builder.UseSetting("Database:SeedDemoDataWhenEmpty", "false");
            builder.ConfigureTestServices(services =>
                services.AddAuthentication(TestSignIn.Name).AddScheme<AuthenticationSchemeOptions, TestSignIn>(TestSignIn.Name, _ => { }));
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private sealed class TestSignIn(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string Name = "ShellTest";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var identity = new ClaimsIdentity(
                [new Claim("name", "Dana Executive"), new Claim("sub", "dana"), new Claim(ClaimTypes.Role, Roles.Executive)], Name);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Name)));
        }
    }
}
