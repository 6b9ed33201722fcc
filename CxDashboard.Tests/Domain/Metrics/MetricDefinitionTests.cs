using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Metrics;
using CxDashboard.Tests.Domain.Builders;
using static CxDashboard.Tests.Domain.Builders.Known.Teams;

namespace CxDashboard.Tests.Domain.Metrics;

public class MetricDefinitionTests
{
    private static readonly Period Q3 = Period.Quarter(2026, 3);
    private static readonly DateTime Later = Known.Now;

    private static string Refused(Action attempt) => Assert.Throws<DomainException>(attempt).Message;

    private static TargetSpec[] Targets(double total) => [new(Q3, null, total, 5)];

    [Fact]
    public void A_new_metric_is_a_draft_with_its_first_revision()
    {
        var metric = A.Metric().Build();

        Assert.Equal(MetricStatus.Draft, metric.Status);
        var revision = Assert.Single(metric.Revisions);
        Assert.Equal(1, revision.Number);
        Assert.Equal(RevisionStatus.Draft, revision.Status);
        Assert.Same(revision, metric.Pending);
        Assert.Same(revision, metric.Current);
        Assert.Null(metric.InForce);
    }

    [Fact]
    public void A_metric_code_is_kept_in_capitals() =>
        Assert.Equal("CONV-WEB_1", A.Metric().WithCode("  conv-web_1 ").Build().Code);

    [Theory]
    [InlineData("conv rate")]
    [InlineData("nps/total")]
    public void A_metric_code_with_other_characters_is_refused(string code) =>
        Assert.Equal("A metric's code may contain only letters, digits, '-' and '_'.", Refused(() => A.Metric().WithCode(code).Build()));

    [Fact]
    public void A_metric_must_apply_to_at_least_one_channel() =>
        Assert.Equal("Name at least one channel the metric applies to.", Refused(() => A.Metric().WithChannels().Build()));

    [Fact]
    public void Star_ratings_cannot_be_the_source_of_a_computed_metric() =>
        Assert.Equal("Only NPS, CSAT and CES can be computed from feedback.",
            Refused(() => A.Metric().ComputedFrom(ScoreScale.StarRating).Build()));

    [Fact]
    public void Proposing_asks_the_named_teams_and_always_the_owning_team()
    {
        var metric = A.Metric().OwnedBy(CustomerExperience).WithStakeholders(Stores, Digital).Build();

        Assert.Equal(MetricStatus.Proposed, metric.Status);
        Assert.Equal(RevisionStatus.Proposed, metric.Pending!.Status);
        Assert.Equal([CustomerExperience, Stores, Digital], metric.Pending.StakeholderTeamIds);
        Assert.Equal([CustomerExperience, Stores, Digital], metric.Pending.TeamsStillToSignOff);
    }

    [Fact]
    public void Proposing_with_no_other_team_still_asks_the_owning_team() =>
        Assert.Equal([CustomerExperience], A.Metric().WithStakeholders().Build().Pending!.StakeholderTeamIds);

    [Fact]
    public void Proposing_twice_is_refused()
    {
        var metric = A.Metric().WithStakeholders(Stores).Build();

        Assert.Equal("Revision 1 is already proposed.", Refused(() => metric.Propose([Digital], Known.People.HeadOfCx, Later)));
    }

    [Fact]
    public void An_agreed_metric_has_no_draft_to_propose()
    {
        var metric = A.Metric().AgreedBy(Stores).Build();

        Assert.Equal("There is no draft to propose: change the metric to open a new revision.",
            Refused(() => metric.Propose([Digital], Known.People.HeadOfCx, Later)));
    }

    [Fact]
    public void One_team_signing_off_leaves_the_metric_proposed()
    {
        var metric = A.Metric().WithStakeholders(Stores, Digital).Build();

        metric.SignOff(Stores, Known.People.StoresLead, "Fine for stores", Later);

        Assert.Equal(MetricStatus.Proposed, metric.Status);
        Assert.Equal([CustomerExperience, Digital], metric.Pending!.TeamsStillToSignOff);
        Assert.Null(metric.InForce);
    }

    [Fact]
    public void The_metric_is_agreed_by_itself_when_the_last_team_signs_off()
    {
        var metric = A.Metric().WithStakeholders(Stores, Digital).Build();

        metric.SignOff(Stores, Known.People.StoresLead, null, Later);
        metric.SignOff(CustomerExperience, Known.People.HeadOfCx, null, Later);
        metric.SignOff(Digital, Known.People.DigitalLead, null, Later.AddHours(1));

        Assert.Equal(MetricStatus.Agreed, metric.Status);
        var agreed = metric.InForce!;
        Assert.Equal(1, agreed.Number);
        Assert.Equal(RevisionStatus.Agreed, agreed.Status);
        Assert.Equal(Later.AddHours(1), agreed.AgreedAt);
        Assert.Null(metric.Pending);
        Assert.Empty(agreed.TeamsStillToSignOff);
    }

    [Fact]
    public void An_objection_keeps_the_metric_proposed()
    {
        var metric = A.Metric().WithStakeholders(Stores).Build();

        metric.SignOff(CustomerExperience, Known.People.HeadOfCx, null, Later);
        metric.Object(Stores, Known.People.StoresLead, "Footfall counters are broken in six stores", Later);

        Assert.Equal(MetricStatus.Proposed, metric.Status);
        Assert.Equal([Stores], metric.Pending!.TeamsStillToSignOff);
        Assert.Equal(SignOffDecision.Objected, metric.Pending.Answers[Stores]!.Decision);
        Assert.Equal("Footfall counters are broken in six stores", metric.Pending.Answers[Stores]!.Comment);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_objection_needs_a_reason(string comment)
    {
        var metric = A.Metric().WithStakeholders(Stores).Build();

        Assert.Equal("The reason for objecting is required.", Refused(() => metric.Object(Stores, Known.People.StoresLead, comment, Later)));
        Assert.Empty(metric.Pending!.SignOffs);
    }

    [Fact]
    public void A_team_that_objected_can_sign_off_later_and_its_latest_answer_counts()
    {
        var metric = A.Metric().WithStakeholders(Stores).Build();
        metric.SignOff(CustomerExperience, Known.People.HeadOfCx, null, Later);
        metric.Object(Stores, Known.People.StoresLead, "Counters broken", Later);

        metric.SignOff(Stores, Known.People.StoresLead, "Counters fixed", Later.AddDays(1));

        Assert.Equal(MetricStatus.Agreed, metric.Status);
    }

    [Fact]
    public void A_team_that_is_not_a_stakeholder_cannot_sign_off_or_object()
    {
        var metric = A.Metric().WithStakeholders(Stores).Build();

        Assert.Equal("That team is not a stakeholder of Conversion rate revision 1.",
            Refused(() => metric.SignOff(SupplyChain, 99, null, Later)));
        Assert.Equal("That team is not a stakeholder of Conversion rate revision 1.",
            Refused(() => metric.Object(SupplyChain, 99, "No", Later)));
        Assert.Empty(metric.Pending!.SignOffs);
    }

    [Fact]
    public void Signing_off_a_draft_is_refused()
    {
        var metric = A.Metric().Build();

        Assert.Equal("Conversion rate has no proposed revision waiting for sign-off.",
            Refused(() => metric.SignOff(CustomerExperience, Known.People.HeadOfCx, null, Later)));
    }

    [Fact]
    public void Signing_off_an_agreed_metric_with_nothing_pending_is_refused()
    {
        var metric = A.Metric().AgreedBy(Stores).Build();

        Assert.Equal("Conversion rate has no proposed revision waiting for sign-off.",
            Refused(() => metric.SignOff(Stores, Known.People.StoresLead, null, Later)));
    }

    [Fact]
    public void Changing_an_agreed_metric_opens_revision_2_while_revision_1_stays_in_force()
    {
        var metric = A.Metric().AgreedBy(Stores, Digital).Build();

        var revision = metric.Revise(MetricBuilder.DefaultSpec(), Targets(45), Known.People.HeadOfCx, Later, "Stretch target");

        Assert.Equal(2, revision.Number);
        Assert.Equal(RevisionStatus.Proposed, revision.Status);
        Assert.Same(revision, metric.Pending);
        Assert.Equal([CustomerExperience, Stores, Digital], revision.StakeholderTeamIds);
        Assert.Equal(MetricStatus.Agreed, metric.Status);
        Assert.Equal(1, metric.InForce!.Number);
        Assert.Same(metric.InForce, metric.Current);
        Assert.Equal(40, metric.InForce.TargetFor(Q3, null)!.Value);
        Assert.Equal(45, revision.TargetFor(Q3, null)!.Value);
    }

    [Fact]
    public void Agreeing_revision_2_supersedes_revision_1()
    {
        var metric = A.Metric().AgreedBy(Stores).Build();
        metric.Revise(MetricBuilder.DefaultSpec(), Targets(45), Known.People.HeadOfCx, Later);

        metric.SignOff(CustomerExperience, Known.People.HeadOfCx, null, Later);
        metric.SignOff(Stores, Known.People.StoresLead, null, Later);

        Assert.Equal(RevisionStatus.Superseded, metric.Revisions.Single(r => r.Number == 1).Status);
        Assert.Equal(2, metric.InForce!.Number);
        Assert.Equal(45, metric.InForce.TargetFor(Q3, null)!.Value);
        Assert.Null(metric.Pending);
        Assert.Equal(MetricStatus.Agreed, metric.Status);
    }

    [Fact]
    public void A_revision_after_a_hand_over_is_also_put_to_the_new_owning_team()
    {
        var metric = A.Metric().AgreedBy(Stores).Build();
        metric.HandOver(Known.People.DigitalLead, Digital);

        var revision = metric.Revise(MetricBuilder.DefaultSpec(), Targets(45), Known.People.DigitalLead, Later);

        Assert.Contains(Digital, revision.StakeholderTeamIds);
        Assert.Contains(Stores, revision.StakeholderTeamIds);
    }

    [Fact]
    public void Editing_a_proposed_revision_clears_the_sign_offs_already_given()
    {
        var metric = A.Metric().WithStakeholders(Stores, Digital).Build();
        metric.SignOff(Stores, Known.People.StoresLead, null, Later);

        var edited = metric.Revise(MetricBuilder.DefaultSpec() with { Formula = "orders / sessions × 100" }, Targets(40),
            Known.People.HeadOfCx, Later.AddHours(1));

        Assert.Single(metric.Revisions);
        Assert.Equal(1, edited.Number);
        Assert.Equal(RevisionStatus.Proposed, edited.Status);
        Assert.Equal("orders / sessions × 100", edited.Formula);
        Assert.Empty(edited.SignOffs);
        Assert.Equal([CustomerExperience, Stores, Digital], edited.TeamsStillToSignOff);
        Assert.Equal(MetricEventKind.Edited, metric.Events[^1].Kind);
    }

    [Fact]
    public void Editing_a_draft_changes_it_in_place()
    {
        var metric = A.Metric().Build();

        metric.Revise(MetricBuilder.DefaultSpec() with { Unit = MetricUnit.Number }, [], Known.People.HeadOfCx, Later);

        Assert.Equal(MetricStatus.Draft, metric.Status);
        Assert.Equal(MetricUnit.Number, Assert.Single(metric.Revisions).Unit);
        Assert.Empty(metric.Current.Targets);
    }

    [Fact]
    public void A_refused_edit_leaves_the_pending_revision_as_it_was()
    {
        var metric = A.Metric().WithStakeholders(Stores).Build();
        metric.SignOff(Stores, Known.People.StoresLead, null, Later);
        var badTarget = new TargetSpec(Period.Month(2026, 9), null, 40, 5);

        Refused(() => metric.Revise(MetricBuilder.DefaultSpec() with { Formula = "something else", Unit = MetricUnit.Number },
            [badTarget], Known.People.HeadOfCx, Later));

        var pending = metric.Pending!;
        Assert.Equal("orders / visits × 100", pending.Formula);
        Assert.Equal(MetricUnit.Percent, pending.Unit);
        Assert.Single(pending.Targets);
        Assert.Single(pending.SignOffs);
    }

    [Fact]
    public void Retiring_needs_a_reason()
    {
        var metric = A.Metric().AgreedBy(Stores).Build();

        Assert.Equal("The reason for retiring is required.", Refused(() => metric.Retire(" ", Known.People.HeadOfCx, Later)));
        Assert.Equal(MetricStatus.Agreed, metric.Status);
    }

    [Fact]
    public void Retiring_withdraws_the_pending_revision_and_keeps_why_and_when()
    {
        var metric = A.Metric().AgreedBy(Stores).Build();
        var pending = metric.Revise(MetricBuilder.DefaultSpec(), Targets(45), Known.People.HeadOfCx, Later);

        metric.Retire("Replaced by journey conversion", Known.People.HeadOfCx, Later.AddDays(1));

        Assert.Equal(MetricStatus.Retired, metric.Status);
        Assert.Equal(RevisionStatus.Withdrawn, pending.Status);
        Assert.Null(metric.Pending);
        Assert.Equal("Replaced by journey conversion", metric.RetiredReason);
        Assert.Equal(Later.AddDays(1), metric.RetiredAt);
    }

    [Fact]
    public void Retiring_a_draft_withdraws_it()
    {
        var metric = A.Metric().Retired().Build();

        Assert.Equal(RevisionStatus.Withdrawn, Assert.Single(metric.Revisions).Status);
        Assert.Equal(1, metric.Current.Number);
    }

    public static TheoryData<string, Action<MetricDefinition>> Changes => new()
    {
        { "rename", m => m.Rename("Conversion") },
        { "hand over", m => m.HandOver(Known.People.DigitalLead, Digital) },
        { "revise", m => m.Revise(MetricBuilder.DefaultSpec(), [], Known.People.HeadOfCx, Later) },
        { "propose", m => m.Propose([Stores], Known.People.HeadOfCx, Later) },
        { "sign off", m => m.SignOff(Stores, Known.People.StoresLead, null, Later) },
        { "object", m => m.Object(Stores, Known.People.StoresLead, "No", Later) },
        { "retire again", m => m.Retire("Again", Known.People.HeadOfCx, Later) },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void A_retired_metric_refuses_every_change(string change, Action<MetricDefinition> attempt)
    {
        var metric = A.Metric().WithStakeholders(Stores).Retired().Build();

        Assert.True(change.Length > 0);
        Assert.Equal("Conversion rate is retired and can no longer change.", Refused(() => attempt(metric)));
    }

    [Fact]
    public void Every_step_is_recorded_in_order_with_who_when_and_why()
    {
        var drafted = new DateTime(2026, 8, 1, 9, 0, 0, DateTimeKind.Utc);
        var metric = MetricDefinition.Draft("CONV", "Conversion rate", MetricDimension.Operational, Known.People.HeadOfCx,
            CustomerExperience, MetricBuilder.DefaultSpec(), Targets(40), Known.People.HeadOfCx, drafted);
        metric.Propose([Stores], Known.People.HeadOfCx, drafted.AddDays(1));
        metric.Object(Stores, Known.People.StoresLead, "Counters broken", drafted.AddDays(2));
        metric.SignOff(CustomerExperience, Known.People.HeadOfCx, "  Agreed at council  ", drafted.AddDays(3));
        metric.SignOff(Stores, Known.People.StoresLead, null, drafted.AddDays(4));

        Assert.Collection(metric.Events,
            e => Assert.Equal((MetricEventKind.Drafted, 1, Known.People.HeadOfCx, (int?)null, (string?)null, drafted),
                (e.Kind, e.RevisionNumber, e.PersonId, e.TeamId, e.Comment, e.At)),
            e => Assert.Equal((MetricEventKind.Proposed, Known.People.HeadOfCx, drafted.AddDays(1)), (e.Kind, e.PersonId, e.At)),
            e => Assert.Equal((MetricEventKind.Objected, Known.People.StoresLead, (int?)Stores, "Counters broken", drafted.AddDays(2)),
                (e.Kind, e.PersonId, e.TeamId, e.Comment, e.At)),
            e => Assert.Equal((MetricEventKind.SignedOff, (int?)CustomerExperience, "Agreed at council"), (e.Kind, e.TeamId, e.Comment)),
            e => Assert.Equal((MetricEventKind.SignedOff, (int?)Stores, drafted.AddDays(4)), (e.Kind, e.TeamId, e.At)),
            e => Assert.Equal((MetricEventKind.Agreed, 1, drafted.AddDays(4)), (e.Kind, e.RevisionNumber, e.At)));
    }

    [Fact]
    public void Opening_a_revision_and_retiring_are_recorded_against_the_right_revision()
    {
        var metric = A.Metric().AgreedBy(Stores).Build();
        metric.Revise(MetricBuilder.DefaultSpec(), Targets(45), Known.People.HeadOfCx, Later, "Stretch target");
        metric.Retire("No longer measured", Known.People.HeadOfCx, Later.AddDays(1));

        var opened = metric.Events[^2];
        Assert.Equal((MetricEventKind.RevisionOpened, 2, "Stretch target"), (opened.Kind, opened.RevisionNumber, opened.Comment));
        var retired = metric.Events[^1];
        Assert.Equal((MetricEventKind.Retired, 1, "No longer measured"), (retired.Kind, retired.RevisionNumber, retired.Comment));
    }
}
