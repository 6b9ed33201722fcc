using CxDashboard.Domain.Common;
using CxDashboard.Domain.Organisation;

namespace CxDashboard.Tests.Domain.Organisation;

public sealed class ProviderSignInTests
{
    private static readonly DateTime Monday = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_newest_sign_in_decides_whatever_order_they_are_recorded_in()
    {
        var signIn = new ProviderSignIn(personId: 4);
        signIn.Record([], Monday.AddHours(3));

        var older = signIn.Record([Role.Executive], Monday);

        Assert.False(older);
        Assert.Empty(signIn.Roles);
        Assert.Equal(Monday.AddHours(3), signIn.SignedInAt);
    }

    [Fact]
    public void A_value_that_is_no_app_role_is_refused_and_changes_nothing()
    {
        var signIn = new ProviderSignIn(personId: 4);
        signIn.Record([Role.CxLead], Monday);

        var refused = Assert.Throws<DomainException>(() => signIn.Record([Role.Executive, (Role)42], Monday.AddDays(2)));

        Assert.Equal("Only the app's roles are kept from the identity provider.", refused.Message);
        Assert.Equal([Role.CxLead], signIn.Roles);
        Assert.Equal(Monday, signIn.SignedInAt);
    }
}
