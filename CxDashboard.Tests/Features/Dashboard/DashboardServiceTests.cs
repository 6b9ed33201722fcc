using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Metrics;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Features.Dashboard;
using Microsoft.Extensions.Time.Testing;

namespace CxDashboard.Tests.Features.Dashboard;

public sealed class DashboardServiceTests : IAsyncLifetime
{
    // Mid-November 2026: "this quarter" is 2026-Q4, from 1 October to 31 December.
    private static readonly DateTime Now = new(2026, 11, 15, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Now));
    private TestDatabase _database = null!;
    private DashboardTestData _data = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _data = await DashboardTestData.CreateAsync(_database, Now);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Task<HomeTiles> TilesAsync() => new DashboardService(_database, _time).GetHomeTilesAsync(CancellationToken.None);

    [Fact]
    public async Task An_empty_database_gives_zero_on_every_tile_and_names_the_current_quarter()
    {
        var tiles = await TilesAsync();

        Assert.Equal(new HomeTiles(0, 0, 0, 0, Period.Quarter(2026, 4)), tiles);
    }

    [Fact]
    public async Task Only_agreed_metrics_count_as_agreed_including_one_whose_new_revision_awaits_sign_off()
    {
        await _data.AddMetricsAsync(
            _data.Agree,
            _ => { },
            _data.Propose,
            metric =>
            {
                _data.Agree(metric);
                metric.Retire("Replaced by the new CSAT.", _data.Lead.Id, Now.AddDays(-1));
            },
            metric =>
            {
                _data.Agree(metric);
                metric.Revise(metric.Current.Spec with { Description = "How satisfied customers are, per visit." },
                    [new TargetSpec(Period.Quarter(2026, 4), null, 82, 5)], _data.Lead.Id, Now.AddDays(-1));
            });

        var tiles = await TilesAsync();

        Assert.Equal(2, tiles.MetricsAgreed);
    }

    [Fact]
    public async Task New_triaged_and_resolved_friction_issues_are_open_but_closed_and_wont_fix_ones_are_not()
    {
        await _data.AddFrictionIssuesAsync(
            _ => { },
            issue => issue.Triage(_data.Lead.Id, Now.AddDays(-1)),
            _data.Resolve,
            _data.Close,
            issue => issue.WontFix("Out of scope for this year.", _data.Lead.Id, Now.AddDays(-1)));

        var tiles = await TilesAsync();

        Assert.Equal(3, tiles.OpenFrictionIssues);
    }

    [Fact]
    public async Task Open_in_progress_and_blocked_actions_past_their_due_date_are_overdue_but_done_cancelled_and_due_today_are_not()
    {
        var by = _data.Lead.Id;
        await _data.AddActionAsync(Today.AddDays(-1));
        await _data.AddActionAsync(Today.AddDays(-45), a => a.Start(by, Now.AddDays(-50)));
        await _data.AddActionAsync(Today.AddDays(-14), a => a.Block("Waiting for the supplier.", by, Now.AddDays(-20)));
        await _data.AddActionAsync(Today.AddDays(-14), a => a.Complete(by, Now.AddDays(-15)));
        await _data.AddActionAsync(Today.AddDays(-14), a => a.Cancel("No longer needed.", by, Now.AddDays(-15)));
        await _data.AddActionAsync(Today);
        await _data.AddActionAsync(Today.AddDays(16));

        var tiles = await TilesAsync();

        Assert.Equal(3, tiles.OverdueActions);
    }

    [Fact]
    public async Task Feedback_from_the_first_instant_of_the_quarter_counts_but_feedback_from_last_quarter_does_not()
    {
        await _data.AddFeedbackAsync(
            new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 11, 2, 14, 30, 0, DateTimeKind.Utc),
            Now.AddHours(-1),
            new DateTime(2026, 9, 30, 23, 59, 59, DateTimeKind.Utc),
            new DateTime(2026, 7, 15, 9, 0, 0, DateTimeKind.Utc));

        var tiles = await TilesAsync();

        Assert.Equal(3, tiles.FeedbackThisQuarter);
        Assert.Equal(Period.Quarter(2026, 4), tiles.Quarter);
    }

    [Fact]
    public async Task The_quarter_follows_the_clock()
    {
        await _data.AddFeedbackAsync(new DateTime(2026, 11, 2, 14, 30, 0, DateTimeKind.Utc));
        _time.SetUtcNow(new DateTimeOffset(2027, 1, 2, 8, 0, 0, TimeSpan.Zero));

        var tiles = await TilesAsync();

        Assert.Equal(Period.Quarter(2027, 1), tiles.Quarter);
        Assert.Equal(0, tiles.FeedbackThisQuarter);
    }
}
