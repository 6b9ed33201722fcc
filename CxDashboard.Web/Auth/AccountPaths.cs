namespace CxDashboard.Web.Auth;

/// <summary>Where the account pages and endpoints live; the cookie options and the pages share these.</summary>
public static class AccountPaths
{
    public const string SignIn = "/account/signin";
    public const string SignInWithProvider = "/account/signin/provider";
    public const string DevelopmentSignIn = "/account/signin/development";
    public const string SignOut = "/account/signout";
    public const string SignedOut = "/account/signed-out";
    public const string NoAccess = "/account/no-access";
    public const string Me = "/account/me";
    public const string AccessChanged = "/account/access-changed";

    public static string SignInFor(string? returnUrl) =>
        $"{SignIn}?returnUrl={Uri.EscapeDataString(LocalReturnUrl.OrHome(returnUrl))}";

    public static string AccessChangedFor(AccessChange change, string? returnUrl) =>
        $"{AccessChanged}?reason={(change == AccessChange.SessionEnded ? "session-ended" : "roles-changed")}&returnUrl={Uri.EscapeDataString(LocalReturnUrl.OrHome(returnUrl))}";
}
