using CxDashboard.Tests.Support;
using CxDashboard.Web.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Internal;

namespace CxDashboard.Tests.Http.Auth;

/// <summary>The app in memory, with explicit authentication settings and the test directory of people.</summary>
internal sealed class CxDashboardFactory(
    IReadOnlyDictionary<string, string?> settings,
    IUserDirectory directory,
    string environment = "Production",
    TimeProvider? time = null) : AppFactory(environment: environment)
{
    public static readonly Uri BaseAddress = new("https://localhost");

    public static CxDashboardFactory WithDevelopmentSignIn(IUserDirectory directory) =>
        new(new Dictionary<string, string?> { ["Authentication:DevelopmentSignIn"] = "true" }, directory);

    public HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = BaseAddress });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddScoped(_ => directory);
            if (time is not null)
            {
                services.AddSingleton(time);
                // The sign-in's short directory cache expires by the same clock.
                services.Configure<MemoryCacheOptions>(options => options.Clock = new CacheClock(time));
            }
            services.AddSingleton<IStartupFilter, AdminProbe>();
        });
    }

    private sealed class CacheClock(TimeProvider time) : ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
}
