using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using MimeKit;

namespace CxDashboard.Web.Features.Notifications;

/// <summary>The daily digest's e-mail: plain text and HTML, grouped by kind, each notification linking to its item.</summary>
public static class DigestEmail
{
    /// <summary>The same on every delivery of a person's digest of a day, so a second delivery is recognisably the same message.</summary>
    public static string MessageIdOf(QueuedDigest digest, EmailDelivery delivery) =>
        string.Create(CultureInfo.InvariantCulture,
            $"digest-{digest.RecipientPersonId}-{digest.Day:yyyyMMdd}@{delivery.BaseUrl?.Host ?? "cx-dashboard.localhost"}");

    public static MimeMessage Compose(QueuedDigest digest, EmailDelivery delivery)
    {
        var notifications = delivery.LinkTo(NotificationEmail.NotificationsPath).AbsoluteUri;
        var settings = delivery.LinkTo(NotificationEmail.SettingsPath).AbsoluteUri;
        var message = new MimeMessage
        {
            Subject = string.Create(CultureInfo.InvariantCulture,
                $"Your CX Dashboard digest for {digest.DayText}: {digest.Total} {(digest.Total == 1 ? "notification" : "notifications")}"),
            MessageId = MessageIdOf(digest, delivery),
            Date = new DateTimeOffset(digest.CreatedAt, TimeSpan.Zero),
        };
        message.From.Add(MailboxAddress.Parse(delivery.From));
        message.To.Add(new MailboxAddress(digest.ToName, digest.ToAddress));
        message.Headers.Add("Auto-Submitted", "auto-generated");

        var html = HtmlEncoder.Default;
        var text = new StringBuilder().Append("Hello ").Append(digest.ToName).Append(",\n\nWhat you chose to hear about once a day:\n");
        var body = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en\"><body style=\"font-family: sans-serif; color: #1f1f1f;\">\n")
            .Append("<p>Hello ").Append(html.Encode(digest.ToName)).Append(",</p>\n<p>What you chose to hear about once a day:</p>\n");
        foreach (var group in digest.Items.GroupBy(i => i.Kind))
        {
            var count = digest.ByKind.GetValueOrDefault(group.Key);
            var heading = string.Create(CultureInfo.InvariantCulture, $"{NotificationKindText.Heading(group.Key)} ({count})");
            text.Append('\n').Append(heading).Append('\n');
            body.Append("<h2 style=\"font-size: 1.1em;\">").Append(html.Encode(heading)).Append("</h2>\n<ul>\n");
            foreach (var item in group)
            {
                var link = delivery.LinkTo(item.Link).AbsoluteUri;
                text.Append("- ").Append(item.Title).Append("\n  ").Append(link).Append('\n');
                body.Append("<li><a href=\"").Append(html.Encode(link)).Append("\">").Append(html.Encode(item.Title)).Append("</a></li>\n");
            }
            if (count > group.Count())
            {
                var more = string.Create(CultureInfo.InvariantCulture, $"and {count - group.Count()} more on your notifications page");
                text.Append("- ").Append(more).Append('\n');
                body.Append("<li>").Append(html.Encode(more)).Append("</li>\n");
            }
            body.Append("</ul>\n");
        }
        text.Append("\n--\nAll your notifications: ").Append(notifications)
            .Append("\nChoose how you are told of each kind: ").Append(settings).Append('\n');
        body.Append("<hr>\n<p style=\"font-size: small; color: #555;\"><a href=\"").Append(html.Encode(notifications)).Append("\">All your notifications</a> · ")
            .Append("<a href=\"").Append(html.Encode(settings)).Append("\">Choose how you are told</a></p>\n</body></html>\n");
        message.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = body.ToString() }.ToMessageBody();
        return message;
    }
}
