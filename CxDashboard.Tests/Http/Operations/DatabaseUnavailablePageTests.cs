using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxDashboard.Tests.Http.Operations;

/// <summary>
/// A signed-in person opening pages after the database file has become unreadable (replaced by
/// something that is not a database) while the app runs.
/// </summary>
public sealed class DatabaseUnavailablePageTests : IDisposable
{
    private readonly App _app = new();

    public DatabaseUnavailablePageTests()
    {
        // Started (and migrated) while the database is still good.
        _app.CreateClient();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            File.Delete(_app.DatabasePath + suffix);
        }
        File.WriteAllText(_app.DatabasePath, new string('x', 8192));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/metrics")]
    [InlineData("/friction")]
    public async Task A_signed_in_page_says_the_database_is_unavailable_instead_of_a_blank_error(string path)
    {
        var response = await _app.CreateClient().GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}.");
        Assert.Contains("The database is unavailable", html);
        Assert.Contains("try again", html);
    }

    [Fact]
    public async Task The_failure_is_logged_with_the_database_error_that_caused_it()
    {
        await _app.CreateClient().GetAsync("/metrics");

        Assert.Contains(_app.Logged, entry => entry.Level >= LogLevel.Warning && entry.Exception is not null
            && Flatten(entry.Exception).Any(e => e is SqliteException { SqliteErrorCode: 26 }));
    }

    private static IEnumerable<Exception> Flatten(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }

    public void Dispose() => _app.Dispose();

    private sealed class App() : AppFactory(settings: new Dictionary<string, string?>
    {
        // Outside Development the app starts only with an identity provider configured; the test scheme signs people in.
        ["Authentication:Oidc:Authority"] = "https://login.example.test/tenant/",
        ["Authentication:Oidc:ClientId"] = "cx-dashboard",
    })
    {
        public ConcurrentQueue<(LogLevel Level, Exception? Exception)> Logged { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddAuthentication(TestSignIn.Name).AddScheme<AuthenticationSchemeOptions, TestSignIn>(TestSignIn.Name, _ => { });
                services.AddSingleton<ILoggerProvider>(new QueueLoggerProvider(Logged));
            });
        }
    }

    private sealed class QueueLoggerProvider(ConcurrentQueue<(LogLevel, Exception?)> logged) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logged.Enqueue((logLevel, exception));

        public void Dispose()
        {
        }
    }

    private sealed class TestSignIn(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string Name = "DatabaseDownTest";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var identity = new ClaimsIdentity(
                [new Claim("name", "Dana Executive"), new Claim("sub", "dana"), new Claim("roles", Roles.Executive)], Name);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Name)));
        }
    }
}
