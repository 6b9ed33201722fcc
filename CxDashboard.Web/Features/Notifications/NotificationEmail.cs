using System.Globalization;
using System.Text.Encodings.Web;
using MimeKit;

namespace CxDashboard.Web.Features.Notifications;

/// <summary>A notification due by e-mail, with what its message needs of the recipient.</summary>
public sealed record QueuedEmail(int Id, Guid MessageId, string Title, string Link, DateTime CreatedAt, int Attempts, string ToAddress, string ToName);

/// <summary>The e-mail of a notification: plain text and HTML, each linking to the item, to the person's notifications and to their settings.</summary>
public static class NotificationEmail
{
    /// <summary>The person's own notifications, where they see everything they were told about.</summary>
    public const string NotificationsPath = "/notifications";

    /// <summary>The person's own settings, where they choose how they are told of each kind.</summary>
    public const string SettingsPath = "/notifications/settings";

    /// <summary>The Message-ID of a notification's e-mail: the same on every delivery of it.</summary>
    public static string MessageIdOf(Guid messageId, EmailDelivery delivery) =>
        string.Create(CultureInfo.InvariantCulture, $"{messageId:N}@{delivery.BaseUrl?.Host ?? "cx-dashboard.localhost"}");

    public static MimeMessage Compose(QueuedEmail email, EmailDelivery delivery)
    {
        var item = delivery.LinkTo(email.Link).AbsoluteUri;
        var notifications = delivery.LinkTo(NotificationsPath).AbsoluteUri;
        var settings = delivery.LinkTo(SettingsPath).AbsoluteUri;
        var message = new MimeMessage
        {
            Subject = email.Title,
            MessageId = MessageIdOf(email.MessageId, delivery),
            Date = new DateTimeOffset(email.CreatedAt, TimeSpan.Zero),
        };
        message.From.Add(MailboxAddress.Parse(delivery.From));
        message.To.Add(new MailboxAddress(email.ToName, email.ToAddress));
        // Tells out-of-office replies and mailing lists that no one is waiting for an answer.
        message.Headers.Add("Auto-Submitted", "auto-generated");

        var html = HtmlEncoder.Default;
        var body = new BodyBuilder
        {
            TextBody = $"""
                Hello {email.ToName},

                {email.Title}

                Open it: {item}

                --
                You receive this as the person it concerns in CX Dashboard. All your notifications: {notifications}
                Choose how you are told of each kind: {settings}
                """,
            HtmlBody = $"""
                <!DOCTYPE html>
                <html lang="en"><body style="font-family: sans-serif; color: #1f1f1f;">
                <p>Hello {html.Encode(email.ToName)},</p>
                <p>{html.Encode(email.Title)}</p>
                <p><a href="{html.Encode(item)}">Open it in CX Dashboard</a></p>
                <hr>
                <p style="font-size: small; color: #555;">You receive this as the person it concerns in CX Dashboard.
                <a href="{html.Encode(notifications)}">All your notifications</a> ·
                <a href="{html.Encode(settings)}">Choose how you are told</a></p>
                </body></html>
                """,
        };
        message.Body = body.ToMessageBody();
        return message;
    }
}
