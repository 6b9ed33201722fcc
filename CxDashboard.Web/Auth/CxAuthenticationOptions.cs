namespace CxDashboard.Web.Auth;

/// <summary>How people sign in and how identity-provider roles become app roles (section <c>Authentication</c>).</summary>
public sealed class CxAuthenticationOptions
{
    public const string Section = "Authentication";

    /// <summary>
    /// Offers the development sign-in (pick a demo person) when no identity provider is configured.
    /// Always on in the Development environment; elsewhere it has to be asked for explicitly.
    /// </summary>
    public bool DevelopmentSignIn { get; set; }

    /// <summary>Identity-provider role values (group names, app roles) mapped to the app's role names.</summary>
    public Dictionary<string, string> RoleMapping { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
