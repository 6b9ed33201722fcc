using System.Security.Claims;
using CxDashboard.Web.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxDashboard.Tests.Http.Auth;

public sealed class RoleClaimsTransformationTests : IDisposable
{
    private readonly CxDashboardFactory factory = new(new Dictionary<string, string?>
    {
        ["Authentication:DevelopmentSignIn"] = "true",
        ["Authentication:RoleMapping:cx-heads"] = Roles.CxLead,
    }, new InMemoryUserDirectory());

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task Token_claim_of_the_standard_role_type_gives_no_app_role()
    {
        var token = new ClaimsIdentity(
        [
            new Claim(CxClaimTypes.Subject, "idp-someone"),
            new Claim(ClaimTypes.Role, Roles.Admin),
            new Claim("roles", "cx-heads"),
        ], "AuthenticationTypes.Federation", CxClaimTypes.Name, ClaimTypes.Role);

        var user = await TransformAsync(new ClaimsPrincipal(token));

        Assert.False(user.IsInRole(Roles.Admin));
        Assert.Equal([Roles.CxLead], user.AppRoles());
        Assert.True(user.Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task Identity_without_a_subject_is_no_person_whatever_address_it_carries()
    {
        var token = new ClaimsIdentity(
        [
            new Claim(CxClaimTypes.Email, InMemoryUserDirectory.CxLead.Email),
            new Claim("email_verified", "true"),
        ], "AuthenticationTypes.Federation", CxClaimTypes.Name, ClaimTypes.Role);

        var user = await TransformAsync(new ClaimsPrincipal(token));

        Assert.Null(user.PersonId());
        Assert.Empty(user.AppRoles());
    }

    [Fact]
    public void Ignored_provider_role_is_logged_once_not_on_every_request()
    {
        var log = new RecordingLogger();
        var providerRoles = new ProviderRoles(Options.Create(new OidcOptions()), Options.Create(new CxAuthenticationOptions()), log);
        var token = new ClaimsPrincipal(new ClaimsIdentity([new Claim("roles", "admin"), new Claim("roles", "Admin")], "AuthenticationTypes.Federation"));

        for (var request = 0; request < 3; request++)
        {
            Assert.Equal([Roles.Admin], providerRoles.Of(token).ToList());
        }

        var logged = Assert.Single(log.Messages);
        Assert.Contains("'admin'", logged);
        Assert.Contains("gives no role", logged);
    }

    private sealed class RecordingLogger : ILogger<ProviderRoles>
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }

    private async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IClaimsTransformation>().TransformAsync(principal);
    }
}
