namespace CxDashboard.Domain.Notifications;

/// <summary>What a person is told about. Stored as a number: never renumber.</summary>
public enum NotificationKind
{
    /// <summary>A detractor or complaint whose follow-up was given to the person, on arrival or by reassignment.</summary>
    FollowUpAssigned = 1,

    /// <summary>An action given to the person, when it is created or reassigned.</summary>
    ActionAssigned = 2,
}
