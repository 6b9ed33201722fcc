using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CxDashboard.Domain.Admin;
using CxDashboard.Domain.Organisation;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Admin;
using CxDashboard.Web.Features.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CxDashboard.Tests.Http.Api;

/// <summary>A survey tool calling while the database is down or busy is told to come back later, and the operator sees why.</summary>
public sealed class ApiDatabaseOutageTests : IAsyncLifetime
{
    private readonly LoggedApp _app;
    private readonly LogSink _logs = new();
    private string _secret = null!;

    public ApiDatabaseOutageTests()
    {
        var path = Path.Combine(Path.GetTempPath(), "cxdashboard-app", Guid.NewGuid().ToString("N"), "app.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // A short busy timeout, so that a locked database fails a save within a second rather than thirty.
        _app = new LoggedApp(path, _logs);
    }

    private sealed class LoggedApp(string path, LogSink logs) : AppFactory(path, settings: new Dictionary<string, string?>
    {
        ["ConnectionStrings:CxDashboard"] = $"Data Source={path};Pooling=False;Default Timeout=1",
        ["Authentication:DevelopmentSignIn"] = "true",
    }, clock: new FakeTimeProvider(IngestionApiApp.Now))
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
        }
    }

    public async Task InitializeAsync()
    {
        _ = _app.Server;
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContextAsync();
        var team = new Team("ops", "Operations");
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        var admin = new Person("Ada Admin", "ada@example.com", team.Id);
        db.People.Add(admin);
        db.Channels.Add(new Channel("store", "Stores", team.Id, 1));
        await db.SaveChangesAsync();
        var admins = _app.Services.CreateScope().ServiceProvider.GetRequiredService<AdminService>();
        _secret = (await admins.CreateApiKeyAsync("Survey tool", ApiScopes.FeedbackWrite | ApiScopes.MetricsWrite,
            new Caller(admin.Id, admin.DisplayName, team.Id, new HashSet<string> { Roles.Admin }))).Secret;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private HttpClient Client()
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", _secret);
        return client;
    }

    private static object Batch(string externalId = "R-1") => new
    {
        items = new[]
        {
            new { externalId, receivedAt = IngestionApiApp.Now.AddHours(-1), channel = "store", source = "Review", category = "Service", verbatim = "Quick and kind." },
        },
    };

    private static async Task AssertTryLaterAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The service is briefly unavailable", problem.GetProperty("title").GetString());
        Assert.Contains("send the request again", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_database_gone_the_key_check_answers_503_with_retry_after_and_logs_the_cause()
    {
        // The file is replaced by a folder of the same name: every new connection fails to open it.
        foreach (var file in new[] { "", "-wal", "-shm" }.Select(suffix => _app.DatabasePath + suffix).Where(File.Exists))
        {
            File.Delete(file);
        }
        Directory.CreateDirectory(_app.DatabasePath);

        var feedback = await Client().PostAsJsonAsync("/api/feedback", Batch());
        var values = await Client().PostAsJsonAsync("/api/metrics/NPS/values", new { values = new[] { new { period = "2026-Q3", value = 41.0 } } });

        await AssertTryLaterAsync(feedback);
        await AssertTryLaterAsync(values);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Error && e.Exception is SqliteException { SqliteErrorCode: 14 }
            && e.Message.Contains("/api/feedback", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_save_the_busy_database_cannot_take_answers_503_and_stores_nothing()
    {
        // A first delivery while all is well, so the key's last use is recorded and the key check only reads.
        Assert.Equal(HttpStatusCode.OK, (await Client().PostAsJsonAsync("/api/feedback", Batch("R-0"))).StatusCode);
        await using var writer = new SqliteConnection($"Data Source={_app.DatabasePath};Pooling=False");
        await writer.OpenAsync();
        await using (var begin = writer.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync();
        }

        var response = await Client().PostAsJsonAsync("/api/feedback", Batch());

        await AssertTryLaterAsync(response);
        await using (var rollback = writer.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync();
        }
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContextAsync();
        Assert.Equal(["R-0"], await db.Feedback.Select(f => f.ExternalId).ToListAsync());
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("answered 503", StringComparison.Ordinal)
            && e.Exception?.ToString().Contains("database is locked", StringComparison.Ordinal) == true);
    }

    private sealed class LogSink : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(LogSink sink) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                sink.Entries.Enqueue((logLevel, formatter(state, exception), exception));
        }
    }
}
