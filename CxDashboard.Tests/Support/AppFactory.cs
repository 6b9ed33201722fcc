using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Support;

/// <summary>
/// The whole app in memory on its own SQLite file in a temp folder (never the developer's
/// App_Data database), migrated at start; demo data only when asked for.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("ConnectionStrings:CxDashboard", ConnectionString);
        builder.UseSetting("Database:SeedDemoDataWhenEmpty", SeedDemoData ? "true" : "false");
        builder.UseSetting("Database:DemoFeedbackCount", "500");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (_clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(_clock));
        }
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
}
