using Bunit;
using CxDashboard.Tests.Components.Forms;
using CxDashboard.Tests.Features.Governance;
using CxDashboard.Web.Features.Governance;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Tests.Components.Governance;

/// <summary>Recording a decision in a review's decision log.</summary>
public sealed class DecisionLogTests : BunitContext, IAsyncLifetime
{
    private GovernanceData _data = null!;
    private int _reviewId;

    public async Task InitializeAsync()
    {
        _data = await GovernanceData.CreateAsync();
        GovernanceHost.Prepare(this, _data, _data.Metrics.CxLead);
        _reviewId = await _data.Service.CreateAsync(_data.Draft(), _data.Metrics.CxLead, default);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _data.DisposeAsync();
    }

    private IRenderedComponent<DecisionLog> RenderLog(Action onRecorded) => Render<DecisionLog>(p => p
        .Add(x => x.ReviewId, _reviewId)
        .Add(x => x.Caller, _data.Metrics.CxLead)
        .Add(x => x.Decisions, [])
        .Add(x => x.OnRecorded, onRecorded));

    private async Task<IReadOnlyList<string>> DecisionsAsync()
    {
        await using var db = _data.Metrics.Database.CreateDbContext();
        return (await db.Reviews.Include(r => r.Decisions).SingleAsync(r => r.Id == _reviewId)).Decisions.Select(d => d.Text).ToList();
    }

    [Fact]
    public async Task Recording_an_empty_decision_asks_what_was_decided_and_records_nothing()
    {
        var recorded = false;
        var log = RenderLog(() => recorded = true);

        log.InputUnder("Decision").Change("   ");
        log.FindAll("button").Single(b => b.TextContent.Trim() == "Record decision").Click();

        log.WaitForAssertion(() => Assert.Equal("Write what was decided.", log.ErrorUnder("Decision")));
        Assert.False(recorded);
        Assert.Empty(await DecisionsAsync());
    }

    [Fact]
    public async Task A_written_decision_is_recorded_and_the_box_is_emptied()
    {
        var recorded = false;
        var log = RenderLog(() => recorded = true);

        log.InputUnder("Decision").Change("Stores owns click & collect readiness.");
        log.FindAll("button").Single(b => b.TextContent.Trim() == "Record decision").Click();

        log.WaitForAssertion(() => Assert.True(recorded));
        Assert.Equal(["Stores owns click & collect readiness."], await DecisionsAsync());
        Assert.Null(log.ErrorUnder("Decision"));
        Assert.Equal(string.Empty, log.InputUnder("Decision").TextContent);
    }
}
