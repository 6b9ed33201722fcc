using System.ComponentModel.DataAnnotations;

namespace CxDashboard.Web.Features.Notifications;

/// <summary>The <c>Email</c> configuration section: how notifications leave by e-mail, if at all.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The sender's address, as in <c>CX Dashboard &lt;cx@retailer.example&gt;</c>; required with an SMTP host.</summary>
    public string? From { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

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
