using CxDashboard.Domain.Common;

namespace CxDashboard.Domain.Notifications;

/// <summary>
/// One person's daily digest: the e-mail that lists, once a day, the notifications they chose to receive that
/// way. There is one per person per day at most, so however many instances make the day's digests, each
/// person gets one; its e-mail is sent like a notification's (at least once, under a lease, with retries).
/// </summary>
public sealed class NotificationDigest : Entity
{
    private NotificationDigest() { }

    public NotificationDigest(int recipientPersonId, DateOnly day, int count, DateTime createdAt)
    {
        RecipientPersonId = Guard.Id(recipientPersonId, "The recipient");
        Day = day;
        Count = Guard.Range(count, "A digest's number of notifications", 1, int.MaxValue);
        CreatedAt = Guard.Utc(createdAt);
        EmailStatus = EmailStatus.Pending;
        EmailDueAt = CreatedAt;
    }

    public int RecipientPersonId { get; private set; }

    /// <summary>The day it is the digest of, in the time zone of the digest's hour.</summary>
    public DateOnly Day { get; private set; }

    /// <summary>How many notifications it lists.</summary>
    public int Count { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public EmailStatus EmailStatus { get; private set; }
    public DateTime? EmailDueAt { get; private set; }
    public int EmailAttempts { get; private set; }
    public DateTime? EmailSentAt { get; private set; }
    public string? EmailError { get; private set; }
    public DateTime? LeasedUntil { get; private set; }
    public string? LeasedBy { get; private set; }

    /// <summary>Puts a digest whose every attempt failed back in the queue, to be tried at once with a fresh count of attempts.</summary>
    public void RetryEmail(DateTime now)
    {
        if (EmailStatus != EmailStatus.Failed)
        {
            throw new DomainException("Only a digest whose every attempt failed can be sent again.");
        }
        EmailStatus = EmailStatus.Pending;
        EmailAttempts = 0;
        EmailDueAt = Guard.Utc(now);
        LeasedUntil = null;
        LeasedBy = null;
    }
}
