using System.Collections.Concurrent;
using System.Net;
using CxDashboard.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace CxDashboard.Tests.Browser;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 (a free port), with the development sign-in and a fresh
/// SQLite database filled with demo data, plus a headless Chromium driven by Playwright. Both stop
/// when the test class is done.
/// </summary>
public sealed class AppServerFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cxdashboard-browser", Guid.NewGuid().ToString("N"));
    private readonly ServerLogFile _log = new(Path.Combine(ServerLogFile.Folder, $"{DateTime.UtcNow:HHmmss}-{Guid.NewGuid():N}.log"));
    private readonly ConcurrentQueue<string> _contentSecurityPolicyViolations = new();
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = string.Empty;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots of the pages the tests open are kept, to be looked at.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFactAttribute.ChromiumPath))
        {
            return;
        }
        Directory.CreateDirectory(_folder);
        Directory.CreateDirectory(ScreenshotFolder);
        Directory.CreateDirectory(ServerLogFile.Folder);
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:CxDashboard", $"Data Source={Path.Combine(_folder, "browser.db")}");
            builder.UseSetting("Database:DemoFeedbackCount", "2000");
            // Open pages re-check their rights every few seconds instead of minutes, so a test can watch a revoked grant land.
            builder.UseSetting("Authentication:RevalidationInterval", "00:00:03");
            // The demo's follow-ups fall due by the real clock; a sweep during a test would change the bell's count under it.
            builder.UseSetting("Notifications:Sweep:IntervalSeconds", "0");
            builder.ConfigureLogging(logging => logging.AddProvider(_log));
        });
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        _factory = factory;
        BaseUrl = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First().TrimEnd('/');

        // Two shared cores under a full test run: give the page time before an expectation fails.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.ChromiumPath,
            Headless = true,
            Args = ChromiumArguments,
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
        });
        context.SetDefaultTimeout(20_000);
        // Chromium reports what the Content-Security-Policy blocked on the console; the tests' classes fail on any.
        context.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                _contentSecurityPolicyViolations.Enqueue($"{message.Page?.Url}: {message.Text}");
            }
        };
        return await context.NewPageAsync();
    }

    public bool HasContentSecurityPolicyViolations => !_contentSecurityPolicyViolations.IsEmpty;

    /// <summary>What the Content-Security-Policy refused since the last call, emptying the list.</summary>
    public IReadOnlyList<string> TakeContentSecurityPolicyViolations()
    {
        var taken = new List<string>();
        while (_contentSecurityPolicyViolations.TryDequeue(out var violation))
        {
            taken.Add(violation);
        }
        return taken;
    }

    /// <summary>Fails the test that just ran when any page it opened broke the Content-Security-Policy.</summary>
    public void AssertNoContentSecurityPolicyViolations()
    {
        var violations = TakeContentSecurityPolicyViolations();
        if (violations.Count > 0)
        {
            throw new Xunit.Sdk.XunitException("The Content-Security-Policy refused something a page needs:" + Environment.NewLine
                + string.Join(Environment.NewLine, violations));
        }
    }

    /// <summary>
    /// Where each page was when its test ended, with any message or error it showed, into the log file: a test
    /// that failed leaves its pages where they stopped.
    /// </summary>
    private async Task RecordWherePagesWereLeftAsync()
    {
        foreach (var page in Browser.Contexts.SelectMany(c => c.Pages))
        {
            try
            {
                var shown = await page.Locator(".mud-alert, .mud-snackbar, #blazor-error-ui[style*='block']").AllInnerTextsAsync();
                _log.Write($"{DateTime.UtcNow:HH:mm:ss.fff} Page left at {page.Url}{string.Concat(shown.Select(t => Environment.NewLine + "  shows: " + t.ReplaceLineEndings(" ")))}");
            }
            catch (PlaywrightException ex)
            {
                _log.Write($"{DateTime.UtcNow:HH:mm:ss.fff} Page at {page.Url} could not be read: {ex.Message}");
            }
        }
    }

    /// <summary>A context on the app's own database, to compare what a page shows with what is stored.</summary>
    public CxDbContext CreateDbContext() =>
        _factory!.Services.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContext();

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await RecordWherePagesWereLeftAsync();
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is the OS's to clean.
        }
    }
}
