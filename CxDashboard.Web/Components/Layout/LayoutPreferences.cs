namespace CxDashboard.Web.Components.Layout;

/// <summary>
/// The layout's choices that live in the browser and are sent with every request as cookies, so that a page rendered on
/// the server without a circuit (the dashboard) shows them too. The browser writes them (<c>wwwroot/layout.js</c>);
/// the server only reads them.
/// </summary>
public static class LayoutPreferences
{
    /// <summary>"true" or "false": the person's own choice of dark mode.</summary>
    public const string DarkModeCookie = "cx-dark-mode";

    /// <summary>"true" or "false": whether the browser's system setting asked for dark colours when last seen.</summary>
    public const string SystemDarkModeCookie = "cx-system-dark-mode";

    /// <summary>The person's choice, else the system setting last seen, else nothing known (the light theme is shown).</summary>
    public static bool? DarkMode(HttpRequest request) =>
        Flag(request.Cookies[DarkModeCookie]) ?? Flag(request.Cookies[SystemDarkModeCookie]);

    private static bool? Flag(string? value) => value switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };
}
