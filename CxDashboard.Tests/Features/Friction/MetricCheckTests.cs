using CxDashboard.Domain.Audit;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Friction;
using CxDashboard.Domain.Statistics;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Features.Friction;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CxDashboard.Tests.Features.Friction;

/// <summary>
/// The closing checklist's metric check: met by a significant improvement of the linked metric between
/// two periods, read from the data with their answers, or by a reason to close without one.
/// </summary>
public sealed class MetricCheckTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private FrictionData _data = null!;
    private FrictionService _service = null!;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(FrictionData.Now));
    private static readonly Period August = Period.Parse("2026-08");
    private static readonly Period October = Period.Parse("2026-10");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _data = await FrictionData.CreateAsync(_database);
        _service = new FrictionService(_database, _clock);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    /// <summary>A resolved issue, people told, with NPS linked: only the metric check stands between it and closing.</summary>
    private async Task<int> IssueAwaitingItsMetricCheckAsync()
    {
        var id = await _data.IssueAsync(status: FrictionStatus.Resolved);
        await _service.LinkMetricAsync(id, new MetricLink(_data.Nps, 40), _data.CxLead, default);
        await _service.RecordPeopleToldAsync(id, ToldAudience.Customers, "E-mail to those who complained", FrictionData.Now.AddHours(-1), _data.CxLead, default);
        return id;
    }

    private async Task<ClosingCheck> MetricLineAsync(int id) =>
        (await _service.GetIssueAsync(id, default)).Checklist.Single(c => c.MetricName == "Net Promoter Score");

    [Fact]
    public async Task A_significant_improvement_read_from_the_data_meets_the_check_and_the_loop_closes()
    {
        var id = await IssueAwaitingItsMetricCheckAsync();
        await _data.MonthlyTotalAsync(_data.Nps, "2026-08", 40.5, sampleSize: 1200, margin: 3.1);
        await _data.MonthlyTotalAsync(_data.Nps, "2026-10", 47.3, sampleSize: 1150, margin: 3.0);

        await _service.RecordMetricCheckAsync(id, _data.Nps, August, October, _data.CxLead, default);

        var line = await MetricLineAsync(id);
        Assert.True(line.Done, line.Text);
        Assert.Equal("Net Promoter Score improved: +41 in 2026-08 (n = 1,200, ±3.1) → +47 in 2026-10 (n = 1,150, ±3.0), +6.8, a real improvement.", line.Text);
        await _service.ChangeStatusAsync(id, FrictionMove.Close, null, _data.CxLead, default);
        Assert.Equal(FrictionStatus.Closed, (await _service.GetIssueAsync(id, default)).Status);
    }

    [Fact]
    public async Task A_change_within_the_noise_leaves_the_check_missing_and_closing_is_refused()
    {
        var id = await IssueAwaitingItsMetricCheckAsync();
        await _data.MonthlyTotalAsync(_data.Nps, "2026-08", 40.45, sampleSize: 310, margin: 5.9);
        await _data.MonthlyTotalAsync(_data.Nps, "2026-10", 41.54, sampleSize: 325, margin: 5.8);

        await _service.RecordMetricCheckAsync(id, _data.Nps, August, October, _data.CxLead, default);

        var line = await MetricLineAsync(id);
        Assert.False(line.Done);
        Assert.Equal("Net Promoter Score shows no significant improvement: +40 in 2026-08 (n = 310, ±5.9) → +42 in 2026-10 (n = 325, ±5.8), "
            + "+1.1, within the noise. Close with a significant improvement, or give a reason to close without one.", line.Text);
        var refused = await Assert.ThrowsAsync<DomainException>(() => _service.ChangeStatusAsync(id, FrictionMove.Close, null, _data.CxLead, default));
        Assert.Contains("shows a change within the noise", refused.Message);
        Assert.Equal(FrictionStatus.Resolved, (await _service.GetIssueAsync(id, default)).Status);
    }

    [Fact]
    public async Task A_reason_to_close_without_an_improvement_meets_the_check_and_is_kept_in_the_audit_trail()
    {
        var id = await IssueAwaitingItsMetricCheckAsync();
        await _data.MonthlyTotalAsync(_data.Nps, "2026-08", 40.45, sampleSize: 310, margin: 5.9);
        await _data.MonthlyTotalAsync(_data.Nps, "2026-10", 41.54, sampleSize: 325, margin: 5.8);
        await _service.RecordMetricCheckAsync(id, _data.Nps, August, October, _data.CxLead, default);
        const string reason = "Collection complaints stopped in store; NPS is surveyed too rarely in store to show it this soon.";

        await _service.GiveReasonToCloseWithoutImprovementAsync(id, _data.Nps, reason, _data.CxLead, default);

        var line = await MetricLineAsync(id);
        Assert.True(line.Done, line.Text);
        Assert.StartsWith("Net Promoter Score closes without a significant improvement, for the reason ", line.Text);
        Assert.EndsWith($" gave on 23 Nov 2026: “{reason}”", line.Text);
        await using var db = _database.CreateDbContext();
        var entry = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(LinkedMetric) && a.Action == AuditAction.Changed && a.After!.Contains("ReasonToCloseWithoutImprovement"))
            .SingleAsync();
        Assert.Equal((_data.HeadOfCx, FrictionData.Now), (entry.ActorPersonId, entry.At));
        Assert.Contains(reason, entry.After);
        await _service.ChangeStatusAsync(id, FrictionMove.Close, null, _data.CxLead, default);
        Assert.Equal(FrictionStatus.Closed, (await _service.GetIssueAsync(id, default)).Status);
    }

    [Fact]
    public async Task A_period_without_a_total_is_refused_with_its_name_and_nothing_is_recorded()
    {
        var id = await IssueAwaitingItsMetricCheckAsync();
        await _data.MonthlyTotalAsync(_data.Nps, "2026-08", 40.5, sampleSize: 1200, margin: 3.1);

        var refused = await Assert.ThrowsAsync<DomainException>(() => _service.RecordMetricCheckAsync(id, _data.Nps, August, October, _data.CxLead, default));

        Assert.Equal("The metric has no total for 2026-10, so it cannot be checked against it.", refused.Message);
        var metric = Assert.Single((await _service.GetIssueAsync(id, default)).Metrics);
        Assert.False(metric.IsChecked);
    }
}
