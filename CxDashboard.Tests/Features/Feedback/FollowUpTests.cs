using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Feedback;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Tests.Features.Feedback;

public sealed class FollowUpTests : IAsyncLifetime
{
    private FeedbackData _data = null!;

    public async Task InitializeAsync() => _data = await FeedbackData.CreateAsync();

    public async Task DisposeAsync() => await _data.Database.DisposeAsync();

    private async Task<FollowUpView> FollowUpOf(int id) => (await _data.Service().GetDetailAsync(id, _data.CxLead)).FollowUp;

    [Fact]
    public async Task A_detractor_opens_a_follow_up_owned_by_the_channel_teams_lead_due_48_hours_after_receipt()
    {
        var received = FeedbackData.Now.AddHours(-3);
        var saved = await _data.Service().RecordAsync(_data.Command(_data.Web, ScoreScale.Nps, 4, receivedAt: received), _data.CaraContributor);

        Assert.Equal("Eli Novak", saved.FollowUpOwner);
        Assert.Equal(received.AddHours(48), saved.FollowUpDueAt);
        var followUp = await FollowUpOf(saved.Id);
        Assert.Equal(FollowUpStatus.Open, followUp.Status);
        Assert.Equal(_data.Eli, followUp.OwnerPersonId);
    }

    [Fact]
    public async Task The_configured_SLA_sets_when_the_follow_up_is_due()
    {
        var received = FeedbackData.Now.AddHours(-3);
        var saved = await _data.Service(slaHours: 24).RecordAsync(_data.Command(_data.Store, ScoreScale.Csat, 1, receivedAt: received), _data.CaraContributor);

        Assert.Equal("Dana Reid", saved.FollowUpOwner);
        Assert.Equal(received.AddHours(24), saved.FollowUpDueAt);
    }

    [Fact]
    public async Task A_promoter_gets_no_follow_up()
    {
        var saved = await _data.Service().RecordAsync(_data.Command(_data.Store, ScoreScale.Nps, 10), _data.CaraContributor);

        Assert.Null(saved.FollowUpOwner);
        Assert.Equal(FollowUpStatus.None, (await FollowUpOf(saved.Id)).Status);
    }

    [Fact]
    public async Task A_complaint_without_a_score_opens_a_follow_up()
    {
        var saved = await _data.Service().RecordAsync(
            _data.Command(_data.Store, source: FeedbackSource.Complaint, verbatim: "My parcel never arrived."), _data.CaraContributor);

        Assert.Equal("Dana Reid", saved.FollowUpOwner);
        Assert.Equal(FollowUpStatus.Open, (await FollowUpOf(saved.Id)).Status);
    }

    [Fact]
    public async Task Feedback_imported_in_bulk_gets_its_follow_ups_from_the_same_rule()
    {
        await using var db = _data.Database.CreateDbContext();
        var items = new[] { 2, 9, 6 }.Select(score => new FeedbackItem(new FeedbackDetails(FeedbackData.Now.AddHours(-1), _data.Web, null,
            FeedbackSource.Survey, FeedbackCategory.Experience, Sentiment.Neutral, ScoreScale.Nps, score, ""), null, FeedbackData.Now)).ToList();
        db.Feedback.AddRange(items);

        var opened = await _data.Service().OpenFollowUpsAsync(items, db);
        await db.SaveChangesAsync();

        Assert.Equal(2, opened.Opened);
        Assert.Equal(2, await db.Feedback.CountAsync(f => f.FollowUpOwnerPersonId == _data.Eli && f.FollowUpStatus == FollowUpStatus.Open));
    }

    [Fact]
    public async Task My_follow_ups_list_the_overdue_ones_first_and_count_them()
    {
        var dueLater = await _data.Feedback().On(_data.Store).Nps(3).ReceivedAt(FeedbackData.Now.AddHours(-1)).WithFollowUp().AddAsync();
        var overdue = await _data.Feedback().On(_data.Store).Nps(2).ReceivedAt(FeedbackData.Now.AddHours(-50)).WithFollowUp().AddAsync();
        await _data.Feedback().On(_data.Web).Nps(1).WithFollowUp().AddAsync();

        var mine = await _data.Service().GetFollowUpsAsync(FollowUpScope.Mine, _data.StoresLead);

        Assert.Equal([overdue, dueLater], mine.Rows.Select(r => r.FeedbackId));
        Assert.Equal(1, mine.Overdue);
        Assert.True(mine.Rows[0].IsOverdue);
        Assert.Equal(1, await _data.Service().CountMyOverdueAsync(_data.StoresLead));
    }

    [Fact]
    public async Task A_follow_up_becomes_overdue_when_its_due_time_passes()
    {
        await _data.Feedback().On(_data.Store).Nps(3).ReceivedAt(FeedbackData.Now.AddHours(-1)).WithFollowUp().AddAsync();
        Assert.Equal(0, (await _data.Service().GetFollowUpsAsync(FollowUpScope.Mine, _data.StoresLead)).Overdue);

        _data.Clock.Advance(TimeSpan.FromHours(48));

        Assert.Equal(1, (await _data.Service().GetFollowUpsAsync(FollowUpScope.Mine, _data.StoresLead)).Overdue);
    }

    [Fact]
    public async Task The_owner_marks_the_customer_contacted_then_resolves_the_follow_up()
    {
        var id = await _data.Feedback().On(_data.Store).Nps(3).WithFollowUp().AddAsync();
        var service = _data.Service();

        await service.MarkContactedAsync(id, "Called the customer, apologised.", (await service.GetDetailAsync(id, _data.StoresLead)).Version, _data.StoresLead);
        var contacted = await FollowUpOf(id);
        Assert.Equal(FollowUpStatus.Contacted, contacted.Status);
        Assert.Equal(FeedbackData.Now, contacted.ContactedAt);

        _data.Clock.Advance(TimeSpan.FromHours(5));
        await service.ResolveFollowUpAsync(id, "Refund issued.", (await service.GetDetailAsync(id, _data.StoresLead)).Version, _data.StoresLead);
        var resolved = await FollowUpOf(id);
        Assert.Equal(FollowUpStatus.Resolved, resolved.Status);
        Assert.Equal(FeedbackData.Now.AddHours(5), resolved.ResolvedAt);
        Assert.Equal("Refund issued.", resolved.Note);
        Assert.Empty((await service.GetFollowUpsAsync(FollowUpScope.Mine, _data.StoresLead)).Rows);
    }

    [Fact]
    public async Task A_contributor_cannot_update_a_follow_up_someone_else_owns()
    {
        var id = await _data.Feedback().On(_data.Store).Nps(3).WithFollowUp().AddAsync();
        var service = _data.Service();
        var detail = await service.GetDetailAsync(id, _data.CaraContributor);
        Assert.False(detail.FollowUp.CanUpdate);

        await Assert.ThrowsAsync<NotAllowedException>(() => service.MarkContactedAsync(id, "Called.", detail.Version, _data.CaraContributor));
        Assert.Equal(FollowUpStatus.Open, (await FollowUpOf(id)).Status);
    }

    [Fact]
    public async Task A_contributor_updates_a_follow_up_handed_over_to_them()
    {
        var id = await _data.Feedback().On(_data.Store).Nps(3).WithFollowUp().AddAsync();
        var service = _data.Service();
        await service.ReassignFollowUpAsync(id, _data.Cara, (await service.GetDetailAsync(id, _data.StoresLead)).Version, _data.StoresLead);

        await service.MarkContactedAsync(id, "Called.", (await service.GetDetailAsync(id, _data.CaraContributor)).Version, _data.CaraContributor);

        Assert.Equal(FollowUpStatus.Contacted, (await FollowUpOf(id)).Status);
    }

    [Fact]
    public async Task A_channel_lead_cannot_update_or_hand_over_follow_ups_of_another_teams_channel()
    {
        var id = await _data.Feedback().On(_data.Web).Nps(3).WithFollowUp().AddAsync();
        var service = _data.Service();
        var version = (await service.GetDetailAsync(id, _data.StoresLead)).Version;

        await Assert.ThrowsAsync<NotAllowedException>(() => service.MarkContactedAsync(id, "Called.", version, _data.StoresLead));
        await Assert.ThrowsAsync<NotAllowedException>(() => service.ReassignFollowUpAsync(id, _data.Dana, version, _data.StoresLead));
    }

    [Fact]
    public async Task A_stale_version_is_refused_as_a_conflict()
    {
        var id = await _data.Feedback().On(_data.Store).Nps(3).WithFollowUp().AddAsync();
        var service = _data.Service();
        var seen = (await service.GetDetailAsync(id, _data.StoresLead)).Version;
        await service.ReassignFollowUpAsync(id, _data.Cara, seen, _data.CxLead);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => service.MarkContactedAsync(id, "Called.", seen, _data.StoresLead));
    }

    [Fact]
    public async Task Executives_cannot_record_feedback()
    {
        await Assert.ThrowsAsync<NotAllowedException>(() => _data.Service().RecordAsync(_data.Command(_data.Store), _data.Executive));
    }

    [Theory]
    [InlineData("jane@example.com")]
    [InlineData("Jane Smith")]
    public async Task A_customer_reference_that_looks_like_an_e_mail_or_a_name_is_refused(string customerRef)
    {
        await Assert.ThrowsAsync<DomainException>(() =>
            _data.Service().RecordAsync(_data.Command(_data.Store, customerRef: customerRef), _data.CaraContributor));
    }

    [Fact]
    public async Task Words_are_required_unless_a_survey_gives_a_score()
    {
        var service = _data.Service();
        await Assert.ThrowsAsync<DomainException>(() =>
            service.RecordAsync(_data.Command(_data.Store, source: FeedbackSource.Review, verbatim: " "), _data.CaraContributor));

        var saved = await service.RecordAsync(_data.Command(_data.Store, ScoreScale.Nps, 8, verbatim: null), _data.CaraContributor);
        Assert.True(saved.Id > 0);
    }
}
