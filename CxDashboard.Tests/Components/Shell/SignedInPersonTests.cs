using System.Security.Claims;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Components.Layout;

namespace CxDashboard.Tests.Components.Shell;

public sealed class SignedInPersonTests
{
    private static ClaimsPrincipal Person(params Claim[] claims) => new(new ClaimsIdentity(claims, "test"));

    [Theory]
    [InlineData(Roles.Admin, "Administrator")]
    [InlineData(Roles.CxLead, "Head of CX")]
    [InlineData(Roles.ChannelLead, "Channel lead")]
    [InlineData(Roles.Contributor, "Contributor")]
    [InlineData(Roles.Executive, "Executive")]
    public void Each_role_has_a_friendly_label(string role, string label)
    {
        var person = SignedInPerson.From(Person(new Claim("name", "Sam"), new Claim(ClaimTypes.Role, role)));

        Assert.Equal(label, person.RoleLabel);
    }

    [Fact]
    public void A_person_with_several_roles_is_shown_by_the_highest()
    {
        var person = SignedInPerson.From(Person(new Claim("name", "Sam"),
            new Claim(ClaimTypes.Role, Roles.Executive), new Claim(ClaimTypes.Role, Roles.ChannelLead), new Claim(ClaimTypes.Role, Roles.Contributor)));

        Assert.Equal(new SignedInPerson("Sam", Roles.ChannelLead, "Channel lead"), person);
    }

    [Fact]
    public void The_name_falls_back_to_the_email_and_a_person_without_a_role_is_told_so()
    {
        var person = SignedInPerson.From(Person(new Claim("email", "sam@example.com")));

        Assert.Equal(new SignedInPerson("sam@example.com", null, "No role yet"), person);
    }
}
