using System.Diagnostics;

namespace CxDashboard.Bench;

/// <summary>Median and 95th percentile of repeated runs, in milliseconds.</summary>
internal sealed record Timings(double Median, double P95, int Runs)
{
    public static Timings Of(IReadOnlyCollection<double> samples)
    {
        var sorted = samples.Order().ToArray();
        var p95Index = Math.Clamp((int)Math.Ceiling(0.95 * sorted.Length) - 1, 0, sorted.Length - 1);
        var mid = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return new Timings(median, sorted[p95Index], sorted.Length);
    }
}

internal static class Timing
{
    public const int WarmUps = 3;

    /// <summary>
    /// Runs the app's path and its floor alternately (after warm-ups of both), so a burst of load from
    /// another process on the shared machine falls on both rather than on one.
    /// </summary>
    public static async Task<(Timings App, Timings Floor)> PairAsync(Func<Task> app, Func<Task> floor, int runs, int warmUps = WarmUps)
    {
        for (var i = 0; i < warmUps; i++)
        {
            await app();
            await floor();
        }
        var appSamples = new List<double>(runs);
        var floorSamples = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            appSamples.Add(await TimeAsync(app));
            floorSamples.Add(await TimeAsync(floor));
        }
        return (Timings.Of(appSamples), Timings.Of(floorSamples));
    }

    public static async Task<double> TimeAsync(Func<Task> action)
    {
        var started = Stopwatch.GetTimestamp();
        await action();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}
