using CxDashboard.Web.Features.Dashboard;
using Microsoft.Extensions.Time.Testing;

namespace CxDashboard.Tests.Features.Dashboard;

public sealed class DashboardFiguresTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly DashboardFigures _figures;
    private int _computed;

    public DashboardFiguresTests() => _figures = new DashboardFigures(_clock);

    private Task<int> Count(CancellationToken _) => Task.FromResult(Interlocked.Increment(ref _computed));

    [Fact]
    public async Task Visits_within_the_minute_are_served_the_figure_the_first_one_computed()
    {
        var first = await _figures.GetAsync(("volume", "2026-Q4"), Count);
        _clock.Advance(TimeSpan.FromSeconds(59));
        var second = await _figures.GetAsync(("volume", "2026-Q4"), Count);

        Assert.Equal(1, first);
        Assert.Equal(1, second);
        Assert.Equal(1, _computed);
    }

    [Fact]
    public async Task A_visit_a_minute_later_computes_the_figure_again()
    {
        await _figures.GetAsync(("volume", "2026-Q4"), Count);
        _clock.Advance(DashboardFigures.FreshFor);

        Assert.Equal(2, await _figures.GetAsync(("volume", "2026-Q4"), Count));
    }

    [Fact]
    public async Task Each_question_has_its_own_figure()
    {
        await _figures.GetAsync(("volume", "2026-Q4", (int?)null), Count);
        await _figures.GetAsync(("volume", "2026-Q4", (int?)2), Count);
        await _figures.GetAsync(("volume", "2026-Q3", (int?)null), Count);

        Assert.Equal(3, _computed);
        Assert.Equal(1, await _figures.GetAsync(("volume", "2026-Q4", (int?)null), Count));
    }

    [Fact]
    public async Task Visits_arriving_while_a_figure_is_computed_wait_for_that_computation()
    {
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<int> Slow(CancellationToken _)
        {
            Interlocked.Increment(ref _computed);
            return release.Task;
        }

        var visits = Enumerable.Range(0, 4).Select(_ => _figures.GetAsync("volume", Slow)).ToList();
        release.SetResult(42);

        var served = await Task.WhenAll(visits);
        Assert.Equal([42, 42, 42, 42], served);
        Assert.Equal(1, _computed);
    }

    [Fact]
    public async Task A_failed_computation_is_not_kept_and_the_next_visit_tries_again()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _figures.GetAsync<int>("volume", _ => throw new InvalidOperationException("The database server was not found.")));

        Assert.Equal(1, await _figures.GetAsync("volume", Count));
    }

    [Fact]
    public async Task A_visitor_who_leaves_does_not_cancel_the_computation_others_wait_for()
    {
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var leaving = new CancellationTokenSource();
        var left = _figures.GetAsync("volume", _ => release.Task, leaving.Token);
        var staying = _figures.GetAsync("volume", _ => release.Task);

        await leaving.CancelAsync();
        release.SetResult(7);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => left);
        Assert.Equal(7, await staying);
    }
}
