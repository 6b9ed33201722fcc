using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Features.Notifications;

/// <summary>Runs the <see cref="NotificationSweep"/> once a minute (by default) while the app runs, on every instance.</summary>
public sealed class NotificationSweepWorker(NotificationSweep sweep, IOptions<NotificationSweepOptions> options, TimeProvider clock,
    ILogger<NotificationSweepWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.IntervalSeconds == 0)
        {
            return;
        }
        var interval = TimeSpan.FromSeconds(options.Value.IntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await sweep.SweepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be away for a while; the next sweep catches up on what this one missed.
                logger.LogError(ex, "The notification sweep failed; trying again at the next one.");
            }
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
