using System.Diagnostics;

namespace CxDashboard.Web.Hosting.Telemetry;

/// <summary>
/// Spans for work that no request span covers: a CSV import runs inside an interactive session, where the
/// only request is the long-lived circuit connection.
/// </summary>
public static class AppActivities
{
    public const string SourceName = "CxDashboard";

    public static readonly ActivitySource Source = new(SourceName);
}
