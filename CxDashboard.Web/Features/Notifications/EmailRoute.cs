namespace CxDashboard.Web.Features.Notifications;

public enum EmailRoute
{
    /// <summary>No SMTP server is configured: notifications are shown in the app only.</summary>
    Off,

    Smtp,

    /// <summary>Development without an SMTP server: each e-mail is written as an .eml file.</summary>
    Folder,
}
