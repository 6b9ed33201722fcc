using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CxDashboard.Web.Hosting.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Support;

/// <summary>One measurement of the app's meter, with its tags.</summary>
public sealed record Measured(string Instrument, long Value, IReadOnlyDictionary<string, object?> Tags);

/// <summary>
/// Records what the <c>CxDashboard</c> meter of one meter factory reports. Meters from another factory (another
/// test's app running at the same time) are not heard.
/// </summary>
public sealed class MeterRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measured> _measured = new();

    public MeterRecorder(IMeterFactory meterFactory)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == AppMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meterFactory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>A meter factory of its own, for services built without a host.</summary>
    public static IMeterFactory NewMeterFactory() =>
        new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    public IReadOnlyList<Measured> Of(string instrument) => _measured.Where(m => m.Instrument == instrument).ToList();

    /// <summary>Asks the observable instruments for their values now, as an exporter's collection would.</summary>
    public void Collect() => _listener.RecordObservableInstruments();

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _measured.Enqueue(new Measured(instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
}
