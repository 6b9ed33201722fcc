using CxDashboard.Web.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;

namespace CxDashboard.Web.Features.Api;

/// <summary>
/// Who may send data to the ingestion API: an API key with the matching scope, or an identity
/// provider's bearer token whose holder has an app role that may make the same change in the app
/// (feedback: Contributor and above; metric values: the head of CX, who may enter every channel and the total).
/// </summary>
public static class ApiPolicies
{
    public const string ApiFeedbackWriter = nameof(ApiFeedbackWriter);
    public const string ApiMetricsWriter = nameof(ApiMetricsWriter);

    private static readonly string[] FeedbackRoles = [Roles.CxLead, Roles.ChannelLead, Roles.Contributor];
    private static readonly string[] MetricsRoles = [Roles.CxLead];

    /// <param name="bearerTokens">Whether the identity provider's bearer tokens are accepted (only when one is configured).</param>
    public static void Configure(AuthorizationOptions options, bool bearerTokens)
    {
        string[] schemes = bearerTokens
            ? [ApiKeyAuthenticationHandler.SchemeName, JwtBearerDefaults.AuthenticationScheme]
            : [ApiKeyAuthenticationHandler.SchemeName];
        options.AddPolicy(ApiFeedbackWriter, p => p.AddAuthenticationSchemes(schemes).RequireAuthenticatedUser()
            .RequireAssertion(c => Allows(c.User, ApiScopeNames.FeedbackWrite, FeedbackRoles)));
        options.AddPolicy(ApiMetricsWriter, p => p.AddAuthenticationSchemes(schemes).RequireAuthenticatedUser()
            .RequireAssertion(c => Allows(c.User, ApiScopeNames.MetricsWrite, MetricsRoles)));
    }

    // Scopes count only on the API key's own identity: a token cannot claim them for itself.
    private static bool Allows(System.Security.Claims.ClaimsPrincipal user, string scope, string[] roles) =>
        user.Identities.Any(i => i.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName
                                 && i.HasClaim(ApiKeyAuthenticationHandler.ScopeClaim, scope))
        || roles.Any(user.IsInRole);
}
