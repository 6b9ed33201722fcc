using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CxDashboard.Bench;

/// <summary>
/// How many circuits the app under test holds (connected, or disconnected and still kept for a reconnect), so the
/// session benchmark knows how many pages opened one and can wait for the last of them to be released.
/// </summary>
internal sealed class OpenCircuits
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Waits until no circuit is held, or <paramref name="limit"/> has passed; says whether none is left.</summary>
    public async Task<bool> WaitForNoneAsync(TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        while (Count > 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(250);
        }
        return Count == 0;
    }

    /// <summary>Registered per circuit, as Blazor resolves circuit handlers; counts into the one shared tally.</summary>
    public sealed class Handler(OpenCircuits tally) : CircuitHandler
    {
        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref tally._count);
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Decrement(ref tally._count);
            return Task.CompletedTask;
        }
    }
}
