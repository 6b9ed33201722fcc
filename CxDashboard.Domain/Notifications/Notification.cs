using CxDashboard.Domain.Common;

namespace CxDashboard.Domain.Notifications;

/// <summary>
/// One thing one person is told. The row is the in-app message itself, written in the same transaction as
/// the change that causes it, and the outbox entry of its e-mail: <see cref="MessageId"/> names the message
/// wherever it goes, so a second delivery of it is recognisable as the same message.
/// </summary>
public sealed class Notification : Entity
{
    public const int MaxTitleLength = 200;
    public const int MaxLinkLength = 300;
    public const int MaxErrorLength = 500;
    public const int MaxOnceKeyLength = 100;

    private Notification() { Title = Link = string.Empty; }

    public Notification(int recipientPersonId, NotificationKind kind, string title, string link, DateTime createdAt, bool byEmail)
    {
        RecipientPersonId = Guard.Id(recipientPersonId, "The recipient");
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Choose what the notification is about.");
        }
        Kind = kind;
        Title = Guard.Text(title, "A notification's title", MaxTitleLength);
        Link = Guard.Text(link, "A notification's link", MaxLinkLength);
        if (!Link.StartsWith('/') || Link.StartsWith("//", StringComparison.Ordinal))
        {
            throw new DomainException("A notification links to a page of the app.");
        }
        CreatedAt = Guard.Utc(createdAt);
        MessageId = Guid.NewGuid();
        if (byEmail)
        {
            EmailStatus = EmailStatus.Pending;
            EmailDueAt = CreatedAt;
        }
    }

    public Guid MessageId { get; private set; }
    public int RecipientPersonId { get; private set; }
    public NotificationKind Kind { get; private set; }
    public string Title { get; private set; }

    /// <summary>The item's page, relative to the app's base address.</summary>
    public string Link { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime? ReadAt { get; private set; }

    public EmailStatus EmailStatus { get; private set; }

    /// <summary>When the e-mail's next attempt may be made.</summary>
    public DateTime? EmailDueAt { get; private set; }

    public int EmailAttempts { get; private set; }
    public DateTime? EmailSentAt { get; private set; }
    public string? EmailError { get; private set; }

    /// <summary>Until when one instance of the app holds the e-mail to send it; another takes it only after.</summary>
    public DateTime? LeasedUntil { get; private set; }

    /// <summary>Which instance holds the lease.</summary>
    public string? LeasedBy { get; private set; }

    /// <summary>
    /// Names what the notification tells of (the item, the kind, the step, the recipient) when it must be told once only,
    /// whoever notices it and however often: the store refuses a second notification with the same key.
    /// </summary>
    public string? OnceKey { get; private set; }

    /// <summary>A notification told once only under <paramref name="onceKey"/> (see <see cref="OnceKey"/>).</summary>
    public static Notification Once(string onceKey, int recipientPersonId, NotificationKind kind, string title, string link, DateTime createdAt,
        bool byEmail) =>
        new(recipientPersonId, kind, title, link, createdAt, byEmail) { OnceKey = Guard.Text(onceKey, "A notification's key", MaxOnceKeyLength) };

    /// <summary>Whether it goes out in its recipient's daily digest rather than in an e-mail of its own.</summary>
    public bool ForDigest { get; private set; }

    /// <summary>The digest it went out in, once one was made for it.</summary>
    public int? DigestId { get; private set; }

    /// <summary>
    /// Follows the recipient's choice for its kind: in the app only, by e-mail at once, or in the next digest.
    /// Only a notification that was to go by e-mail (the app sends e-mail at all) goes by e-mail or digest.
    /// </summary>
    public void Route(NotificationChannel channel)
    {
        switch (channel)
        {
            case NotificationChannel.EmailNow:
                return;
            case NotificationChannel.InApp:
            case NotificationChannel.DailyDigest:
                // Routed again (a save tried twice), it keeps whether it was to go by e-mail at all.
                ForDigest = channel == NotificationChannel.DailyDigest && (EmailStatus == EmailStatus.Pending || ForDigest);
                if (EmailStatus == EmailStatus.Pending)
                {
                    EmailStatus = EmailStatus.NotSent;
                    EmailDueAt = null;
                }
                return;
            default:
                throw new DomainException("A notification its recipient turned off is not kept.");
        }
    }

    public void MarkRead(DateTime at) => ReadAt ??= Guard.Utc(at);

    /// <summary>Puts a failed e-mail back in the queue, to be tried at once with a fresh count of attempts.</summary>
    public void RetryEmail(DateTime now)
    {
        if (EmailStatus != EmailStatus.Failed)
        {
            throw new DomainException("Only an e-mail whose every attempt failed can be sent again.");
        }
        EmailStatus = EmailStatus.Pending;
        EmailAttempts = 0;
        EmailDueAt = Guard.Utc(now);
        LeasedUntil = null;
        LeasedBy = null;
    }
}
