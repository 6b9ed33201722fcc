namespace CxDashboard.Domain.Notifications;

/// <summary>What a person is told about. Stored as a number: never renumber.</summary>
public enum NotificationKind
{
    /// <summary>A detractor or complaint whose follow-up was given to the person, on arrival or by reassignment.</summary>
    FollowUpAssigned = 1,

    /// <summary>An action given to the person, when it is created or reassigned.</summary>
    ActionAssigned = 2,

    /// <summary>A detractor or complaint arrived in the person's channel or team, whoever follows it up.</summary>
    DetractorInMyArea = 3,

    /// <summary>A follow-up of the person's falls due within four hours.</summary>
    FollowUpDueSoon = 4,

    /// <summary>A follow-up breached its SLA: told to its owner, then escalated to the team's lead and the head of CX while it stays breached.</summary>
    FollowUpBreached = 5,

    /// <summary>An action of the person's is due tomorrow.</summary>
    ActionDueTomorrow = 6,

    /// <summary>An action of the person's is overdue.</summary>
    ActionOverdue = 7,

    /// <summary>A friction issue was raised for the person's team or asks the team to contribute.</summary>
    FrictionIssueForMyTeam = 8,

    /// <summary>A friction issue the person's team owns or contributes to moved to another state.</summary>
    FrictionIssueMoved = 9,

    /// <summary>A metric's sign-off is asked of the person's team.</summary>
    SignOffRequested = 10,

    /// <summary>A scorecard was published.</summary>
    ScorecardPublished = 11,

    /// <summary>Someone mentioned the person in a note with <c>@name</c>.</summary>
    Mentioned = 12,
}
