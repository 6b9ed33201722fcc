using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CxDashboard.Web.Hosting.Telemetry;

/// <summary>Counts circuits into <c>cxdashboard.circuits.open</c>; Blazor resolves one handler per circuit.</summary>
internal sealed class CircuitMeter(AppMetrics metrics) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitOpened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitClosed();
        return Task.CompletedTask;
    }
}
