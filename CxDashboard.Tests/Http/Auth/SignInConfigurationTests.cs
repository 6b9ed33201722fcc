using System.Net;
using CxDashboard.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CxDashboard.Tests.Http.Auth;

public sealed class SignInConfigurationTests
{
    [Fact]
    public async Task Production_without_identity_provider_or_development_sign_in_refuses_to_start()
    {
        var failure = await StartFailureAsync(new Dictionary<string, string?>());

        Assert.StartsWith("No sign-in is configured: set Authentication:Oidc:Authority", failure.Message);
        Assert.DoesNotContain('\n', failure.Message);
    }

    [Fact]
    public async Task Development_environment_offers_the_development_sign_in_without_any_configuration()
    {
        using var development = new CxDashboardFactory(new Dictionary<string, string?>(), new InMemoryUserDirectory(), "Development");

        var html = await development.CreateBrowserClient().GetStringAsync(AccountPaths.SignIn);

        Assert.Contains("Development sign-in — demo people, not for production", html);
    }

    [Fact]
    public async Task Development_sign_in_is_closed_once_an_identity_provider_is_configured()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Authentication:DevelopmentSignIn"] = "true",
            ["Authentication:Oidc:Authority"] = "https://login.example.test/",
            ["Authentication:Oidc:ClientId"] = "cx-dashboard",
        };
        using var factory = new CxDashboardFactory(settings, new InMemoryUserDirectory());
        var client = factory.CreateBrowserClient();

        var signIn = await client.GetAsync(AccountPaths.SignInFor("/metrics"));
        var posted = await client.PostAsync(AccountPaths.DevelopmentSignIn, new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal($"{AccountPaths.SignInWithProvider}?returnUrl=%2Fmetrics", signIn.Headers.Location!.PathAndQuery);
        Assert.NotEqual(HttpStatusCode.OK, posted.StatusCode);
        Assert.DoesNotContain(posted.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("CxDashboard.Session=", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Authentication:Oidc:ClientId", "", "Authentication:Oidc:ClientId is required")]
    [InlineData("Authentication:Oidc:Authority", "http://login.example.test/", "Authentication:Oidc:Authority must be an absolute https URL")]
    [InlineData("Authentication:RoleMapping:cx-admins", "Superuser", "Authentication:RoleMapping values must be app roles")]
    [InlineData("Authentication:Oidc:Audience", "cx-dashboard", "Authentication:Oidc:Audience must be the ingestion API's own audience, not the ClientId")]
    public async Task Identity_provider_settings_that_cannot_work_stop_the_start(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = "https://login.example.test/",
            ["Authentication:Oidc:ClientId"] = "cx-dashboard",
            [key] = value,
        };

        var failure = await StartFailureAsync(settings);

        Assert.Contains(message, failure.Message);
    }

    // Starts a host with just the app's authentication setup: WebApplicationFactory reports a failed
    // start unreliably (it sometimes surfaces an ObjectDisposedException from its own host instead).
    private static async Task<OptionsValidationException> StartFailureAsync(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddCxAuthentication();
        await using var app = builder.Build();
        app.MapCxAuthEndpoints();

        var exception = await Record.ExceptionAsync(() => app.StartAsync());

        return Assert.Single(Flatten(exception).OfType<OptionsValidationException>());

        static IEnumerable<Exception> Flatten(Exception? exception) => exception switch
        {
            null => [],
            AggregateException aggregate => aggregate.InnerExceptions.SelectMany(Flatten),
            _ => [exception, .. Flatten(exception.InnerException)],
        };
    }
}
