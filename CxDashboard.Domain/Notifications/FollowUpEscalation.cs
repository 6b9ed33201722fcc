namespace CxDashboard.Domain.Notifications;

/// <summary>
/// When the people around a follow-up are told of it by the clock alone: its owner when four hours are left, and
/// once it breaches its SLA (still open, the customer not contacted), the owner and their team's lead at once, then the
/// heads of CX a day later if it is still open. A follow-up contacted or resolved meanwhile goes no further.
/// </summary>
public static class FollowUpEscalation
{
    public static readonly TimeSpan DueSoonWithin = TimeSpan.FromHours(4);

    public static IReadOnlyList<EscalationStep> Steps { get; } =
    [
        new(EscalationLevel.Owner, TimeSpan.Zero),
        new(EscalationLevel.TeamLead, TimeSpan.Zero),
        new(EscalationLevel.HeadOfCx, TimeSpan.FromHours(24)),
    ];

    /// <summary>How long after its breach a follow-up may still be due a step: the latest step.</summary>
    public static TimeSpan LastStep => Steps.Max(s => s.AfterBreach);
}
