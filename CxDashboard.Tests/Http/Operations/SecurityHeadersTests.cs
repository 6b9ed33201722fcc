using System.Net;
using System.Text.RegularExpressions;
using CxDashboard.Tests.Http.Auth;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Hosting;

namespace CxDashboard.Tests.Http.Operations;

public sealed partial class SecurityHeadersTests : IDisposable
{
    private readonly CxDashboardFactory _app = CxDashboardFactory.WithDevelopmentSignIn(new InMemoryUserDirectory());

    public void Dispose() => _app.Dispose();

    public static TheoryData<string, string, HttpStatusCode> Responses => new()
    {
        { "a page", AccountPaths.SignIn, HttpStatusCode.OK },
        { "an API refusal", "/api/feedback", HttpStatusCode.Unauthorized },
        { "a static file", "/app.css", HttpStatusCode.OK },
        { "a page that does not exist", "/no-such-page", HttpStatusCode.NotFound },
        { "the health probe", HealthEndpoints.Path, HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Every_response_tells_the_browser_what_the_app_allows(string what, string path, HttpStatusCode status)
    {
        var client = _app.CreateBrowserClient();
        await DevelopmentSignInTests.SignInAsync(new CxDashboard.Tests.Http.Auth.Browser(client), InMemoryUserDirectory.CxLead, "/account/me");
        var response = path == "/api/feedback"
            ? await client.PostAsync(path, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))
            : await client.GetAsync(path);

        Assert.True(response.StatusCode == status, $"{what}: {response.StatusCode}");
        var policy = Directives(Header(response, "Content-Security-Policy"));
        Assert.Equal("'self'", policy["default-src"]);
        Assert.Matches("^'self' 'nonce-[0-9A-F]{32}'$", policy["script-src"]);
        Assert.Equal("'self' 'unsafe-inline'", policy["style-src"]);
        Assert.Equal("'self' data:", policy["img-src"]);
        Assert.Equal("'self'", policy["connect-src"]);
        Assert.Equal("'none'", policy["object-src"]);
        Assert.Equal("'self'", policy["base-uri"]);
        Assert.Equal("'self'", policy["form-action"]);
        Assert.Equal("'none'", policy["frame-ancestors"]);
        Assert.DoesNotContain("unsafe-eval", Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"));
        Assert.Contains("microphone=()", Header(response, "Permissions-Policy"));
        Assert.Contains("geolocation=()", Header(response, "Permissions-Policy"));
    }

    [Fact]
    public async Task The_pages_one_inline_script_carries_the_nonce_of_its_own_response_and_no_other()
    {
        var client = _app.CreateClient();

        var first = await client.GetAsync(AccountPaths.SignIn);
        var second = await client.GetAsync(AccountPaths.SignIn);

        var nonce = ScriptNonce().Match(Header(first, "Content-Security-Policy")).Groups["nonce"].Value;
        Assert.NotEqual(nonce, ScriptNonce().Match(Header(second, "Content-Security-Policy")).Groups["nonce"].Value);
        var html = await first.Content.ReadAsStringAsync();
        var inlineScripts = InlineScript().Matches(html);
        Assert.NotEmpty(inlineScripts);
        Assert.All(inlineScripts, script => Assert.Contains($"nonce=\"{nonce}\"", script.Value));
    }

    [Fact]
    public async Task Forms_may_also_lead_to_the_identity_provider_when_one_is_configured()
    {
        using var app = new AppFactory(settings: new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = "https://login.example.test/tenant/",
            ["Authentication:Oidc:ClientId"] = "cx-dashboard",
        });

        var response = await app.CreateClient().GetAsync(HealthEndpoints.Path);

        Assert.Equal("'self' https://login.example.test", Directives(Header(response, "Content-Security-Policy"))["form-action"]);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : throw new Xunit.Sdk.XunitException($"No {name} header.");

    private static Dictionary<string, string> Directives(string policy) => policy
        .Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .Select(d => d.Split(' ', 2))
        .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : string.Empty);

    [GeneratedRegex("'nonce-(?<nonce>[^']+)'")]
    private static partial Regex ScriptNonce();

    // Script elements with content of their own; those with src load from the app's origin.
    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>")]
    private static partial Regex InlineScript();
}
