using System.Reflection;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CxDashboard.Web.Hosting.Telemetry;

/// <summary>
/// The app's own meter always; traces, metrics and logs over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// is set (environment variable or configuration). Without it no OpenTelemetry SDK is registered, so nothing
/// samples, aggregates or exports.
/// </summary>
public static class TelemetrySetup
{
    public const string ServiceName = "CxDashboard";
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static WebApplicationBuilder AddCxTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<BreachedFollowUps>();
        builder.Services.AddSingleton<AppMetrics>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CircuitMeter>());

        // Every log line written inside a request or span says which trace it belongs to, in the JSON console's
        // scopes and in the OTLP log records.
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

        if (string.IsNullOrWhiteSpace(builder.Configuration[EndpointSetting]))
        {
            return builder;
        }

        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        builder.Services.AddOpenTelemetry()
            // OTEL_SERVICE_NAME, when set, names the service; each process gets its own instance id, so instances
            // behind one load balancer are told apart.
            .ConfigureResource(resource => resource.AddService(
                builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : ServiceName,
                serviceVersion: Version, autoGenerateServiceInstanceId: true))
            .WithTracing(tracing => tracing
                .AddSource(AppActivities.SourceName)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => IsTraced(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation(o =>
                {
                    if (!options.DatabaseStatementText)
                    {
                        o.EnrichWithIDbCommand = (activity, _) =>
                        {
                            activity.SetTag("db.query.text", null);
                            activity.SetTag("db.statement", null);
                        };
                    }
                }))
            .WithMetrics(metrics => metrics
                .AddMeter(AppMetrics.MeterName)
                // The gauge's instrument exists once its counter does; nothing else asks for it at start.
                .AddInstrumentation(sp => sp.GetRequiredService<BreachedFollowUps>())
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation())
            .WithLogging(_ => { }, o =>
            {
                o.IncludeScopes = true;
                o.IncludeFormattedMessage = true;
            })
            .UseOtlpExporter();
        return builder;
    }

    /// <summary>
    /// Requests worth a trace: not the health probe a load balancer calls every few seconds, nor the scripts,
    /// styles and fonts every page loads. Exports (<c>.xlsx</c>) and the OpenAPI document keep theirs.
    /// </summary>
    public static bool IsTraced(PathString path)
    {
        if (path.StartsWithSegments(HealthEndpoints.Path)
            || path.StartsWithSegments("/_framework")
            || path.StartsWithSegments("/_content"))
        {
            return false;
        }
        if (path.StartsWithSegments("/export") || path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi"))
        {
            return true;
        }
        return !System.IO.Path.HasExtension(path.Value);
    }

    private static string Version =>
        typeof(TelemetrySetup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
