namespace CxDashboard.Web.Auth;

/// <summary>Keeps sign-in and sign-out redirects inside the app, so a crafted link cannot send people elsewhere.</summary>
public static class LocalReturnUrl
{
    public static string OrHome(string? returnUrl)
    {
        if (string.IsNullOrWhiteSpace(returnUrl))
        {
            return "/";
        }

        // Browsers drop tabs and line breaks inside URLs, which turns "/\t/evil.example" into "//evil.example".
        if (returnUrl.Any(char.IsControl) || returnUrl.Contains('\\'))
        {
            return "/";
        }

        // Blazor hands over base-relative paths ("metrics?channel=3"); anything with a scheme or host is not ours.
        var path = returnUrl.StartsWith('/') ? returnUrl : "/" + returnUrl;
        if (path.StartsWith("//", StringComparison.Ordinal) || HasScheme(returnUrl))
        {
            return "/";
        }

        return path;
    }

    private static bool HasScheme(string url)
    {
        var colon = url.IndexOf(':');
        if (colon <= 0)
        {
            return false;
        }

        var end = url.IndexOfAny(['/', '?', '#']);
        return end < 0 || colon < end;
    }
}
