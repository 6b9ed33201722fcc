using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CxDashboard.Tests.Http.Auth;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Seeding;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

namespace CxDashboard.Tests.Browser;

/// <summary>
/// The production shape on one machine: two instances of the app (Production environment, signing in at an
/// OpenID Connect provider) on one SQLite database, sharing their data-protection keys there, encrypted with
/// one certificate; Debian's nginx in front of them with docs/deploy/nginx.conf, ending TLS; and a headless
/// Chromium. Everything stops when the test class is done.
/// </summary>
public sealed class ReverseProxyFixture : IAsyncLifetime
{
    private const string CertificatePassword = "data-protection-test";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cxdashboard-proxy", Guid.NewGuid().ToString("N"));
    private readonly ServerLogFile _log = new(Path.Combine(ServerLogFile.Folder, $"{DateTime.UtcNow:HHmmss}-proxy-{Guid.NewGuid():N}.log"));
    private IPlaywright? _playwright;

    public TestIdentityProvider IdentityProvider { get; } = new();
    public List<AppInstance> Instances { get; } = [];
    public Nginx Proxy { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl => $"https://127.0.0.1:{Proxy.HttpsPort}";

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFactAttribute.ChromiumPath) || !File.Exists(Nginx.ExecutablePath))
        {
            return;
        }
        Directory.CreateDirectory(_folder);
        Directory.CreateDirectory(ServerLogFile.Folder);
        await IdentityProvider.InitializeAsync();

        var connectionString = $"Data Source={Path.Combine(_folder, "shared.db")}";
        await PrepareDatabaseAsync(connectionString);
        var dataProtectionCertificate = WriteDataProtectionCertificate();
        for (var i = 1; i <= 2; i++)
        {
            Instances.Add(AppInstance.Start($"instance {i}", _log, new Dictionary<string, string>
            {
                ["ConnectionStrings:CxDashboard"] = connectionString,
                ["DataProtection:CertificatePath"] = dataProtectionCertificate,
                ["DataProtection:CertificatePassword"] = CertificatePassword,
                ["Authentication:Oidc:Authority"] = IdentityProvider.Authority.ToString(),
                ["Authentication:Oidc:ClientId"] = TestIdentityProvider.ClientId,
                ["Authentication:Oidc:ClientSecret"] = TestIdentityProvider.ClientSecret,
                ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
            }));
        }

        var (certificatePem, keyPem) = WriteTlsCertificate();
        Proxy = await Nginx.StartAsync(Path.Combine(_folder, "nginx"), Instances.Select(i => i.Address).ToList(), certificatePem, keyPem);
        IdentityProvider.AppAddress = new Uri(BaseUrl);

        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            // nginx presents a certificate made for this test.
            IgnoreHTTPSErrors = true,
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>Migrated and filled with a small demo retailer before either instance starts, as a deployment's migrate step would.</summary>
    private static async Task PrepareDatabaseAsync(string connectionString)
    {
        var options = new DbContextOptionsBuilder<SqliteCxDbContext>().UseSqlite(connectionString).Options;
        var factory = new OneDatabase(options);
        await using (var db = factory.CreateDbContext())
        {
            await DatabaseSetup.MigrateAsync(db, NullLogger.Instance);
        }
        await new DemoDataSeeder(factory, TimeProvider.System, NullLogger<DemoDataSeeder>.Instance).SeedAsync(300, reset: false);
    }

    private string WriteDataProtectionCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=CX Dashboard data protection", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100));
        var path = Path.Combine(_folder, "data-protection.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, CertificatePassword));
        return path;
    }

    private (string CertificatePem, string KeyPem) WriteTlsCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100));
        var certificatePem = Path.Combine(_folder, "proxy.pem");
        var keyPem = Path.Combine(_folder, "proxy.key");
        File.WriteAllText(certificatePem, certificate.ExportCertificatePem());
        File.WriteAllText(keyPem, key.ExportPkcs8PrivateKeyPem());
        return (certificatePem, keyPem);
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.CloseAsync();
            _playwright.Dispose();
        }
        if (Proxy is not null)
        {
            _log.Write("nginx error log:" + Environment.NewLine + Proxy.ErrorLog);
            Proxy.Dispose();
        }
        foreach (var instance in Instances)
        {
            await instance.DisposeAsync();
        }
        await IdentityProvider.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is the OS's to clean.
        }
    }

    private sealed class OneDatabase(DbContextOptions<SqliteCxDbContext> options) : IDbContextFactory<CxDbContext>
    {
        public CxDbContext CreateDbContext() => new SqliteCxDbContext(options);
    }
}

/// <summary>One instance of the app on Kestrel at 127.0.0.1 (a free port), counting the page connections it served.</summary>
public sealed class AppInstance : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;
    private int _pageConnections;

    private AppInstance(string name, WebApplicationFactory<Program> factory)
    {
        Name = name;
        _factory = factory;
    }

    public string Name { get; }
    public Uri Address { get; private set; } = null!;
    public bool Stopped { get; private set; }

    /// <summary>Requests to Blazor's hub (<c>/_blazor</c>): an open page talks only to the instance that holds its circuit.</summary>
    public int PageConnections => Volatile.Read(ref _pageConnections);

    public void ForgetPageConnections() => Interlocked.Exchange(ref _pageConnections, 0);

    public static AppInstance Start(string name, ServerLogFile log, IReadOnlyDictionary<string, string> settings)
    {
        AppInstance? instance = null;
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            // A published app serves its assets from its own wwwroot; from the build output they are found this way.
            builder.UseStaticWebAssets();
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
            // A stopped instance lets go of its pages at once, as one that crashed would.
            builder.UseShutdownTimeout(TimeSpan.FromSeconds(2));
            builder.ConfigureLogging(logging => logging.AddProvider(log));
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new CountPageConnections(() => instance!)));
        });
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        instance = new AppInstance(name, factory);
        factory.StartServer();
        instance.Address = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return instance;
    }

    public async Task StopAsync()
    {
        Stopped = true;
        await _factory.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!Stopped)
        {
            await StopAsync();
        }
    }

    public override string ToString() => $"{Name} at {Address}";

    private sealed class CountPageConnections(Func<AppInstance> instance) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Path.StartsWithSegments("/_blazor"))
                {
                    Interlocked.Increment(ref instance()._pageConnections);
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
