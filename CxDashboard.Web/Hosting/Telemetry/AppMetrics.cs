using System.Diagnostics.Metrics;

namespace CxDashboard.Web.Hosting.Telemetry;

/// <summary>How feedback reached the app: the <c>cxdashboard.feedback.via</c> tag.</summary>
public enum FeedbackArrival
{
    Api,
    Import,
    Recorded,
}

/// <summary>
/// The app's own instruments on the <c>CxDashboard</c> meter. The meter comes from the host's
/// <see cref="IMeterFactory"/>, so each host (and each test app) counts on its own.
/// </summary>
public sealed class AppMetrics
{
    public const string MeterName = "CxDashboard";
    public const string FeedbackIngestedName = "cxdashboard.feedback.ingested";
    public const string ExportsName = "cxdashboard.exports";
    public const string ExportRowsName = "cxdashboard.export.rows";
    public const string CircuitsOpenName = "cxdashboard.circuits.open";
    public const string FollowUpsBreachedName = "cxdashboard.followups.breached";
    public const string ViaTag = "cxdashboard.feedback.via";
    public const string ListTag = "cxdashboard.export.list";

    private readonly Counter<long> _feedbackIngested;
    private readonly Counter<long> _exports;
    private readonly Histogram<long> _exportRows;
    private readonly UpDownCounter<int> _circuitsOpen;

    public AppMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _feedbackIngested = meter.CreateCounter<long>(FeedbackIngestedName, "{item}",
            "Feedback items stored, by how they arrived (api, import, recorded).");
        _exports = meter.CreateCounter<long>(ExportsName, "{export}", "Excel exports handed out, by list.");
        _exportRows = meter.CreateHistogram<long>(ExportRowsName, "{row}", "Rows in each Excel export, by list.",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [0, 10, 100, 1_000, 10_000, 100_000, 1_000_000] });
        _circuitsOpen = meter.CreateUpDownCounter<int>(CircuitsOpenName, "{circuit}",
            "Interactive sessions (Blazor circuits) this instance holds, connected or kept for a reconnect.");
    }

    public void FeedbackIngested(FeedbackArrival via, int count)
    {
        if (count > 0)
        {
            _feedbackIngested.Add(count, new KeyValuePair<string, object?>(ViaTag, Tag(via)));
        }
    }

    public void Exported(string list, long rows)
    {
        var tag = new KeyValuePair<string, object?>(ListTag, list);
        _exports.Add(1, tag);
        _exportRows.Record(rows, tag);
    }

    public void CircuitOpened() => _circuitsOpen.Add(1);

    public void CircuitClosed() => _circuitsOpen.Add(-1);

    private static string Tag(FeedbackArrival via) => via switch
    {
        FeedbackArrival.Api => "api",
        FeedbackArrival.Import => "import",
        _ => "recorded",
    };
}
