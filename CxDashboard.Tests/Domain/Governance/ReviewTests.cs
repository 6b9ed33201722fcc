using CxDashboard.Domain.Common;
using CxDashboard.Domain.Governance;
using CxDashboard.Tests.Domain.Builders;
using static CxDashboard.Tests.Domain.Builders.Known.Teams;

namespace CxDashboard.Tests.Domain.Governance;

public class ReviewTests
{
    private static string Refused(Action attempt) => Assert.Throws<DomainException>(attempt).Message;

    [Fact]
    public void A_review_needs_at_least_one_attending_team() =>
        Assert.Equal("Name at least one team attending the review.", Refused(() => A.Review().AttendedBy().Build()));

    [Fact]
    public void A_review_needs_a_title() =>
        Assert.Equal("A review's title is required.", Refused(() => A.Review().Titled("").Build()));

    [Fact]
    public void A_team_named_twice_attends_once() =>
        Assert.Equal([Stores, Digital], A.Review().AttendedBy(Stores, Digital, Stores).Build().Attendees.Select(a => a.TeamId));

    [Fact]
    public void Changing_the_attendees_keeps_those_still_named_and_drops_the_others()
    {
        var review = A.Review().AttendedBy(Stores, Digital).Build();

        review.SetAttendees([Digital, ContactCentre]);

        Assert.Equal([Digital, ContactCentre], review.Attendees.Select(a => a.TeamId));
        Assert.Equal("Name at least one team attending the review.", Refused(() => review.SetAttendees([])));
        Assert.Equal(2, review.Attendees.Count);
    }

    [Fact]
    public void Decisions_are_logged_in_order_with_who_and_when()
    {
        var review = A.Review().Of(ReviewKind.QuarterlyExecutiveReview).Build();

        review.RecordDecision("  Stores own click & collect visibility  ", Known.People.HeadOfCx, Known.Now);
        review.RecordDecision("Fund till upgrade in Q4", Known.People.Executive, Known.Now.AddMinutes(20));

        Assert.Collection(review.Decisions,
            d => Assert.Equal(("Stores own click & collect visibility", Known.People.HeadOfCx, Known.Now), (d.Text, d.RecordedByPersonId, d.At)),
            d => Assert.Equal(("Fund till upgrade in Q4", Known.People.Executive, Known.Now.AddMinutes(20)), (d.Text, d.RecordedByPersonId, d.At)));
    }

    [Fact]
    public void An_empty_decision_is_refused()
    {
        var review = A.Review().Build();

        Assert.Equal("A decision is required.", Refused(() => review.RecordDecision(" ", Known.People.HeadOfCx, Known.Now)));
        Assert.Empty(review.Decisions);
    }

    [Fact]
    public void Notes_are_optional_and_trimmed()
    {
        var review = A.Review().Build();

        review.WriteNotes("  Good turnout  ");
        Assert.Equal("Good turnout", review.Notes);

        review.WriteNotes("   ");
        Assert.Null(review.Notes);
    }
}
