using System.Diagnostics;
using System.Text;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Features.Api;
using CxDashboard.Web.Hosting.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CxDashboard.Tests.Http.Operations;

[Collection(OpenTelemetryPipelines.Name)]
public sealed class OpenTelemetryExportTests : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    private OtlpReceiver _collector = null!;
    private AppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _collector = await OtlpReceiver.StartAsync();
        _app = new AppFactory(settings: new Dictionary<string, string?>
        {
            ["Authentication:DevelopmentSignIn"] = "true",
            [TelemetrySetup.EndpointSetting] = _collector.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            // The request lines are logged at Information, so a request writes a log record to export.
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        });
        _ = _app.Server;
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _collector.DisposeAsync();
    }

    private static (string Header, byte[] TraceId) NewTrace()
    {
        var traceId = ActivityTraceId.CreateRandom();
        return ($"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01", Convert.FromHexString(traceId.ToHexString()));
    }

    private Task GetAsync(string path, string traceparent) => SendAsync(HttpMethod.Get, path, traceparent);

    private async Task SendAsync(HttpMethod method, string path, string traceparent, string? apiKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("traceparent", traceparent);
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }
        await _app.CreateClient().SendAsync(request);
    }

    // An unknown key in the right format is looked up in the database: the request has a database span.
    private async Task<IReadOnlyList<byte[]>> TraceOfApiKeyLookupAsync()
    {
        var (traceparent, traceId) = NewTrace();
        await SendAsync(HttpMethod.Post, "/api/feedback", traceparent, ApiKeySecret.Create());
        Assert.True(_app.Services.GetRequiredService<TracerProvider>().ForceFlush((int)Limit.TotalMilliseconds), "Traces were not flushed.");
        Assert.True(await _collector.WaitForAsync("traces", traceId, Limit), "No trace of the API request reached the collector.");
        return _collector.Bodies("traces").Where(b => b.AsSpan().IndexOf(traceId) >= 0).ToList();
    }

    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    [Fact]
    public async Task A_request_is_sent_to_the_collector_as_a_trace_of_the_CxDashboard_service_with_its_log_lines()
    {
        var (traceparent, traceId) = NewTrace();

        await GetAsync("/account/me", traceparent);

        Assert.True(_app.Services.GetRequiredService<TracerProvider>().ForceFlush((int)Limit.TotalMilliseconds), "Traces were not flushed.");
        Assert.True(await _collector.WaitForAsync("traces", traceId, Limit), "No trace of the request reached the collector.");
        Assert.Contains(_collector.Bodies("traces"), b => b.AsSpan().IndexOf(Encoding.UTF8.GetBytes(TelemetrySetup.ServiceName)) >= 0);

        Assert.True(_app.Services.GetRequiredService<LoggerProvider>().ForceFlush((int)Limit.TotalMilliseconds), "Logs were not flushed.");
        Assert.True(await _collector.WaitForAsync("logs", traceId, Limit), "No log record of the request, with its trace id, reached the collector.");

        Assert.True(_app.Services.GetRequiredService<MeterProvider>().ForceFlush((int)Limit.TotalMilliseconds), "Metrics were not flushed.");
        Assert.True(await _collector.WaitForAsync("metrics", Encoding.UTF8.GetBytes("http.server.request.duration"), Limit),
            "The request duration metric did not reach the collector.");
    }

    [Fact]
    public async Task Health_probes_are_not_traced()
    {
        var (probe, probeTraceId) = NewTrace();
        var (page, pageTraceId) = NewTrace();

        await GetAsync("/health", probe);
        await GetAsync("/account/me", page);

        Assert.True(_app.Services.GetRequiredService<TracerProvider>().ForceFlush((int)Limit.TotalMilliseconds), "Traces were not flushed.");
        Assert.True(await _collector.WaitForAsync("traces", pageTraceId, Limit), "No trace of the page request reached the collector.");
        Assert.DoesNotContain(_collector.Bodies("traces"), b => b.AsSpan().IndexOf(probeTraceId) >= 0);
    }

    [Fact]
    public async Task Database_spans_reach_the_collector_without_the_SQL_text_by_default()
    {
        var trace = await TraceOfApiKeyLookupAsync();

        Assert.Contains(trace, b => Contains(b, "sqlite"));
        Assert.DoesNotContain(trace, b => Contains(b, "SecretHash") || Contains(b, "SELECT"));
    }

    [Fact]
    public void Without_a_collector_endpoint_no_OpenTelemetry_pipeline_is_registered()
    {
        using var app = new AppFactory(settings: new Dictionary<string, string?> { ["Authentication:DevelopmentSignIn"] = "true" });

        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
        Assert.Null(app.Services.GetService<LoggerProvider>());
    }
}
