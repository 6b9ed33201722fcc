using System.Net;
using CxDashboard.Domain.Admin;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Admin;
using CxDashboard.Web.Features.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CxDashboard.Tests.Http.Api;

public sealed class ApiKeyExpiryTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly ClockedApp _app;

    public ApiKeyExpiryTests() => _app = new ClockedApp(_clock);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_key_is_refused_with_401_once_its_lifetime_is_over()
    {
        var secret = await CreateKeyAsync(validForDays: 30);

        var during = await PostEmptyBatchAsync(secret);
        _clock.Advance(TimeSpan.FromDays(30));
        var after = await PostEmptyBatchAsync(secret);

        Assert.NotEqual(HttpStatusCode.Unauthorized, during.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    private async Task<string> CreateKeyAsync(int validForDays)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContextAsync();
        var david = await db.People.SingleAsync(p => p.DisplayName == "David Nguyen");
        var admin = new Caller(david.Id, david.DisplayName, david.TeamId, new HashSet<string> { Roles.Admin });
        using var scope = _app.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<AdminService>()
            .CreateApiKeyAsync("Survey tool", ApiScopes.FeedbackWrite, admin, validForDays);
        return created.Secret;
    }

    private async Task<HttpResponseMessage> PostEmptyBatchAsync(string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/feedback")
        {
            Content = new StringContent("""{"items":[]}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", secret);
        return await _app.CreateClient().SendAsync(request);
    }

    private sealed class ClockedApp(FakeTimeProvider clock) : AppFactory(seedDemoData: true,
        settings: new Dictionary<string, string?> { ["Authentication:DevelopmentSignIn"] = "true" })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        }
    }
}
