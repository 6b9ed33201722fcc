using System.ComponentModel.DataAnnotations;

namespace CxDashboard.Web.Features.Notifications;

/// <summary>The <c>Email</c> configuration section: how notifications leave by e-mail, if at all.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The sender's address, as in <c>CX Dashboard &lt;cx@retailer.example&gt;</c>; required with an SMTP host.</summary>
    public string? From { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>When the daily digest goes out.</summary>
    public DigestOptions Digest { get; set; } = new();

    /// <summary>How often the queue is looked at for e-mails that are due.</summary>
    [Range(1, 300, ErrorMessage = "Email:PollSeconds must be between 1 and 300.")]
    public int PollSeconds { get; set; } = 5;
}

public sealed class SmtpOptions
{
    /// <summary>Empty: no e-mail is sent (outside Development, which writes .eml files instead).</summary>
    public string? Host { get; set; }

    [Range(1, 65535, ErrorMessage = "Email:Smtp:Port must be a port number (1-65535).")]
    public int Port { get; set; } = 587;

    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>TLS is required: on connect for port 465, by STARTTLS otherwise.</summary>
    public bool UseTls { get; set; } = true;
}

public sealed class DigestOptions
{
    /// <summary>The hour of the day (0-23) at which each person's daily digest is made and sent, in <see cref="TimeZone"/>.</summary>
    public int Hour { get; set; } = 7;

    /// <summary>The time zone of <see cref="Hour"/>, as the server names zones (IANA, e.g. "Europe/London"); UTC when empty.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>The zone, or null when the server knows no zone of that name.</summary>
    public TimeZoneInfo? Zone() =>
        string.IsNullOrWhiteSpace(TimeZone) ? TimeZoneInfo.Utc : TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone.Trim(), out var zone) ? zone : null;

    /// <summary>
    /// The day whose digest is due at <paramref name="utcNow"/> (today once the hour has passed, else yesterday) and the
    /// moment it was due, in UTC: what was created before that moment goes in it.
    /// </summary>
    public (DateOnly Day, DateTime Since) Due(DateTime utcNow)
    {
        var zone = Zone() ?? TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTimeFromUtc(utcNow, zone);
        var day = DateOnly.FromDateTime(local.Hour >= Hour ? local : local.AddDays(-1));
        var at = day.ToDateTime(new TimeOnly(Hour, 0));
        // On the night the clocks go forward the hour may not exist; the digest then goes at the hour after.
        while (zone.IsInvalidTime(at))
        {
            at = at.AddHours(1);
        }
        return (day, TimeZoneInfo.ConvertTimeToUtc(at, zone));
    }
}
