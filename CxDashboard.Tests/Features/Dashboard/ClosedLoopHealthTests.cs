using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Features.Dashboard;
using Microsoft.Extensions.Time.Testing;

namespace CxDashboard.Tests.Features.Dashboard;

public sealed class ClosedLoopHealthTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 15, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Period ThisQuarter = Period.Quarter(2026, 4);

    private TestDatabase _database = null!;
    private DashboardTestData _data = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _data = await DashboardTestData.CreateAsync(_database, Now);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Task<ClosedLoopHealth> HealthAsync(Period quarter) =>
        new DashboardService(_database, new FakeTimeProvider(new DateTimeOffset(Now))).GetClosedLoopHealthAsync(quarter);

    [Fact]
    public async Task A_quarter_with_nothing_closed_or_due_has_no_shares_rather_than_zero_percent()
    {
        var health = await HealthAsync(ThisQuarter);

        Assert.Equal(new ClosedLoopHealth(0, 0, 0, 0), health);
        Assert.Null(health.ToldShare);
        Assert.Null(health.WithinSlaShare);
    }

    [Fact]
    public async Task Closed_loops_count_in_the_quarter_they_closed_in_and_wont_fix_is_not_a_closed_loop()
    {
        await _data.AddFrictionIssuesAsync(
            _data.Close,
            _data.Close,
            _data.Resolve,
            issue => issue.WontFix("Out of scope for this year.", _data.Lead.Id, Now.AddDays(-1)));

        var health = await HealthAsync(ThisQuarter);
        var lastQuarter = await HealthAsync(ThisQuarter.Previous);

        Assert.Equal((2, 2), (health.IssuesClosed, health.IssuesClosedAndTold));
        Assert.Equal(1.0, health.ToldShare);
        Assert.Equal(0, lastQuarter.IssuesClosed);
    }

    [Fact]
    public async Task Follow_ups_due_in_the_quarter_are_within_the_sla_only_when_the_customer_was_contacted_by_the_due_time()
    {
        var sla = TimeSpan.FromHours(48);
        var received = new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);
        FeedbackItem Negative(DateTime at, Action<FeedbackItem>? then = null)
        {
            var item = new FeedbackItem(new FeedbackDetails(at, _data.Store.Id, _data.Stage.Id, FeedbackSource.Survey, FeedbackCategory.Service,
                Sentiment.Negative, null, null, "Nobody could find my click-and-collect order."), _data.Lead.Id, at);
            item.OpenFollowUp(_data.Lead.Id, sla, at);
            then?.Invoke(item);
            return item;
        }
        await _database.SaveAsync(
            Negative(received, f => f.MarkContacted("Called back, apologised.", received.AddHours(10))),
            Negative(received, f => f.MarkContacted("Called exactly on time.", received.AddHours(48))),
            Negative(received, f => f.MarkContacted("Called back late.", received.AddHours(60))),
            Negative(received),
            // Due on 1 October at 09:00: the previous quarter's follow-up was received there but is due in this one.
            Negative(new DateTime(2026, 9, 29, 9, 0, 0, DateTimeKind.Utc), f => f.ResolveFollowUp("Refunded.", new DateTime(2026, 9, 30, 9, 0, 0, DateTimeKind.Utc))),
            // Due in September: belongs to the previous quarter.
            Negative(new DateTime(2026, 9, 20, 9, 0, 0, DateTimeKind.Utc)),
            new FeedbackItem(new FeedbackDetails(received, _data.Store.Id, _data.Stage.Id, FeedbackSource.Survey, FeedbackCategory.Service,
                Sentiment.Positive, null, null, "Lovely staff."), _data.Lead.Id, received));

        var health = await HealthAsync(ThisQuarter);

        Assert.Equal((5, 3), (health.FollowUpsDue, health.FollowUpsWithinSla));
        Assert.Equal(0.6, health.WithinSlaShare!.Value, 6);
    }
}
