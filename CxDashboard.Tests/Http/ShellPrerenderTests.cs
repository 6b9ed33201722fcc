using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Components.Layout;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxDashboard.Tests.Http;

/// <summary>
/// The shell rendered by the real app on a fresh SQLite file. A test scheme stands in for sign-in, signing
/// everyone in as an Executive.
/// </summary>
public sealed class ShellPrerenderTests : IClassFixture<ShellPrerenderTests.App>
{
    private readonly App _app;

    public ShellPrerenderTests(App app) => _app = app;

    [Fact]
    public async Task The_dashboard_streams_its_skeletons_first_then_its_figures_and_opens_no_circuit()
    {
        var client = _app.CreateClient();

        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The first part of the response is the page with skeletons; the figures follow in <blazor-ssr> updates.
        var streamed = html.IndexOf("<blazor-ssr>", StringComparison.Ordinal);
        Assert.True(streamed > 0, "The dashboard streams its sections after the first part of the page.");
        var (first, rest) = (html[..streamed], html[streamed..]);
        Assert.Single(Regex.Matches(first, "<title>"));
        Assert.Contains("<title>Dashboard · CX Dashboard</title>", first);
        Assert.Contains("<main id=\"main-content\"", first);
        Assert.Contains("Dana Executive", first);
        Assert.Contains(">Dashboard</h1>", first);
        Assert.Contains("mud-skeleton", first);
        Assert.Contains("action=\"account/signout\"", first);
        Assert.Contains("__RequestVerificationToken", first);
        Assert.DoesNotContain(">Admin</", html);
        // An empty database counts nothing: the four tiles arrive as zeros, and the sections after them.
        Assert.Equal(4, Regex.Matches(rest, "data-testid=\"tile-count\">0<").Count);
        Assert.Contains("data-section=\"closed-loop\"", rest);
        // Nothing asks for a circuit; the layout's buttons are left to the browser's script, and the page is ready as it arrives.
        Assert.DoesNotContain("\"type\":\"server\"", html);
        Assert.Contains("data-static-toggle=\"navigation\"", first);
        Assert.Contains("data-static-toggle=\"dark-mode\"", first);
        Assert.Contains("data-interactive=\"true\"", first);
    }

    [Fact]
    public async Task Other_pages_prerender_for_a_circuit_and_handle_the_layout_buttons_there()
    {
        var html = await _app.CreateClient().GetStringAsync("/metrics");

        Assert.Contains("\"type\":\"server\"", html);
        Assert.DoesNotContain("data-static-toggle", html);
        Assert.DoesNotContain("data-interactive", html);
    }

    [Theory]
    [InlineData("/", "cx-dark-mode=true", "true")]
    [InlineData("/metrics", "cx-dark-mode=true", "true")]
    [InlineData("/", "cx-system-dark-mode=true", "true")]
    [InlineData("/", "cx-dark-mode=false; cx-system-dark-mode=true", "false")]
    [InlineData("/", "", "false")]
    public async Task Pages_are_drawn_in_the_colours_the_browser_chose(string path, string cookies, string dark)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookies.Length > 0)
        {
            request.Headers.Add("Cookie", cookies);
        }

        var html = await (await _app.CreateClient().SendAsync(request)).Content.ReadAsStringAsync();

        var toggle = Regex.Match(html, "<button[^>]*data-testid=\"dark-mode-toggle\"[^>]*>").Value;
        Assert.Contains($"aria-pressed=\"{dark}\"", toggle);
        var background = Regex.Match(html, @"--mud-palette-background:\s*([^;]+);").Groups[1].Value;
        Assert.Equal(dark == "true" ? DarkBackground : LightBackground, background);
    }

    private static string LightBackground => CxTheme.Shared.PaletteLight.Background.ToString(MudBlazor.Utilities.MudColorOutputFormats.RGBA);

    private static string DarkBackground => CxTheme.Shared.PaletteDark.Background.ToString(MudBlazor.Utilities.MudColorOutputFormats.RGBA);

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
                [new Claim("name", "Dana Executive"), new Claim("sub", "dana"), new Claim("roles", Roles.Executive)], Name);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Name)));
        }
    }
}
