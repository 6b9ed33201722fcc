using CxDashboard.Domain.Common;

namespace CxDashboard.Domain.Notifications;

/// <summary>A person's own choice of how they are told about one kind of notification, in place of their role's default.</summary>
public sealed class NotificationPreference : Entity
{
    private NotificationPreference() { }

    public NotificationPreference(int personId, NotificationKind kind, NotificationChannel channel)
    {
        PersonId = Guard.Id(personId, "The person");
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Choose what the notification is about.");
        }
        Kind = kind;
        Change(channel);
    }

    public int PersonId { get; private set; }
    public NotificationKind Kind { get; private set; }
    public NotificationChannel Channel { get; private set; }

    public void Change(NotificationChannel channel)
    {
        if (!Enum.IsDefined(channel))
        {
            throw new DomainException("Choose how to be told: in the app, by e-mail now, in the daily digest, or not at all.");
        }
        Channel = channel;
    }
}
