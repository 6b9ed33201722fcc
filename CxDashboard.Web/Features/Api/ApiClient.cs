using System.Globalization;
using System.Security.Claims;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Data;

namespace CxDashboard.Web.Features.Api;

/// <summary>
/// The machine (or person's token) sending data to the API: who the audit trail names, who recorded
/// the feedback, and in whose name metric values are recorded.
/// </summary>
/// <param name="PersonId">The person behind a bearer token; null for an API key.</param>
/// <param name="ResponsiblePersonId">The person who answers for the data: the token's person, or the Admin who created the key.</param>
/// <param name="Source">Whom the external ids it sends belong to: the key (by name, so a replacement key named alike
/// carries on the same ids), or the token's person.</param>
public sealed record ApiClient(AuditActor Actor, int? PersonId, int? ResponsiblePersonId, string Source)
{
    public static string TokenSource(int? personId) =>
        personId is { } id ? string.Create(CultureInfo.InvariantCulture, $"Token: person {id}") : "Token";

    public static string KeyDisplayName(string keyName) => $"API key: {keyName}";

    public static ApiClient From(ClaimsPrincipal user)
    {
        var key = user.Identities.FirstOrDefault(i => i.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName);
        if (key is not null)
        {
            var creator = int.TryParse(key.FindFirst(ApiKeyAuthenticationHandler.KeyCreatorClaim)?.Value, NumberStyles.Integer,
                CultureInfo.InvariantCulture, out var id) ? id : (int?)null;
            var name = key.FindFirst(CxClaimTypes.Name)?.Value ?? "API key";
            return new ApiClient(new AuditActor(null, name), null, creator, name);
        }
        var personId = user.PersonId();
        return new ApiClient(new AuditActor(personId, user.DisplayName()), personId, personId, TokenSource(personId));
    }
}
