namespace CxDashboard.Domain.Notifications;

/// <summary>One step of a breached follow-up's escalation: who is told, how long after the breach, if it is still open then.</summary>
public readonly record struct EscalationStep(EscalationLevel Level, TimeSpan AfterBreach);
