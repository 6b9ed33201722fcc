using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Features.Notifications;

/// <summary>
/// Looks at the e-mail queue every few seconds while the app runs, when e-mail is sent at all; makes the daily digests
/// once their hour has come, and sends them.
/// </summary>
public sealed class EmailOutboxWorker(EmailOutbox outbox, DailyDigest digest, EmailDelivery delivery, IOptions<EmailOptions> options, TimeProvider clock,
    ILogger<EmailOutboxWorker> logger) : BackgroundService
{
    /// <summary>Names this instance in the leases it takes: the machine and the process.</summary>
    public static string Instance { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!delivery.Sends)
        {
            return;
        }
        var interval = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await digest.MakeDueAsync(stoppingToken);
                // A full batch suggests more are waiting: take the next at once.
                var sent = await outbox.SendDueAsync(Instance, stoppingToken) + await digest.SendDueAsync(Instance, stoppingToken);
                if (sent >= EmailOutbox.BatchSize)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be away for a while; the queue is still there when it is back.
                logger.LogError(ex, "The e-mail queue could not be read; trying again shortly.");
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
