namespace CxDashboard.Domain.Notifications;

/// <summary>Who a breached follow-up is told to, in the order they hear of it.</summary>
public enum EscalationLevel
{
    /// <summary>The follow-up's owner.</summary>
    Owner = 0,

    /// <summary>The lead of the owner's team and the lead of the team that answers for the feedback's channel (usually one person).</summary>
    TeamLead = 1,

    /// <summary>Every head of CX.</summary>
    HeadOfCx = 2,
}
