using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Tests.Domain.Builders;

namespace CxDashboard.Tests.Domain.Feedback;

public class FeedbackItemTests
{
    private const int Owner = Known.People.StoresLead;

    private static string Refused(Action attempt) => Assert.Throws<DomainException>(attempt).Message;

    private static FeedbackItem WithOpenFollowUp()
    {
        var item = A.Feedback().Build();
        item.OpenFollowUp(Owner, SlaClock.DefaultFollowUp, Known.Now);
        return item;
    }

    [Fact]
    public void Recorded_feedback_keeps_what_was_said_and_its_score_band()
    {
        var item = A.Feedback().WithScore(ScoreScale.Nps, 3).Build();

        Assert.Equal(ScoreBand.Detractor, item.ScoreBand);
        Assert.Equal("Waited twenty minutes at the click & collect desk.", item.Verbatim);
        Assert.Equal("CUST-1001", item.CustomerRef);
        Assert.Equal(FollowUpStatus.None, item.FollowUpStatus);
    }

    [Fact]
    public void A_score_without_its_scale_is_refused() =>
        Assert.Equal("A score needs its scale, and a scale needs a score.",
            Refused(() => A.Feedback().With(d => d with { ScoreScale = null, Score = 5 }).Build()));

    [Fact]
    public void A_scale_without_a_score_is_refused() =>
        Assert.Equal("A score needs its scale, and a scale needs a score.",
            Refused(() => A.Feedback().With(d => d with { ScoreScale = ScoreScale.Csat, Score = null }).Build()));

    [Fact]
    public void A_score_outside_its_scale_is_refused() =>
        Assert.Equal("A CSAT score must be between 1 and 5.", Refused(() => A.Feedback().WithScore(ScoreScale.Csat, 9).Build()));

    [Fact]
    public void Feedback_received_in_the_future_is_refused() =>
        Assert.Equal("Feedback cannot be received in the future.",
            Refused(() => A.Feedback().ReceivedAt(Known.Now.AddMinutes(10)).RecordedAt(Known.Now).Build()));

    [Fact]
    public void A_few_minutes_of_clock_difference_with_a_survey_tool_is_tolerated() =>
        Assert.Equal(Known.Now.AddMinutes(4), A.Feedback().ReceivedAt(Known.Now.AddMinutes(4)).Build().ReceivedAt);

    [Fact]
    public void A_survey_answer_may_come_without_words() =>
        Assert.Equal(string.Empty, A.Feedback().Saying("  ").Build().Verbatim);

    [Fact]
    public void A_complaint_must_say_what_was_said() =>
        Assert.Equal("Write what was said: only a survey answer with a score may come without words.",
            Refused(() => A.Feedback().From(FeedbackSource.Complaint).WithoutScore().Saying("").Build()));

    [Fact]
    public void A_survey_answer_without_a_score_must_say_what_was_said() =>
        Assert.Equal("Write what was said: only a survey answer with a score may come without words.",
            Refused(() => A.Feedback().WithoutScore().Saying(" ").Build()));

    [Theory]
    [InlineData(FeedbackSource.Survey, true, false)]
    [InlineData(FeedbackSource.Survey, false, true)]
    [InlineData(FeedbackSource.Complaint, true, true)]
    [InlineData(FeedbackSource.FrontLineObservation, false, true)]
    public void Only_a_survey_answer_with_a_score_may_come_without_words(FeedbackSource source, bool hasScore, bool required) =>
        Assert.Equal(required, FeedbackItem.IsVerbatimRequired(source, hasScore));

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, false)]
    [InlineData(6, true)]
    public void Up_to_five_minutes_ahead_of_the_clock_is_not_the_future(int minutesAhead, bool future) =>
        Assert.Equal(future, FeedbackItem.IsReceivedInTheFuture(Known.Now.AddMinutes(minutesAhead), Known.Now));

    [Theory]
    [InlineData(ScoreScale.Nps, 6, true)]
    [InlineData(ScoreScale.Nps, 7, false)]
    [InlineData(ScoreScale.Csat, 2, true)]
    [InlineData(ScoreScale.Csat, 3, false)]
    [InlineData(ScoreScale.Ces, 1, false)]
    public void Detractors_need_a_follow_up(ScoreScale scale, int score, bool needed) =>
        Assert.Equal(needed, A.Feedback().WithScore(scale, score).Build().NeedsFollowUp);

    [Fact]
    public void A_complaint_needs_a_follow_up_even_without_a_score() =>
        Assert.True(A.Feedback().From(FeedbackSource.Complaint).WithoutScore().Build().NeedsFollowUp);

    [Fact]
    public void Words_without_a_score_from_a_review_need_no_follow_up() =>
        Assert.False(A.Feedback().From(FeedbackSource.Review).WithoutScore().Build().NeedsFollowUp);

    [Fact]
    public void The_follow_up_is_due_48_hours_after_the_feedback_was_received()
    {
        var item = A.Feedback().ReceivedAt(Known.Now.AddHours(-5)).Build();

        item.OpenFollowUp(Owner, SlaClock.DefaultFollowUp, Known.Now);

        Assert.Equal(FollowUpStatus.Open, item.FollowUpStatus);
        Assert.Equal(Owner, item.FollowUpOwnerPersonId);
        Assert.Equal(Known.Now.AddHours(43), item.FollowUpDueAt);
    }

    [Fact]
    public void A_shorter_sla_gives_an_earlier_due_time()
    {
        var item = A.Feedback().ReceivedAt(Known.Now).Build();

        item.OpenFollowUp(Owner, TimeSpan.FromHours(4), Known.Now);

        Assert.Equal(Known.Now.AddHours(4), item.FollowUpDueAt);
    }

    [Fact]
    public void An_open_follow_up_is_overdue_only_after_its_due_time()
    {
        var item = WithOpenFollowUp();
        var due = item.FollowUpDueAt!.Value;

        Assert.False(item.IsFollowUpOverdue(due));
        Assert.True(item.IsFollowUpOverdue(due.AddMinutes(1)));
    }

    [Fact]
    public void Feedback_without_a_follow_up_is_never_overdue() =>
        Assert.False(A.Feedback().Build().IsFollowUpOverdue(Known.Now.AddDays(30)));

    [Fact]
    public void Once_the_customer_is_contacted_the_follow_up_is_no_longer_overdue()
    {
        var item = WithOpenFollowUp();

        item.MarkContacted("Called, apologised, offered a voucher", Known.Now.AddHours(3));

        Assert.Equal(FollowUpStatus.Contacted, item.FollowUpStatus);
        Assert.Equal(Known.Now.AddHours(3), item.ContactedAt);
        Assert.Equal("Called, apologised, offered a voucher", item.FollowUpNote);
        Assert.False(item.IsFollowUpOverdue(Known.Now.AddDays(5)));
    }

    [Fact]
    public void A_contacted_follow_up_is_then_resolved()
    {
        var item = WithOpenFollowUp();
        item.MarkContacted("Called", Known.Now.AddHours(3));

        item.ResolveFollowUp("Voucher used, customer happy", Known.Now.AddDays(2));

        Assert.Equal(FollowUpStatus.Resolved, item.FollowUpStatus);
        Assert.Equal(Known.Now.AddHours(3), item.ContactedAt);
        Assert.Equal(Known.Now.AddDays(2), item.FollowUpResolvedAt);
        Assert.Equal("Voucher used, customer happy", item.FollowUpNote);
    }

    [Fact]
    public void Resolving_straight_away_counts_as_the_contact()
    {
        var item = WithOpenFollowUp();

        item.ResolveFollowUp("Sorted on the phone", Known.Now.AddHours(1));

        Assert.Equal(Known.Now.AddHours(1), item.ContactedAt);
        Assert.Equal(FollowUpStatus.Resolved, item.FollowUpStatus);
    }

    [Fact]
    public void A_follow_up_cannot_be_opened_twice() =>
        Assert.Equal("This feedback already has a follow-up.",
            Refused(() => WithOpenFollowUp().OpenFollowUp(Owner, SlaClock.DefaultFollowUp, Known.Now)));

    [Fact]
    public void A_follow_up_needs_an_sla_of_at_least_an_hour() =>
        Assert.All([TimeSpan.Zero, TimeSpan.FromMinutes(59)], sla => Assert.Equal("The follow-up SLA must be at least 1 hour.",
            Refused(() => A.Feedback().Build().OpenFollowUp(Owner, sla, Known.Now))));

    [Fact]
    public void A_follow_up_needs_an_owner() =>
        Assert.Equal("The follow-up's owner is required.",
            Refused(() => A.Feedback().Build().OpenFollowUp(0, SlaClock.DefaultFollowUp, Known.Now)));

    [Fact]
    public void Contacting_or_resolving_without_a_follow_up_is_refused()
    {
        var item = A.Feedback().Build();

        Assert.Equal("This feedback has no follow-up.", Refused(() => item.MarkContacted("Called", Known.Now)));
        Assert.Equal("This feedback has no follow-up.", Refused(() => item.ResolveFollowUp("Done", Known.Now)));
        Assert.Equal("Only an open follow-up can be reassigned.", Refused(() => item.ReassignFollowUp(Owner)));
    }

    [Fact]
    public void Contacting_twice_is_refused()
    {
        var item = WithOpenFollowUp();
        item.MarkContacted("Called", Known.Now);

        Assert.Equal("The customer has already been contacted.", Refused(() => item.MarkContacted("Called again", Known.Now)));
    }

    [Fact]
    public void A_resolved_follow_up_cannot_be_resolved_again_reassigned_or_contacted()
    {
        var item = WithOpenFollowUp();
        item.ResolveFollowUp("Done", Known.Now);

        Assert.Equal("The follow-up is already resolved.", Refused(() => item.ResolveFollowUp("Again", Known.Now)));
        Assert.Equal("Only an open follow-up can be reassigned.", Refused(() => item.ReassignFollowUp(Known.People.DigitalLead)));
        Assert.Equal("The customer has already been contacted.", Refused(() => item.MarkContacted("Again", Known.Now)));
    }

    [Fact]
    public void Contact_and_resolution_need_a_note()
    {
        var item = WithOpenFollowUp();

        Assert.Equal("A note on the contact is required.", Refused(() => item.MarkContacted(" ", Known.Now)));
        Assert.Equal("A note on the resolution is required.", Refused(() => item.ResolveFollowUp("", Known.Now)));
        Assert.Equal(FollowUpStatus.Open, item.FollowUpStatus);
    }

    [Fact]
    public void An_open_follow_up_can_be_handed_to_someone_else()
    {
        var item = WithOpenFollowUp();

        item.ReassignFollowUp(Known.People.ContactCentreLead);

        Assert.Equal(Known.People.ContactCentreLead, item.FollowUpOwnerPersonId);
    }

    [Fact]
    public void Feedback_is_evidence_for_one_friction_issue_only()
    {
        var item = A.Feedback().Build();
        item.LinkTo(12);
        item.LinkTo(12);

        Assert.Equal("This feedback is already evidence for friction issue #12.", Refused(() => item.LinkTo(13)));
        Assert.Equal(12, item.FrictionIssueId);
    }

    [Fact]
    public void Unlinked_feedback_can_be_linked_to_another_issue()
    {
        var item = A.Feedback().Build();
        item.LinkTo(12);

        item.Unlink();
        item.LinkTo(13);

        Assert.Equal(13, item.FrictionIssueId);
    }

    [Fact]
    public void Erasing_personal_data_removes_what_was_said_and_who_said_it_but_keeps_the_score()
    {
        var item = WithOpenFollowUp();
        item.MarkContacted("Spoke to Mrs Jones on 07700 900123", Known.Now);

        item.ErasePersonalData();

        Assert.Equal("[erased at the customer's request]", item.Verbatim);
        Assert.Null(item.CustomerRef);
        Assert.Equal("[erased at the customer's request]", item.FollowUpNote);
        Assert.Equal(3, item.Score);
        Assert.Equal(ScoreBand.Detractor, item.ScoreBand);
    }

    [Fact]
    public void Reclassifying_changes_category_sentiment_and_stage()
    {
        var item = A.Feedback().Build();

        item.Reclassify(FeedbackCategory.Product, Sentiment.Neutral, 3);

        Assert.Equal((FeedbackCategory.Product, Sentiment.Neutral, (int?)3), (item.Category, item.Sentiment, item.JourneyStageId));
    }
}
