using System.Net;
using CxDashboard.Web.Data.Seeding;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CxDashboard.Tests.Support;

/// <summary>
/// The whole app in memory on its own SQLite file in a temp folder (never the developer's
/// App_Data database), migrated at start; demo data only when asked for.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    private const int DemoFeedbackCount = 500;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cxdashboard-app", Guid.NewGuid().ToString("N"));

    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly TimeProvider? _clock;

    /// <param name="clock">The app's clock when a test compares what the app dates with a known time.</param>
    public AppFactory(string? databasePath = null, bool seedDemoData = false, string environment = "Production",
        IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        _clock = clock;
        Directory.CreateDirectory(_folder);
        DatabasePath = databasePath ?? Path.Combine(_folder, "app.db");
        SeedDemoData = seedDemoData;
        Environment = environment;
        // Outside Development plain HTTP is redirected to HTTPS, as a browser would be.
        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    public string DatabasePath { get; }
    public bool SeedDemoData { get; }
    public string Environment { get; }
    public string ConnectionString => $"Data Source={DatabasePath};Pooling=False";

    /// <summary>The address requests come from from now on: this machine unless a test says otherwise.</summary>
    public IPAddress RemoteIpAddress { get; set; } = IPAddress.Loopback;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("ConnectionStrings:CxDashboard", ConnectionString);
        builder.UseSetting("Database:DemoFeedbackCount", DemoFeedbackCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Elsewhere the app's own default (no demo data at start) is what the tests exercise.
        if (Environment == Environments.Development)
        {
            builder.UseSetting("Database:SeedDemoDataWhenEmpty", "false");
        }
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (_clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(_clock));
        }
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RemoteAddress(() => RemoteIpAddress)));
    }

    // Demo data the way an operator gets it outside Development: the seed-demo command's seeder, once the app has migrated.
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (SeedDemoData)
        {
            host.Services.GetRequiredService<DemoDataSeeder>().SeedAsync(DemoFeedbackCount, reset: false).GetAwaiter().GetResult();
        }
        return host;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A handle may outlive the host for a moment; the temp folder is the OS's to clean.
        }
    }

    private sealed class RemoteAddress(Func<IPAddress> address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address();
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
