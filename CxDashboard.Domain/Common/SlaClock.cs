namespace CxDashboard.Domain.Common;

/// <summary>A promise to act within a number of hours from a start instant (UTC).</summary>
public readonly record struct SlaClock(DateTime StartedAt, TimeSpan Allowed)
{
    public static readonly TimeSpan DefaultFollowUp = TimeSpan.FromHours(48);

    public DateTime DueAt => StartedAt + Allowed;

    public bool IsOverdue(DateTime now, DateTime? metAt = null) => (metAt ?? now) > DueAt;

    public TimeSpan Remaining(DateTime now) => DueAt - now;
}
