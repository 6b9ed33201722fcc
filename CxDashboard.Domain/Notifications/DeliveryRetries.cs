namespace CxDashboard.Domain.Notifications;

/// <summary>
/// How long a failed e-mail waits before its next attempt: doubling from half a minute up to a quarter of
/// an hour, so a mail server that is down for an hour is tried again within minutes of its return, and
/// given up after <see cref="MaxAttempts"/> attempts (about a day and a half).
/// </summary>
public static class DeliveryRetries
{
    public const int MaxAttempts = 150;

    private static readonly TimeSpan First = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Longest = TimeSpan.FromMinutes(15);

    /// <summary>The wait after the <paramref name="attempts"/>-th failed attempt (1 for the first).</summary>
    public static TimeSpan After(int attempts)
    {
        if (attempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(attempts), "A wait follows a failed attempt.");
        }
        // 2^5 × 30 s already passes the longest wait; shifting further would only overflow.
        var doubled = First * (1 << Math.Min(attempts - 1, 5));
        return doubled < Longest ? doubled : Longest;
    }

    public static bool IsLast(int attempts) => attempts >= MaxAttempts;
}
