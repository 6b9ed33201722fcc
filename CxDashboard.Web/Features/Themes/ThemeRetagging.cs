using CxDashboard.Domain.Themes;
using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Themes;

/// <summary>
/// Tags all stored feedback again for each active theme whose rule changed (or that was just made active),
/// in the background, one theme at a time, and says how far it has got. A save on the themes page wakes it;
/// it also looks every minute, for rules changed by another instance of the app.
/// </summary>
public sealed class ThemeRetagging(
    IDbContextFactory<CxDbContext> factory,
    ThemeTagger tagger,
    ILogger<ThemeRetagging> logger) : BackgroundService
{
    private static readonly TimeSpan LookEvery = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _wake = new(0);

    // One round at a time, whoever asks: two rounds tagging the same theme would only do the work twice.
    private readonly SemaphoreSlim _round = new(1, 1);
    private volatile RetaggingProgress _progress = RetaggingProgress.Idle;

    /// <summary>Where the tagging stands: how many themes are still to tag, how many are done, and which is being tagged.</summary>
    public RetaggingProgress Progress => _progress;

    /// <summary>Asks for the pending themes to be tagged now rather than at the next look.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await TagPendingAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Tagging feedback with the themes whose rules changed failed; it is tried again at the next look.");
                _progress = RetaggingProgress.Idle;
            }
            try
            {
                await _wake.WaitAsync(LookEvery, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Tags the stored feedback for every theme that needs it, until none does; returns how many themes were tagged.</summary>
    public async Task<int> TagPendingAsync(CancellationToken ct)
    {
        await _round.WaitAsync(ct);
        try
        {
            return await TagEachPendingAsync(ct);
        }
        finally
        {
            _round.Release();
        }
    }

    private async Task<int> TagEachPendingAsync(CancellationToken ct)
    {
        var done = 0;
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var pending = await db.Themes.AsNoTracking()
                .Where(t => t.Status == ThemeStatus.Active && (t.TaggedRule == null || t.TaggedRule != t.Rule))
                .OrderBy(t => t.Id)
                .Select(t => new { t.Id, t.Name })
                .ToListAsync(ct);
            if (pending.Count == 0)
            {
                _progress = RetaggingProgress.Idle;
                return done;
            }
            var next = pending[0];
            _progress = new RetaggingProgress(done, done + pending.Count, next.Name);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await tagger.RetagAsync(db, next.Id, ct);
            logger.LogInformation("Feedback tagged again with theme {ThemeId} in {Elapsed}.", next.Id, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            done++;
        }
    }
}
