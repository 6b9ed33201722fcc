using System.Net;
using CxDashboard.Tests.Http.Auth;
using Auth = CxDashboard.Tests.Http.Auth;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Http.Operations;

/// <summary>Two instances of the app behind a load balancer share one database, and so their sign-in keys.</summary>
public sealed class SeveralInstancesTests
{
    private static readonly Dictionary<string, string?> DevelopmentSignIn = new() { ["Authentication:DevelopmentSignIn"] = "true" };

    [Fact]
    public async Task A_cookie_issued_by_one_instance_is_accepted_by_another_on_the_same_database()
    {
        using var first = new AppFactory(seedDemoData: true, settings: DevelopmentSignIn);
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = CxDashboardFactory.BaseAddress };
        var firstClient = first.CreateClient(options);

        string subject;
        await using (var db = first.Services.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContext())
        {
            subject = await db.People.Where(p => p.DisplayName == "Eleanor Hartley").Select(p => p.Subject!).SingleAsync();
        }

        var page = await firstClient.GetAsync(AccountPaths.SignIn);
        var antiforgeryCookies = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        var form = new HttpRequestMessage(HttpMethod.Post, AccountPaths.DevelopmentSignIn)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Auth.Browser.AntiforgeryToken(await page.Content.ReadAsStringAsync()),
                ["subject"] = subject,
                ["returnUrl"] = "/account/me",
            }),
        };
        form.Headers.Add("Cookie", string.Join("; ", antiforgeryCookies));
        var signedIn = await firstClient.SendAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var authCookie = signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => !c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));

        using var second = new AppFactory(databasePath: first.DatabasePath, settings: DevelopmentSignIn);
        var request = new HttpRequestMessage(HttpMethod.Get, "/account/me");
        request.Headers.Add("Cookie", authCookie);
        var me = await second.CreateClient(options).SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains("Eleanor Hartley", await me.Content.ReadAsStringAsync());
    }
}
