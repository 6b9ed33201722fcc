using CxDashboard.Domain.Common;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Scorecards;
using CxDashboard.Web.Features.Common;

namespace CxDashboard.Tests.Features.Scorecards;

public sealed class ScorecardServiceTests : IAsyncLifetime
{
    private ScorecardData _data = null!;

    public async Task InitializeAsync() => _data = await ScorecardData.CreateAsync();

    public async Task DisposeAsync() => await _data.DisposeAsync();

    private Web.Features.Scorecards.ScorecardService Service => _data.Service;

    [Fact]
    public async Task A_draft_shows_every_agreed_metric_in_total_and_on_each_channel_it_is_measured_on_with_four_quarters()
    {
        await Service.StartDraftAsync(_data.Metrics.CxLead, ScorecardData.Q3);

        var draft = await Service.GetAsync(_data.Metrics.CxLead, ScorecardData.Q3);

        Assert.Equal(ScorecardStatus.Draft, draft.Status);
        var csat = draft.Totals.Single(r => r.Code == "CSAT");
        Assert.Equal([70, 75, 79, 82], csat.Trend);
        Assert.Equal((82.0, 80.0, Rag.Green), (csat.Actual, csat.Target, csat.Rag));
        Assert.Equal(3, csat.Change!.Value, 6);
        var inStore = draft.ForChannel(_data.Metrics.Store).Single();
        Assert.Equal((78.0, 85.0, Rag.Red), (inStore.Actual, inStore.Target, inStore.Rag));
        Assert.Equal(["CSAT", "DPK"], draft.ForChannel(_data.Metrics.Web).Select(r => r.Code).Order());
        Assert.Empty(draft.ForChannel(_data.Metrics.App));
    }

    [Fact]
    public async Task Publishing_freezes_the_lines_so_a_later_correction_of_a_value_does_not_change_the_published_scorecard()
    {
        var lead = _data.Metrics.CxLead;
        await Service.StartDraftAsync(lead, ScorecardData.Q3);
        await Service.WriteHeadlineAsync(lead, ScorecardData.Q3, "Satisfaction on target; delivery behind.", null);
        await Service.WriteCommentaryAsync(_data.Metrics.StoresLead, ScorecardData.Q3, _data.Satisfaction, "New tills cut queues.", null);
        await Service.PublishAsync(lead, ScorecardData.Q3);

        await _data.ChangeValueAsync(_data.Satisfaction, "2026-Q3", null, 60);
        await _data.ChangeValueAsync(_data.Satisfaction, "2026-Q2", null, 99);
        var published = await Service.GetAsync(lead, ScorecardData.Q3);

        Assert.Equal(ScorecardStatus.Published, published.Status);
        Assert.Equal(lead.Name, published.PublishedBy);
        Assert.Equal("Satisfaction on target; delivery behind.", published.Headline);
        var csat = published.Totals.Single(r => r.Code == "CSAT");
        Assert.Equal([70, 75, 79, 82], csat.Trend);
        Assert.Equal(Rag.Green, csat.Rag);
        Assert.Equal("New tills cut queues.", csat.Commentary);
        Assert.False(csat.MayComment);
    }

    [Fact]
    public async Task A_published_scorecard_cannot_be_published_again_nor_its_commentary_changed()
    {
        await _data.PublishAsync(ScorecardData.Q3);

        await Assert.ThrowsAsync<DomainException>(() => Service.PublishAsync(_data.Metrics.CxLead, ScorecardData.Q3));
        await Assert.ThrowsAsync<DomainException>(() =>
            Service.WriteCommentaryAsync(_data.Metrics.CxLead, ScorecardData.Q3, _data.Satisfaction, "Too late.", null));
    }

    [Fact]
    public async Task An_executive_sees_only_published_scorecards_and_is_refused_a_draft()
    {
        await _data.PublishAsync(ScorecardData.Q2);
        await Service.StartDraftAsync(_data.Metrics.CxLead, ScorecardData.Q3);
        var executive = _data.Metrics.Executive;

        var list = await Service.ListAsync(executive);

        Assert.Equal([ScorecardData.Q2], list.Scorecards.Select(s => s.Quarter));
        Assert.Empty(list.QuartersToStart);
        var refusal = await Assert.ThrowsAsync<NotAllowedException>(() => Service.GetAsync(executive, ScorecardData.Q3));
        Assert.Contains("draft", refusal.Message);
        var published = await Service.GetAsync(executive, ScorecardData.Q2);
        Assert.False(published.Permissions.MayPublish);
        Assert.Equal([ScorecardData.Q3, ScorecardData.Q2], (await Service.ListAsync(_data.Metrics.StoresLead)).Scorecards.Select(s => s.Quarter));
    }

    [Fact]
    public async Task Only_the_head_of_cx_starts_publishes_and_writes_the_headline()
    {
        var storesLead = _data.Metrics.StoresLead;
        await Assert.ThrowsAsync<NotAllowedException>(() => Service.StartDraftAsync(storesLead, ScorecardData.Q3));
        await Service.StartDraftAsync(_data.Metrics.CxLead, ScorecardData.Q3);

        await Assert.ThrowsAsync<NotAllowedException>(() => Service.PublishAsync(storesLead, ScorecardData.Q3));
        await Assert.ThrowsAsync<NotAllowedException>(() => Service.WriteHeadlineAsync(_data.Metrics.Executive, ScorecardData.Q3, "Mine", null));
        await Assert.ThrowsAsync<DomainException>(() => Service.StartDraftAsync(_data.Metrics.CxLead, ScorecardData.Q3));
    }

    [Fact]
    public async Task The_metrics_owner_writes_its_commentary_another_channel_lead_is_refused_and_the_head_of_cx_may_edit_any()
    {
        await Service.StartDraftAsync(_data.Metrics.CxLead, ScorecardData.Q3);

        await Service.WriteCommentaryAsync(_data.Metrics.StoresLead, ScorecardData.Q3, _data.Satisfaction, "Queues are down.", null);
        var refusal = await Assert.ThrowsAsync<NotAllowedException>(() =>
            Service.WriteCommentaryAsync(_data.Metrics.DigitalLead, ScorecardData.Q3, _data.Satisfaction, "Not mine to say.", "Queues are down."));
        await Service.WriteCommentaryAsync(_data.Metrics.CxLead, ScorecardData.Q3, _data.Delivery, "Carrier strike in August.", null);

        Assert.Contains("owner", refusal.Message);
        var asStoresLead = await Service.GetAsync(_data.Metrics.StoresLead, ScorecardData.Q3);
        Assert.Equal("Queues are down.", asStoresLead.Totals.Single(r => r.Code == "CSAT").Commentary);
        Assert.Equal("Carrier strike in August.", asStoresLead.Totals.Single(r => r.Code == "DPK").Commentary);
        Assert.Equal([true, false], asStoresLead.Totals.OrderBy(r => r.Code).Select(r => r.MayComment));
    }

    [Fact]
    public async Task Saving_commentary_over_a_change_made_since_it_was_opened_is_refused_with_the_current_text()
    {
        await Service.StartDraftAsync(_data.Metrics.CxLead, ScorecardData.Q3);
        await Service.WriteCommentaryAsync(_data.Metrics.StoresLead, ScorecardData.Q3, _data.Satisfaction, "First take.", null);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Service.WriteCommentaryAsync(_data.Metrics.CxLead, ScorecardData.Q3, _data.Satisfaction, "Overwrite.", null));

        Assert.Contains("First take.", conflict.Message);
        var view = await Service.GetAsync(_data.Metrics.CxLead, ScorecardData.Q3);
        Assert.Equal("First take.", view.Totals.Single(r => r.Code == "CSAT").Commentary);
    }

    [Fact]
    public async Task Two_quarters_compared_side_by_side_give_each_metrics_totals_and_the_change()
    {
        await _data.PublishAsync(ScorecardData.Q2);
        await _data.PublishAsync(ScorecardData.Q3);

        var comparison = await Service.CompareAsync(_data.Metrics.Executive, ScorecardData.Q2, ScorecardData.Q3);

        var csat = comparison.Rows.Single(r => r.Code == "CSAT");
        Assert.Equal((79.0, 82.0), (csat.A!.Actual, csat.B!.Actual));
        Assert.Equal(3, csat.Delta!.Value, 6);
        var delivery = comparison.Rows.Single(r => r.Code == "DPK");
        Assert.Equal((Rag.None, Rag.Red), (delivery.A!.Rag, delivery.B!.Rag));
        Assert.Equal(-5, delivery.Delta!.Value, 6);
    }
}
