namespace CxDashboard.Domain.Notifications;

/// <summary>Where a notification's e-mail stands. Stored as a number: never renumber.</summary>
public enum EmailStatus
{
    /// <summary>No e-mail is sent for it.</summary>
    NotSent = 0,

    /// <summary>Waiting for its first attempt or for its next retry.</summary>
    Pending = 1,

    Sent = 2,

    /// <summary>Every attempt failed; an Admin may send it again.</summary>
    Failed = 3,
}
