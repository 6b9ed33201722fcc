using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using CxDashboard.Domain.Admin;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Features.Api;

/// <summary>
/// Signs in a machine that sends an <c>X-Api-Key</c> header: the key must exist, match its stored
/// hash, not be revoked and not have expired. The identity carries the key's scopes, never a person's role.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDbContextFactory<CxDbContext> dbFactory,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string ScopeClaim = "cx:api_scope";
    public const string KeyIdClaim = "cx:api_key_id";
    public const string KeyCreatorClaim = "cx:api_key_created_by";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values))
        {
            return AuthenticateResult.NoResult();
        }
        var secret = values.ToString().Trim();
        if (!ApiKeySecret.LooksLikeSecret(secret))
        {
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(Context.RequestAborted);
        var prefix = ApiKeySecret.PrefixOf(secret);
        var candidates = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Prefix == prefix && k.RevokedAt == null)
            .Select(k => new { k.Id, k.Name, k.SecretHash, k.Scopes, k.CreatedByPersonId, k.LastUsedAt, k.ExpiresAt })
            .ToListAsync(Context.RequestAborted);
        var key = candidates.FirstOrDefault(k => ApiKeySecret.Matches(secret, k.SecretHash));
        if (key is null)
        {
            return AuthenticateResult.Fail("The API key is not valid or has been revoked.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (now >= key.ExpiresAt)
        {
            return AuthenticateResult.Fail("The API key has expired.");
        }
        if (ApiKey.ShouldRecordUse(key.LastUsedAt, now))
        {
            // A set-based update: last use is bookkeeping, not a change anyone audits.
            await db.ApiKeys.Where(k => k.Id == key.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(SchemeName, CxClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(CxClaimTypes.Name, ApiClient.KeyDisplayName(key.Name)));
        identity.AddClaim(new Claim(KeyIdClaim, key.Id.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(KeyCreatorClaim, key.CreatedByPersonId.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaims(ApiScopeNames.Of(key.Scopes).Select(scope => new Claim(ScopeClaim, scope)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
