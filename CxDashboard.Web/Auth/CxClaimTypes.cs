namespace CxDashboard.Web.Auth;

/// <summary>Claim types the app reads from identity tokens and adds from its own directory.</summary>
public static class CxClaimTypes
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Email = "email";
    public const string PersonId = "cx:person_id";
    public const string TeamId = "cx:team_id";
    public const string DisplayName = "cx:display_name";
    /// <summary>When the person signed in (Unix seconds), kept in the cookie so that sliding renewals cannot outlast the session's lifetime.</summary>
    public const string SessionStarted = "cx:session_started";
    /// <summary>The identity provider's refresh token, protected, to ask the provider for the person's current roles.</summary>
    public const string ProviderRefreshToken = "cx:provider_refresh_token";
}
