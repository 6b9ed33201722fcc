using System.Diagnostics.Metrics;
using CxDashboard.Domain.Feedback;
using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Hosting.Telemetry;

/// <summary>
/// The count behind <c>cxdashboard.followups.breached</c>. A follow-up breaches its SLA by time passing, not by
/// anything the app does, so the count is a database query; a collection reads the last count and, when that
/// is a minute old, starts the next one in the background. Nothing is queried while nobody collects metrics.
/// </summary>
public sealed class BreachedFollowUps
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromMinutes(1);

    private readonly IDbContextFactory<CxDbContext> _dbFactory;
    private readonly TimeProvider _clock;
    private readonly ILogger<BreachedFollowUps> _logger;
    private readonly Lock _gate = new();
    private int? _count;
    private DateTimeOffset? _countedAt;
    private Task _counting = Task.CompletedTask;

    public BreachedFollowUps(IMeterFactory meterFactory, IDbContextFactory<CxDbContext> dbFactory, TimeProvider clock,
        ILogger<BreachedFollowUps> logger)
    {
        (_dbFactory, _clock, _logger) = (dbFactory, clock, logger);
        meterFactory.Create(AppMetrics.MeterName).CreateObservableGauge(AppMetrics.FollowUpsBreachedName, Observe, "{follow_up}",
            "Open follow-ups past their due time, counted at most once a minute.");
    }

    private IEnumerable<Measurement<int>> Observe()
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            if (_counting.IsCompleted && (_countedAt is not { } at || now - at >= RefreshEvery))
            {
                _countedAt = now;
                _counting = CountAsync(now.UtcDateTime);
            }
            return _count is { } count ? [new Measurement<int>(count)] : [];
        }
    }

    /// <summary>The count in progress, if any: tests wait on it instead of waiting for time to pass.</summary>
    internal Task Counting
    {
        get
        {
            lock (_gate)
            {
                return _counting;
            }
        }
    }

    private async Task CountAsync(DateTime now)
    {
        // Off the collector's thread: an export cycle never waits on the database.
        await Task.Yield();
        try
        {
            await using var db = await _dbFactory.CreateDbContextAsync();
            var count = await db.Feedback.CountAsync(f => f.FollowUpStatus == FollowUpStatus.Open && f.FollowUpDueAt < now);
            lock (_gate)
            {
                _count = count;
            }
        }
        catch (Exception ex)
        {
            // A metric must not take the app down; the last count stays until the next attempt.
            _logger.LogWarning(ex, "Could not count the follow-ups past their due time.");
        }
    }
}
