using System.Net;
using CxDashboard.Domain.Admin;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Admin;
using CxDashboard.Web.Features.Common;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using AuthBrowser = CxDashboard.Tests.Http.Auth.Browser;

namespace CxDashboard.Tests.Http.Operations;

/// <summary>The demo retailer behind a known proxy, with limits of two requests a window so the third is refused.</summary>
public sealed class RateLimitedApp : IAsyncLifetime
{
    internal ProxiedApp App { get; } = new(new Dictionary<string, string?>
    {
        ["Authentication:DevelopmentSignIn"] = "true",
        ["ReverseProxy:KnownProxies:0"] = "10.1.0.5",
        ["RateLimits:Api:PermitLimit"] = "2",
        ["RateLimits:Api:Window"] = "01:00:00",
        ["RateLimits:Exports:PermitLimit"] = "2",
        ["RateLimits:Exports:Window"] = "01:00:00",
        ["RateLimits:Exports:ConcurrentPerPerson"] = "1",
        ["RateLimits:SignIn:PermitLimit"] = "2",
        ["RateLimits:SignIn:Window"] = "01:00:00",
    }, seedDemoData: true);

    public Task InitializeAsync()
    {
        _ = App.Server;
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class RateLimitTests(RateLimitedApp fixture) : IClassFixture<RateLimitedApp>
{
    private static int _signedIn;

    private ProxiedApp App => fixture.App;

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_from_one_address_get_429_with_retry_after()
    {
        var client = App.CreateProxyClient();

        var answers = new List<HttpResponseMessage>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            answers.Add(await client.SendAsync(SignInFrom("198.51.100.23")));
        }
        var otherAddress = await client.SendAsync(SignInFrom("198.51.100.99"));

        Assert.All(answers.Take(2), a => Assert.NotEqual(HttpStatusCode.TooManyRequests, a.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[2].StatusCode);
        Assert.InRange(answers[2].Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        // The address the proxy saw counts, not the proxy's own: someone else behind it still gets in.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, otherAddress.StatusCode);
    }

    [Fact]
    public async Task Api_calls_beyond_the_limit_for_one_key_get_429_while_another_key_still_gets_through()
    {
        var busy = await CreateKeyAsync("Busy survey tool");
        var other = await CreateKeyAsync("Other survey tool");

        var answers = new List<HttpResponseMessage>();
        for (var call = 0; call < 3; call++)
        {
            answers.Add(await PostEmptyBatchAsync(busy));
        }
        var otherAnswer = await PostEmptyBatchAsync(other);

        Assert.All(answers.Take(2), a => Assert.NotEqual(HttpStatusCode.TooManyRequests, a.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[2].StatusCode);
        Assert.NotNull(answers[2].Headers.RetryAfter?.Delta);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, otherAnswer.StatusCode);
    }

    [Fact]
    public async Task Exports_beyond_the_limit_for_one_person_get_429_while_another_person_still_exports()
    {
        var eleanor = await SignedInAsync("demo-eleanor-hartley");
        var priya = await SignedInAsync("demo-priya-shah");

        var answers = new List<HttpResponseMessage>();
        for (var export = 0; export < 3; export++)
        {
            answers.Add(await eleanor.GetAsync("/export/reviews.xlsx"));
        }
        var priyas = await priya.GetAsync("/export/reviews.xlsx");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers.Select(a => a.StatusCode));
        Assert.NotNull(answers[2].Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, priyas.StatusCode);
    }

    [Fact]
    public async Task A_second_export_while_the_first_is_still_being_sent_gets_429()
    {
        var grace = await SignedInAsync("demo-grace-okafor");

        var held = new HttpRequestMessage(HttpMethod.Get, "/export/feedback.xlsx");
        held.Headers.Add(HeldResponseGate.Header, "1");

        var first = grace.SendAsync(held);
        await App.HeldResponses.Entered.WaitAsync(TimeSpan.FromSeconds(30));
        var second = await grace.GetAsync("/export/reviews.xlsx");
        App.HeldResponses.Release();

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.NotNull(second.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
    }

    private static HttpRequestMessage SignInFrom(string clientAddress)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, AccountPaths.SignInWithProvider);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", clientAddress);
        return request;
    }

    private async Task<string> CreateKeyAsync(string name)
    {
        await using (var db = await App.Services.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContextAsync())
        {
            var david = await db.People.SingleAsync(p => p.DisplayName == "David Nguyen");
            var admin = new Caller(david.Id, david.DisplayName, david.TeamId, new HashSet<string> { Roles.Admin });
            using var scope = App.Services.CreateScope();
            return (await scope.ServiceProvider.GetRequiredService<AdminService>().CreateApiKeyAsync(name, ApiScopes.FeedbackWrite, admin)).Secret;
        }
    }

    private async Task<HttpResponseMessage> PostEmptyBatchAsync(string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/feedback")
        {
            Content = new StringContent("""{"items":[]}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", secret);
        return await App.CreateClient().SendAsync(request);
    }

    private async Task<HttpClient> SignedInAsync(string subject)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });
        // The development sign-in answers only this machine. Each person signs in from a loopback address of
        // their own, so the sign-in limit is the sign-in test's alone; their requests then come through the proxy.
        var proxy = App.From;
        App.From = IPAddress.Parse($"127.0.0.{Interlocked.Increment(ref _signedIn) + 1}");
        try
        {
            var browser = new AuthBrowser(client);
            var page = await browser.GetAsync(AccountPaths.SignInFor("/"));
            await browser.PostFormAsync(AccountPaths.DevelopmentSignIn,
            [
                KeyValuePair.Create("subject", subject),
                KeyValuePair.Create("returnUrl", "/account/me"),
                KeyValuePair.Create("__RequestVerificationToken", AuthBrowser.AntiforgeryToken(await page.Content.ReadAsStringAsync())),
            ]);
        }
        finally
        {
            App.From = proxy;
        }
        return client;
    }
}
