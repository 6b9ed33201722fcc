namespace CxDashboard.Web.Auth;

/// <summary>The organisation's OpenID Connect identity provider (section <c>Authentication:Oidc</c>).</summary>
public sealed class OidcOptions
{
    public const string Section = "Authentication:Oidc";

    /// <summary>Issuer URL of the identity provider; leaving it empty turns OpenID Connect off.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>
    /// The audience access tokens sent to the ingestion API must be issued for (the API's own, never the client
    /// id). Empty: the API takes API keys only.
    /// </summary>
    public string? Audience { get; set; }

    /// <summary>Scopes to request; openid is always requested. Empty means openid, profile and email.</summary>
    public string[] Scopes { get; set; } = [];

    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The claim in the identity token whose values name the person's roles.</summary>
    public string RoleClaimType { get; set; } = "roles";

    /// <summary>
    /// Asks for a refresh token at sign-in (scope <c>offline_access</c>) and uses it every
    /// <see cref="CxAuthenticationOptions.RevalidationInterval"/> to read the person's roles at the provider again.
    /// </summary>
    public bool RefreshRoles { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority);

    public bool AcceptsBearerTokens => IsConfigured && !string.IsNullOrWhiteSpace(Audience);

    // Defaults cannot live in the array itself: the configuration binder appends configured items to it.
    public IReadOnlyList<string> RequestedScopes =>
        new[] { "openid" }.Concat(Scopes.Length == 0 ? ["profile", "email"] : Scopes).Distinct(StringComparer.Ordinal).ToList();
}
