using CxDashboard.Tests.Features.Feedback;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Hosting.Telemetry;
using Microsoft.Extensions.Logging.Abstractions;

namespace CxDashboard.Tests.Hosting.Telemetry;

public sealed class BreachedFollowUpsTests : IAsyncLifetime
{
    private FeedbackData _data = null!;
    private MeterRecorder _meters = null!;
    private BreachedFollowUps _breached = null!;

    public async Task InitializeAsync()
    {
        _data = await FeedbackData.CreateAsync();
        _meters = new MeterRecorder(_data.Meters);
        _breached = new BreachedFollowUps(_data.Meters, _data.Database, _data.Clock, NullLogger<BreachedFollowUps>.Instance);
    }

    public async Task DisposeAsync()
    {
        _meters.Dispose();
        await _data.Database.DisposeAsync();
    }

    // A collection starts a count and reports the last finished one; the test waits for the count, not for time.
    private async Task<long?> CollectAsync()
    {
        _meters.Collect();
        var counting = _breached.Counting;
        Assert.True(await Task.WhenAny(counting, Task.Delay(TimeSpan.FromSeconds(10))) == counting, "The count of breached follow-ups did not finish within 10 s.");
        var before = _meters.Of(AppMetrics.FollowUpsBreachedName).Count;
        _meters.Collect();
        var reported = _meters.Of(AppMetrics.FollowUpsBreachedName);
        return reported.Count > before ? reported[^1].Value : null;
    }

    [Fact]
    public async Task The_gauge_reports_open_follow_ups_past_their_due_time()
    {
        await _data.Feedback().Nps(2).ReceivedAt(FeedbackData.Now.AddHours(-50)).WithFollowUp().AddAsync();
        await _data.Feedback().Nps(3).ReceivedAt(FeedbackData.Now.AddHours(-49)).WithFollowUp().AddAsync();
        await _data.Feedback().Nps(1).ReceivedAt(FeedbackData.Now.AddHours(-1)).WithFollowUp().AddAsync();

        Assert.Equal(2, await CollectAsync());
    }

    [Fact]
    public async Task The_database_is_asked_at_most_once_a_minute_however_often_metrics_are_collected()
    {
        await _data.Feedback().Nps(2).ReceivedAt(FeedbackData.Now.AddHours(-50)).WithFollowUp().AddAsync();
        Assert.Equal(1, await CollectAsync());
        await _data.Feedback().Nps(3).ReceivedAt(FeedbackData.Now.AddHours(-50)).WithFollowUp().AddAsync();

        _data.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(1, await CollectAsync());

        _data.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, await CollectAsync());
    }
}
