using CxDashboard.Domain.Common;
using CxDashboard.Domain.Metrics;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Metrics;

namespace CxDashboard.Tests.Features.Metrics;

public sealed class MetricLifecycleTests : IAsyncLifetime
{
    private MetricsData _data = null!;

    public async Task InitializeAsync() => _data = await MetricsData.CreateAsync();

    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task A_metric_becomes_agreed_when_the_last_stakeholder_team_signs_off()
    {
        var id = await _data.Metric("NPS-STORE").ProposedTo(_data.StoresTeam, _data.DigitalTeam).SaveAsync();

        await _data.Commands.SignOffAsync(_data.StoresLead, id, await _data.VersionOfAsync(id), "Stores agree");
        await _data.Commands.SignOffAsync(_data.DigitalLead, id, await _data.VersionOfAsync(id), null);
        var waiting = await _data.Service.GetDetailsAsync(_data.CxLead, id);
        Assert.Equal(MetricStatus.Proposed, waiting!.Status);
        Assert.Equal(["Customer Experience"], waiting.Pending!.WaitingFor.Select(s => s.TeamName));

        await _data.Commands.SignOffAsync(_data.CxLead, id, await _data.VersionOfAsync(id), null);

        var agreed = await _data.Service.GetDetailsAsync(_data.CxLead, id);
        Assert.Equal(MetricStatus.Agreed, agreed!.Status);
        Assert.Equal(1, agreed.InForce!.Number);
        Assert.Null(agreed.Pending);
        var signOff = agreed.Events.Single(e => e.Kind == MetricEventKind.SignedOff && e.TeamName == "Stores");
        Assert.Equal(("Sam Patel", "Stores agree"), (signOff.PersonName, signOff.Comment));
        Assert.Contains(agreed.Events, e => e.Kind == MetricEventKind.Agreed);
    }

    [Fact]
    public async Task An_objection_needs_a_comment_and_is_shown_against_the_team()
    {
        var id = await _data.Metric("CES").ProposedTo(_data.StoresTeam).SaveAsync();

        await Assert.ThrowsAsync<DomainException>(() => _data.Commands.ObjectAsync(_data.StoresLead, id, 0, " "));
        await _data.Commands.ObjectAsync(_data.StoresLead, id, await _data.VersionOfAsync(id), "Store surveys do not ask this question");

        var details = await _data.Service.GetDetailsAsync(_data.CxLead, id);
        var stores = details!.Pending!.Stakeholders.Single(s => s.TeamName == "Stores");
        Assert.Equal(SignOffDecision.Objected, stores.Decision);
        Assert.Equal("Store surveys do not ask this question", stores.Comment);
    }

    [Fact]
    public async Task A_lead_of_a_team_that_is_not_a_stakeholder_cannot_sign_off()
    {
        var id = await _data.Metric("DELIVERY").ProposedTo(_data.StoresTeam).SaveAsync();

        var refusal = await Assert.ThrowsAsync<NotAllowedException>(() =>
            _data.Commands.SignOffAsync(_data.DigitalLead, id, 0, null));
        Assert.Contains("not asked to sign off", refusal.Message);
    }

    [Fact]
    public async Task Changing_an_agreed_target_opens_a_new_revision_while_the_agreed_one_stays_in_force()
    {
        var id = await _data.Metric("CONV").Target("2026-Q4", 40, 2).AgreedBy(_data.StoresTeam).SaveAsync();
        var (form, version) = (await _data.Commands.GetFormAsync(id))!.Value;
        form.Targets[0].Value = 45;
        form.Note = "Raise the bar after the checkout redesign";

        await _data.Commands.UpdateAsync(_data.CxLead, id, version, form, propose: false);

        var details = await _data.Service.GetDetailsAsync(_data.CxLead, id);
        Assert.Equal(MetricStatus.Agreed, details!.Status);
        Assert.Equal(1, details.InForce!.Number);
        Assert.Equal(40, details.InForce.Targets.Single().Value);
        Assert.Equal(2, details.Pending!.Number);
        Assert.Equal(RevisionStatus.Proposed, details.Pending.Status);
        Assert.Equal(45, details.Pending.Targets.Single().Value);
        Assert.Equal(["Customer Experience", "Stores"], details.Pending.WaitingFor.Select(s => s.TeamName));
        var quarter = await _data.Service.GetQuarterValuesAsync(Period.Parse("2026-Q4"), null);
        Assert.Equal(40, quarter.Single().Target);

        await _data.Commands.SignOffAsync(_data.StoresLead, id, await _data.VersionOfAsync(id), null);
        await _data.Commands.SignOffAsync(_data.CxLead, id, await _data.VersionOfAsync(id), null);

        var agreed = await _data.Service.GetDetailsAsync(_data.CxLead, id);
        Assert.Equal(2, agreed!.InForce!.Number);
        Assert.Equal(RevisionStatus.Superseded, agreed.Revisions.Single(r => r.Number == 1).Status);
        Assert.Equal(45, (await _data.Service.GetQuarterValuesAsync(Period.Parse("2026-Q4"), null)).Single().Target);
    }

    [Fact]
    public async Task A_save_based_on_a_stale_version_is_refused_and_changes_nothing()
    {
        var id = await _data.Metric("FCR").SaveAsync();
        var (mine, version) = (await _data.Commands.GetFormAsync(id))!.Value;
        var (theirs, _) = (await _data.Commands.GetFormAsync(id))!.Value;
        theirs.Formula = "resolved on first contact / contacts";
        await _data.Commands.UpdateAsync(_data.CxLead, id, version, theirs, propose: false);

        mine.Formula = "something else";
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _data.Commands.UpdateAsync(_data.CxLead, id, version, mine, propose: false));

        var details = await _data.Service.GetDetailsAsync(_data.CxLead, id);
        Assert.Equal("resolved on first contact / contacts", details!.Current.Formula);
    }

    [Fact]
    public async Task A_draft_created_from_the_form_can_be_proposed_to_its_stakeholders()
    {
        var form = new MetricForm
        {
            Code = "repeat-rate", Name = "Repeat purchase rate", Dimension = MetricDimension.Loyalty,
            OwnerPersonId = _data.StoresLead.PersonId!.Value, OwningTeamId = _data.StoresTeam,
            Description = "Share of customers who buy again within 90 days", Formula = "repeat buyers / buyers", DataSource = "Loyalty programme",
            ChannelIds = [_data.Store], StakeholderTeamIds = [_data.CxTeam],
            Targets = [new TargetRow { Quarter = "2026-Q4", Value = 30, AmberTolerance = 3 }],
        };

        var id = await _data.Commands.CreateAsync(_data.StoresLead, form, propose: true);

        var details = await _data.Service.GetDetailsAsync(_data.CxLead, id);
        Assert.Equal(("REPEAT-RATE", MetricStatus.Proposed), (details!.Code, details.Status));
        Assert.Equal(["Customer Experience", "Stores"], details.Pending!.Stakeholders.Select(s => s.TeamName));
    }

    [Fact]
    public async Task A_channel_lead_cannot_draft_a_metric_for_another_team()
    {
        var form = new MetricForm { Code = "X", Name = "X", OwnerPersonId = _data.StoresLead.PersonId!.Value, OwningTeamId = _data.DigitalTeam };

        await Assert.ThrowsAsync<NotAllowedException>(() => _data.Commands.CreateAsync(_data.StoresLead, form, propose: false));
    }

    [Fact]
    public async Task Only_a_cx_lead_retires_a_metric_and_the_reason_is_recorded()
    {
        var id = await _data.Metric("OLD").AgreedBy(_data.StoresTeam).SaveAsync();

        await Assert.ThrowsAsync<NotAllowedException>(() => _data.Commands.RetireAsync(_data.StoresLead, id, 0, "No longer used"));
        await _data.Commands.RetireAsync(_data.CxLead, id, await _data.VersionOfAsync(id), "Replaced by the new NPS survey");

        var details = await _data.Service.GetDetailsAsync(_data.CxLead, id);
        Assert.Equal(MetricStatus.Retired, details!.Status);
        Assert.Equal("Replaced by the new NPS survey", details.RetiredReason);
        Assert.Contains(details.Events, e => e.Kind == MetricEventKind.Retired && e.PersonName == "Alex Morgan");
        Assert.Equal(MetricPermissions.None, details.Permissions);
    }
}
