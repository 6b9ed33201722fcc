using System.Security.Claims;
using CxDashboard.Web.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxDashboard.Tests.Http.Auth;

public sealed class RoleClaimsTransformationTests : IDisposable
{
    private readonly InMemoryUserDirectory directory = new();
    private readonly CxDashboardFactory factory;

    public RoleClaimsTransformationTests() =>
        factory = new(new Dictionary<string, string?>
        {
            ["Authentication:DevelopmentSignIn"] = "true",
            ["Authentication:RoleMapping:cx-heads"] = Roles.CxLead,
        }, directory);

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

    private static ClaimsPrincipal NewcomersSignIn(DateTimeOffset signedInAt, params string[] roles) => new(new ClaimsIdentity(
    [
        new Claim(CxClaimTypes.Subject, InMemoryUserDirectory.Newcomer.Subject),
        new Claim(CxClaimTypes.SessionStarted, signedInAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
        .. roles.Select(role => new Claim("roles", role)),
    ], "Cookies", CxClaimTypes.Name, ClaimTypes.Role));

    [Fact]
    public async Task Every_request_of_a_sign_in_asks_to_keep_its_provider_roles_only_once_and_only_app_roles()
    {
        var signedInAt = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

        for (var request = 0; request < 3; request++)
        {
            await TransformAsync(NewcomersSignIn(signedInAt, "admin", "cx-heads", Roles.Executive));
        }

        var kept = Assert.Single(directory.Recordings);
        Assert.Equal((3, signedInAt.UtcDateTime), (kept.PersonId, kept.SignedInAt));
        Assert.Equal([Roles.CxLead, Roles.Executive], kept.Roles);
    }

    [Fact]
    public async Task A_new_sign_in_or_other_roles_are_asked_to_be_kept_again()
    {
        var signedInAt = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

        await TransformAsync(NewcomersSignIn(signedInAt, Roles.Executive));
        await TransformAsync(NewcomersSignIn(signedInAt.AddHours(13), Roles.Executive));
        await TransformAsync(NewcomersSignIn(signedInAt.AddHours(13)));

        Assert.Equal(["Executive", "Executive", ""], directory.Recordings.Select(r => string.Join(",", r.Roles)));
    }

    [Fact]
    public async Task A_failure_to_keep_the_provider_roles_does_not_fail_the_sign_in()
    {
        directory.RecordingFails = new DbUpdateException("The database is read-only.");

        var user = await TransformAsync(NewcomersSignIn(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), Roles.Executive));

        Assert.Equal(3, user.PersonId());
        Assert.Equal([Roles.Executive], user.AppRoles());
    }

    [Fact]
    public async Task A_bearer_token_is_no_sign_in_and_keeps_no_roles()
    {
        var token = new ClaimsIdentity([new Claim(CxClaimTypes.Subject, InMemoryUserDirectory.Newcomer.Subject), new Claim("roles", Roles.Executive)],
            "AuthenticationTypes.Federation", CxClaimTypes.Name, ClaimTypes.Role);

        var user = await TransformAsync(new ClaimsPrincipal(token));

        Assert.Equal([Roles.Executive], user.AppRoles());
        Assert.Empty(directory.Recordings);
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
