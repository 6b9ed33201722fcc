using System.Globalization;
using System.Security.Claims;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CxDashboard.Tests.Support;

/// <summary>
/// People signing in with the identity provider's role claims, through the app's own claims transformation and
/// directory over a test database: what the app keeps of their roles is what it keeps at a real sign-in.
/// </summary>
internal sealed class ProviderSignIns(IDbContextFactory<CxDbContext> database, TimeProvider clock)
{
    public const string RoleClaimType = "roles";

    /// <summary>A directory group the provider sends that the app maps to the head of CX.</summary>
    public const string HeadsOfCxGroup = "cx-heads";

    private readonly MemoryCache _cache = new(new MemoryCacheOptions());

    private RoleClaimsTransformation Transformation()
    {
        var authentication = Options.Create(new CxAuthenticationOptions
        {
            RoleMapping = new Dictionary<string, string>(StringComparer.Ordinal) { [HeadsOfCxGroup] = Roles.CxLead },
        });
        var services = new ServiceCollection().AddSingleton<IUserDirectory>(new UserDirectory(database, clock)).BuildServiceProvider();
        return new RoleClaimsTransformation(services, _cache,
            new ProviderRoles(Options.Create(new OidcOptions()), authentication, NullLogger<ProviderRoles>.Instance),
            authentication, NullLogger<RoleClaimsTransformation>.Instance);
    }

    /// <summary>A request of the sign-in that <paramref name="subject"/> made at <paramref name="signedInAt"/>, the provider giving <paramref name="roles"/>.</summary>
    public Task<ClaimsPrincipal> RequestAsync(string subject, DateTime signedInAt, params string[] roles)
    {
        var cookie = new ClaimsIdentity(
        [
            new Claim(CxClaimTypes.Subject, subject),
            new Claim(CxClaimTypes.SessionStarted, new DateTimeOffset(signedInAt).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            .. roles.Select(role => new Claim(RoleClaimType, role)),
        ], "Cookies", CxClaimTypes.Name, ClaimTypes.Role);
        return Transformation().TransformAsync(new ClaimsPrincipal(cookie));
    }
}
