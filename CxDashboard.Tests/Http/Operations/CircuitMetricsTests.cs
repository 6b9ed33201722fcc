using System.Diagnostics.Metrics;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Hosting.Telemetry;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Http.Operations;

public sealed class CircuitMetricsTests
{
    [Fact]
    public async Task Each_interactive_session_adds_one_open_circuit_while_it_lasts()
    {
        using var app = new AppFactory(settings: new Dictionary<string, string?> { ["Authentication:DevelopmentSignIn"] = "true" });
        using var meters = new MeterRecorder(app.Services.GetRequiredService<IMeterFactory>());
        // Blazor resolves the circuit handlers from each circuit's own scope, as here.
        using var first = app.Services.CreateScope();
        using var second = app.Services.CreateScope();
        var firstHandler = first.ServiceProvider.GetServices<CircuitHandler>().OfType<CircuitMeter>().Single();
        var secondHandler = second.ServiceProvider.GetServices<CircuitHandler>().OfType<CircuitMeter>().Single();

        await firstHandler.OnCircuitOpenedAsync(null!, CancellationToken.None);
        await secondHandler.OnCircuitOpenedAsync(null!, CancellationToken.None);
        await firstHandler.OnCircuitClosedAsync(null!, CancellationToken.None);

        var changes = meters.Of(AppMetrics.CircuitsOpenName).Select(m => m.Value).ToList();
        Assert.Equal([1, 1, -1], changes);
        Assert.Equal(1, changes.Sum());
    }
}
