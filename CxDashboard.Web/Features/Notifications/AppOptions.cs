namespace CxDashboard.Web.Features.Notifications;

/// <summary>The <c>App</c> configuration section: what the app needs to know about where it is reached.</summary>
public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>The address people reach the app at (behind its proxy), as links in e-mails must name it.</summary>
    public string? BaseUrl { get; set; }
}
