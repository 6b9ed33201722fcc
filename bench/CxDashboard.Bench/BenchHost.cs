using System.Net;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Bench;

/// <summary>
/// The whole app on Kestrel at 127.0.0.1 (a free port) on the benchmark's SQLite file, in Development
/// so the development sign-in is on. It never seeds by itself: the benchmark builds the data.
/// </summary>
internal sealed class BenchHost : WebApplicationFactory<Program>
{
    private readonly string _databasePath;

    public BenchHost(string databasePath)
    {
        _databasePath = databasePath;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = _databasePath, Pooling = true, DefaultTimeout = 60 }.ToString();

    public string BaseUrl => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

    public void Start()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_databasePath)!);
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:CxDashboard", ConnectionString);
        builder.UseSetting("Database:SeedDemoDataWhenEmpty", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        // The seeder's progress (every so many rows, each index rebuilt): a seed of millions of rows runs for minutes.
        builder.UseSetting("Logging:LogLevel:CxDashboard.Web.Data.Seeding", "Information");
        // The development data-protection keys draw a warning on start: known, and it would bury the results.
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<OpenCircuits>();
            services.AddScoped<CircuitHandler, OpenCircuits.Handler>();
        });
    }

    /// <summary>The circuits the app holds, for the session benchmark.</summary>
    public OpenCircuits Circuits => Services.GetRequiredService<OpenCircuits>();
}
