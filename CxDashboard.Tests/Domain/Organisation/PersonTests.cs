using CxDashboard.Domain.Common;
using CxDashboard.Domain.Organisation;

namespace CxDashboard.Tests.Domain.Organisation;

public sealed class PersonTests
{
    [Fact]
    public void Person_linked_to_a_subject_cannot_be_taken_over_by_another_subject()
    {
        var ada = new Person("Ada Quinn", "ada.quinn@example.test", teamId: 1);
        ada.LinkSubject("idp-ada");

        var refused = Assert.Throws<DomainException>(() => ada.LinkSubject("idp-impostor"));

        Assert.Equal("Ada Quinn already signs in with another identity; a second one cannot take their place.", refused.Message);
        Assert.Equal("idp-ada", ada.Subject);
    }

    [Fact]
    public void Linking_the_same_subject_again_changes_nothing()
    {
        var ada = new Person("Ada Quinn", "ada.quinn@example.test", teamId: 1, subject: "idp-ada");

        ada.LinkSubject("idp-ada");

        Assert.Equal("idp-ada", ada.Subject);
    }
}
