using System.Security.Claims;
using CxDashboard.Web.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

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

    private async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IClaimsTransformation>().TransformAsync(principal);
    }
}
