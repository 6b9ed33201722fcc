using System.ComponentModel.DataAnnotations;

namespace CxDashboard.Web.Features.Notifications;

/// <summary>The <c>Notifications:Sweep</c> configuration section: how often the clock's notifications are looked for.</summary>
public sealed class NotificationSweepOptions
{
    public const string Section = "Notifications:Sweep";

    /// <summary>
    /// Seconds between two sweeps; 0 turns the sweep off on this instance (another instance may still run it). The default
    /// leaves room for the e-mail queue's poll and the send, so a breach reaches its people within a minute.
    /// </summary>
    [Range(0, 3600, ErrorMessage = "Notifications:Sweep:IntervalSeconds must be between 0 (off) and 3600.")]
    public int IntervalSeconds { get; set; } = 30;
}
