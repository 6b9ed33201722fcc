using System.Collections.Concurrent;

namespace CxDashboard.Web.Features.Dashboard;

/// <summary>
/// The dashboard sections' figures, each computed at most once a minute for the same question. A section's
/// aggregates read hundreds of thousands of rows at full scale, and on a Monday morning every head of CX and
/// executive opens the same quarter: the first visit computes, everyone within the minute is served that result,
/// and visits that arrive while it is being computed wait for the same computation instead of starting their own.
/// The home tiles are cheap counts and stay live.
/// </summary>
public sealed class DashboardFigures(TimeProvider time)
{
    /// <summary>How long a computed figure is served before the next visit computes it again.</summary>
    public static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(1);

    // The questions are bounded (a section × a quarter offered × a channel); stale ones are dropped past this.
    private const int TidyAbove = 1_000;

    private readonly ConcurrentDictionary<object, Entry> _entries = new();

    /// <summary>
    /// The figure for <paramref name="key"/> (a value with equality: the section and its parameters), computed by
    /// <paramref name="compute"/> unless a fresh one is at hand. A failed computation is not kept. The computation is
    /// not cancelled when this caller stops waiting, since others may be waiting for it too.
    /// </summary>
    public async Task<T> GetAsync<T>(object key, Func<CancellationToken, Task<T>> compute, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var entry = _entries.AddOrUpdate(
            key,
            _ => Entry.Start(now, compute),
            (_, current) => current.IsFreshAt(now) ? current : Entry.Start(now, compute));
        if (_entries.Count > TidyAbove)
        {
            Tidy(now);
        }
        return (T)(await entry.Result.Value.WaitAsync(cancellationToken))!;
    }

    private void Tidy(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (!entry.IsFreshAt(now))
            {
                _entries.TryRemove(KeyValuePair.Create(key, entry));
            }
        }
    }

    private sealed record Entry(DateTimeOffset Started, Lazy<Task<object?>> Result)
    {
        // Lazy: when two visits race to start the same figure, only the entry that is kept ever runs its computation.
        public static Entry Start<T>(DateTimeOffset now, Func<CancellationToken, Task<T>> compute) =>
            new(now, new Lazy<Task<object?>>(async () => await compute(CancellationToken.None)));

        public bool IsFreshAt(DateTimeOffset now)
        {
            if (now - Started >= FreshFor)
            {
                return false;
            }
            // One still running is fresh (wait for it); one that failed or was cancelled is computed again.
            return !Result.IsValueCreated || !Result.Value.IsCompleted || Result.Value.IsCompletedSuccessfully;
        }
    }
}
