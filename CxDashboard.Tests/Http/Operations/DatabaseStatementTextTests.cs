using System.Diagnostics;
using System.Text;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Features.Api;
using CxDashboard.Web.Hosting.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace CxDashboard.Tests.Http.Operations;

[Collection(OpenTelemetryPipelines.Name)]
public sealed class DatabaseStatementTextTests
{
    [Fact]
    public async Task Database_spans_carry_the_SQL_text_when_the_switch_is_on()
    {
        var limit = TimeSpan.FromSeconds(15);
        await using var collector = await OtlpReceiver.StartAsync();
        using var app = new AppFactory(settings: new Dictionary<string, string?>
        {
            ["Authentication:DevelopmentSignIn"] = "true",
            [TelemetrySetup.EndpointSetting] = collector.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["Telemetry:DatabaseStatementText"] = "true",
        });
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/feedback");
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        // An unknown key in the right format is looked up in the database.
        request.Headers.Add("X-Api-Key", ApiKeySecret.Create());

        await app.CreateClient().SendAsync(request);

        Assert.True(app.Services.GetRequiredService<TracerProvider>().ForceFlush((int)limit.TotalMilliseconds), "Traces were not flushed.");
        Assert.True(await collector.WaitForAsync("traces", Encoding.UTF8.GetBytes("SecretHash"), limit),
            "No database span with the text of the API key lookup reached the collector.");
    }
}
