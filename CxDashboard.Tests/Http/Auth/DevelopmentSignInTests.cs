using System.Net;
using System.Net.Http.Json;
using CxDashboard.Web.Auth;

namespace CxDashboard.Tests.Http.Auth;

public sealed class DevelopmentSignInTests : IDisposable
{
    private readonly InMemoryUserDirectory directory = new();
    private readonly CxDashboardFactory factory;

    public DevelopmentSignInTests() => factory = CxDashboardFactory.WithDevelopmentSignIn(directory);

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task Anonymous_visitor_of_a_reader_page_is_sent_to_sign_in_with_the_way_back()
    {
        var client = factory.CreateBrowserClient();

        var response = await client.GetAsync("/metrics?channel=3");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/signin?returnUrl=%2Fmetrics%3Fchannel%3D3", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Sign_in_page_offers_demo_people_by_role_under_a_development_warning()
    {
        var client = factory.CreateBrowserClient();

        var html = await client.GetStringAsync("/account/signin");

        Assert.Contains("Development sign-in — demo people, not for production", html);
        Assert.Contains("Head of CX", html);
        Assert.Contains("Cleo Marsh", html);
        Assert.Contains("No role yet", html);
        Assert.True(html.IndexOf("Head of CX", StringComparison.Ordinal) < html.IndexOf("Executive", StringComparison.Ordinal),
            "Roles are listed in the order of Roles.All.");
    }

    [Fact]
    public async Task Sign_in_page_loads_the_app_stylesheet_before_anyone_is_signed_in()
    {
        var client = factory.CreateBrowserClient();
        var html = await client.GetStringAsync("/account/signin");

        // Package assets (_content/...) are only served from a publish folder or in Development; the
        // app's own stylesheet stands for the rule that static assets need no sign-in.
        var stylesheet = System.Text.RegularExpressions.Regex.Match(html, "<link rel=\"stylesheet\" href=\"(?<href>app\\.[^\"]+)\"").Groups["href"].Value;
        Assert.NotEmpty(stylesheet);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(stylesheet)).StatusCode);
    }

    [Fact]
    public async Task Cx_lead_signed_in_with_the_development_form_reads_their_role_from_me()
    {
        var browser = new Browser(factory.CreateBrowserClient());

        var landed = await SignInAsync(browser, InMemoryUserDirectory.CxLead, returnUrl: "/account/me");

        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        var me = (await landed.Content.ReadFromJsonAsync<Me>())!;
        Assert.Equal(("dev-cxlead", "Cleo Marsh", "cleo.marsh@example.test"), (me.Subject, me.Name, me.Email));
        Assert.Equal((1, 10), (me.PersonId, me.TeamId));
        Assert.Equal([Roles.CxLead], me.Roles);
    }

    [Fact]
    public async Task Directory_is_not_asked_again_on_every_request()
    {
        var browser = new Browser(factory.CreateBrowserClient());
        await SignInAsync(browser, InMemoryUserDirectory.CxLead, returnUrl: "/account/me");
        var lookupsAfterSignIn = directory.Lookups;

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/me")).StatusCode);
        }

        Assert.Equal(lookupsAfterSignIn, directory.Lookups);
    }

    [Fact]
    public async Task Person_without_a_role_lands_on_no_access_showing_who_they_are()
    {
        var browser = new Browser(factory.CreateBrowserClient());

        var landed = await SignInAsync(browser, InMemoryUserDirectory.Newcomer, returnUrl: "/");

        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal("/account/no-access", browser.Visited[^1].AbsolutePath);
        var html = await landed.Content.ReadAsStringAsync();
        Assert.Contains("No access yet", html);
        Assert.Contains("nina.novak@example.test", html);
    }

    [Fact]
    public async Task Executive_is_refused_an_admin_page_with_the_not_allowed_explanation()
    {
        var browser = new Browser(factory.CreateBrowserClient());
        await SignInAsync(browser, InMemoryUserDirectory.Executive, returnUrl: "/account/me");

        var refused = await browser.GetAsync(AdminProbe.PagePath);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("This page is not open to your role", html);
        Assert.DoesNotContain(AdminProbe.Content, html);
    }

    [Fact]
    public async Task Api_requests_get_status_codes_instead_of_sign_in_redirects()
    {
        var client = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(AdminProbe.ApiPath)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/export/feedback.xlsx")).StatusCode);

        await SignInAsync(new Browser(client), InMemoryUserDirectory.Executive, returnUrl: "/account/me");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(AdminProbe.ApiPath)).StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/steal")]
    [InlineData("//evil.example/steal")]
    [InlineData("/\\evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task Return_url_to_anywhere_outside_the_app_is_refused(string returnUrl)
    {
        var client = factory.CreateBrowserClient();
        var token = Browser.AntiforgeryToken(await client.GetStringAsync("/account/signin"));

        var response = await client.PostAsync(AccountPaths.DevelopmentSignIn, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["subject"] = InMemoryUserDirectory.CxLead.Subject,
            ["returnUrl"] = returnUrl,
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Sign_in_form_posted_without_its_antiforgery_token_is_rejected()
    {
        var client = factory.CreateBrowserClient();
        await client.GetStringAsync("/account/signin");

        var response = await client.PostAsync(AccountPaths.DevelopmentSignIn, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["subject"] = InMemoryUserDirectory.CxLead.Subject,
            ["returnUrl"] = "/account/me",
        }));

        Assert.NotEqual("/account/me", response.Headers.Location?.OriginalString);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [];
        Assert.DoesNotContain(cookies, c => c.StartsWith("CxDashboard.Session=", StringComparison.Ordinal));
        var me = await client.GetAsync("/account/me");
        Assert.Equal("/account/signin", me.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Signing_out_from_the_confirmation_page_ends_the_session()
    {
        var client = factory.CreateBrowserClient();
        var browser = new Browser(client);
        await SignInAsync(browser, InMemoryUserDirectory.CxLead, returnUrl: "/account/me");
        var confirmation = await client.GetStringAsync(AccountPaths.SignOut);
        Assert.Contains("Sign out of CX Dashboard?", confirmation);

        var signedOut = await browser.PostFormAsync(AccountPaths.SignOut,
            [KeyValuePair.Create("__RequestVerificationToken", Browser.AntiforgeryToken(confirmation))]);

        Assert.Equal(HttpStatusCode.OK, signedOut.StatusCode);
        Assert.Equal(AccountPaths.SignedOut, browser.Visited[^1].AbsolutePath);
        Assert.Contains("You have signed out", await signedOut.Content.ReadAsStringAsync());
        var me = await client.GetAsync("/account/me");
        Assert.Equal(HttpStatusCode.Redirect, me.StatusCode);
    }

    internal static async Task<HttpResponseMessage> SignInAsync(Browser browser, DevelopmentPerson person, string returnUrl)
    {
        var page = await browser.GetAsync(AccountPaths.SignInFor(returnUrl));
        var token = Browser.AntiforgeryToken(await page.Content.ReadAsStringAsync());
        return await browser.PostFormAsync(AccountPaths.DevelopmentSignIn,
        [
            KeyValuePair.Create("subject", person.Subject),
            KeyValuePair.Create("returnUrl", returnUrl),
            KeyValuePair.Create("__RequestVerificationToken", token),
        ]);
    }

    private sealed record Me(string Subject, string Name, string? Email, int? PersonId, int? TeamId, string[] Roles);
}
