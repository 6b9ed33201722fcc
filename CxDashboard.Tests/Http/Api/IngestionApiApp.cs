using CxDashboard.Domain.Admin;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Admin;
using CxDashboard.Web.Features.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CxDashboard.Tests.Http.Api;

/// <summary>The app with the demo retailer, shared by the API tests; keys are created the way an Admin does.</summary>
public sealed class IngestionApiApp : IAsyncLifetime
{
    /// <summary>The app's clock, which decides what is in the future and which quarter has started.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    public AppFactory Factory { get; } = new(seedDemoData: true,
        settings: new Dictionary<string, string?> { ["Authentication:DevelopmentSignIn"] = "true" },
        clock: new FakeTimeProvider(Now));

    public Caller Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _ = Factory.Server;
        await using var db = await DbAsync();
        var david = await db.People.SingleAsync(p => p.DisplayName == "David Nguyen");
        Admin = new Caller(david.Id, david.DisplayName, david.TeamId, new HashSet<string> { Roles.Admin });
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    public async Task<CxDbContext> DbAsync() =>
        await Factory.Services.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContextAsync();

    public AdminService AdminService() => Factory.Services.CreateScope().ServiceProvider.GetRequiredService<AdminService>();

    public async Task<CreatedApiKey> CreateKeyAsync(ApiScopes scopes, string name = "Survey tool") =>
        await AdminService().CreateApiKeyAsync(name, scopes, Admin);

    public HttpClient ClientWith(string? secret)
    {
        var client = Factory.CreateClient();
        if (secret is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", secret);
        }
        return client;
    }
}
