namespace CxDashboard.Domain.Notifications;

/// <summary>How a person wants to be told about one kind of notification. Stored as a number: never renumber.</summary>
public enum NotificationChannel
{
    /// <summary>Not told at all.</summary>
    Off = 0,

    /// <summary>In the app only: the bell and the notifications page.</summary>
    InApp = 1,

    /// <summary>In the app, and by e-mail as soon as it happens.</summary>
    EmailNow = 2,

    /// <summary>In the app, and in the next day's digest e-mail.</summary>
    DailyDigest = 3,
}
