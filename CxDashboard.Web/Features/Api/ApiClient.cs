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
public sealed record ApiClient(AuditActor Actor, int? PersonId, int? ResponsiblePersonId)
{
    public static string KeyDisplayName(string keyName) => $"API key: {keyName}";

    public static ApiClient From(ClaimsPrincipal user)
    {
        var key = user.Identities.FirstOrDefault(i => i.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName);
        if (key is not null)
        {
            var creator = int.TryParse(key.FindFirst(ApiKeyAuthenticationHandler.KeyCreatorClaim)?.Value, NumberStyles.Integer,
                CultureInfo.InvariantCulture, out var id) ? id : (int?)null;
            return new ApiClient(new AuditActor(null, key.FindFirst(CxClaimTypes.Name)?.Value ?? "API key"), null, creator);
        }
        var personId = user.PersonId();
        return new ApiClient(new AuditActor(personId, user.DisplayName()), personId, personId);
    }
}
