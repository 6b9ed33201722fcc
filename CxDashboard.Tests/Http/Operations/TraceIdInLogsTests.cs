using System.Collections.Concurrent;
using System.Diagnostics;
using CxDashboard.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CxDashboard.Tests.Http.Operations;

public sealed class TraceIdInLogsTests
{
    [Fact]
    public async Task A_line_logged_during_a_request_carries_the_request_trace_id_and_span_id_in_its_scope()
    {
        var logs = new CapturedLogs();
        using var factory = new AppFactory(settings: new Dictionary<string, string?>
        {
            ["Authentication:DevelopmentSignIn"] = "true",
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        });
        using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/me");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        await app.CreateClient().SendAsync(request);

        var line = Assert.Single(logs.Lines, l => l.Message.StartsWith("Request starting", StringComparison.Ordinal) && l.Message.Contains("/account/me"));
        Assert.Equal(traceId, line.Scope.GetValueOrDefault("TraceId"));
        Assert.Matches("^[0-9a-f]{16}$", line.Scope.GetValueOrDefault("SpanId") ?? "");
    }

    private sealed record Line(string Message, IReadOnlyDictionary<string, string?> Scope);

    /// <summary>Keeps every line with the values of its scopes, as the JSON console writes them.</summary>
    private sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<Line> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLogs owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = new Dictionary<string, string?>();
                owner._scopes.ForEachScope((scope, into) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        foreach (var (key, value) in pairs)
                        {
                            into[key] = value?.ToString();
                        }
                    }
                }, values);
                owner.Lines.Enqueue(new Line(formatter(state, exception), values));
            }
        }
    }
}
