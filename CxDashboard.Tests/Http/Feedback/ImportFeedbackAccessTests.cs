using System.Net;
using CxDashboard.Tests.Http.Auth;
using CxDashboard.Web.Auth;

namespace CxDashboard.Tests.Http.Feedback;

/// <summary>The import page over HTTP: only people who may record feedback get the upload.</summary>
public sealed class ImportFeedbackAccessTests : IDisposable
{
    private readonly CxDashboardFactory _factory = CxDashboardFactory.WithDevelopmentSignIn(new InMemoryUserDirectory());

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_executive_is_told_the_import_page_is_not_open_to_their_role()
    {
        var browser = new Auth.Browser(_factory.CreateBrowserClient());
        await DevelopmentSignInTests.SignInAsync(browser, InMemoryUserDirectory.Executive, returnUrl: "/account/me");

        var page = await browser.GetAsync("/feedback/import");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"not-allowed\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Choose a CSV file or workbook", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_without_a_role_is_refused_the_import_page()
    {
        var browser = new Auth.Browser(_factory.CreateBrowserClient());
        await DevelopmentSignInTests.SignInAsync(browser, InMemoryUserDirectory.Newcomer, returnUrl: "/account/me");

        var page = await browser.GetAsync("/feedback/import");

        var html = await page.Content.ReadAsStringAsync();
        Assert.True(browser.Visited[^1].AbsolutePath == AccountPaths.NoAccess || html.Contains("data-testid=\"not-allowed\"", StringComparison.Ordinal),
            $"Landed on {browser.Visited[^1]}");
        Assert.DoesNotContain("Choose a CSV file or workbook", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_head_of_cx_gets_the_upload()
    {
        var browser = new Auth.Browser(_factory.CreateBrowserClient());
        await DevelopmentSignInTests.SignInAsync(browser, InMemoryUserDirectory.CxLead, returnUrl: "/account/me");

        var page = await browser.GetAsync("/feedback/import");

        Assert.Contains("Choose a CSV file or workbook", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
