namespace CxDashboard.Web.Hosting.Telemetry;

/// <summary>What the traces may carry (section <c>Telemetry</c>); where they go is the standard <c>OTEL_*</c> settings.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>
    /// Whether database spans carry the SQL text. Off by default: the statements name every table and filter,
    /// and a trace store is usually open to more people than the database.
    /// </summary>
    public bool DatabaseStatementText { get; set; }
}
