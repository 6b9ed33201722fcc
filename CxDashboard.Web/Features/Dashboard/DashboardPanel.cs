using CxDashboard.Domain.Common;
using Microsoft.AspNetCore.Components;

namespace CxDashboard.Web.Features.Dashboard;

/// <summary>
/// A dashboard section that loads its own data for the chosen quarter and channel, so a slow or
/// failing section shows its own skeleton or error while the others are already readable.
/// </summary>
public abstract class DashboardPanel : ComponentBase, IDisposable
{
    private CancellationTokenSource? _loading;
    private (Period, int?)? _loaded;

    [Parameter, EditorRequired] public Period Quarter { get; set; }
    [Parameter] public int? ChannelId { get; set; }

    [Inject] protected ILoggerFactory LoggerFactory { get; set; } = null!;
    [Inject] private DashboardFigures Figures { get; set; } = null!;

    protected bool IsLoading { get; private set; } = true;
    protected bool Failed { get; private set; }

    protected abstract Task LoadAsync(CancellationToken ct);

    /// <summary>
    /// This section's figures for <paramref name="quarter"/> and <paramref name="channelId"/>, computed at most once a
    /// minute however many people open the dashboard (<see cref="DashboardFigures"/>). <paramref name="compute"/> is
    /// given the quarter and channel, and must use those rather than the parameters, which can change meanwhile.
    /// </summary>
    protected Task<T> FiguresAsync<T>(Period quarter, int? channelId, Func<Period, int?, CancellationToken, Task<T>> compute, CancellationToken ct) =>
        Figures.GetAsync((GetType(), quarter, channelId), c => compute(quarter, channelId, c), ct);

    protected override async Task OnParametersSetAsync()
    {
        // The dashboard streams: the skeleton goes out with the page's first bytes and this section follows
        // as soon as its figures are read, in the same response.
        if (_loaded == (Quarter, ChannelId))
        {
            return;
        }
        _loaded = (Quarter, ChannelId);
        // Each section is sent as soon as it is ready, not when the slowest is (SQLite answers synchronously).
        await Task.Yield();
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _loading?.Cancel();
        _loading?.Dispose();
        var loading = _loading = new CancellationTokenSource();
        IsLoading = true;
        Failed = false;
        try
        {
            await LoadAsync(loading.Token);
        }
        catch (OperationCanceledException) when (loading.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            LoggerFactory.CreateLogger(GetType()).LogError(ex, "A dashboard section could not be loaded for {Quarter}.", Quarter);
            Failed = true;
        }
        if (!loading.IsCancellationRequested)
        {
            IsLoading = false;
        }
    }

    public void Dispose()
    {
        _loading?.Cancel();
        _loading?.Dispose();
        _loading = null;
        GC.SuppressFinalize(this);
    }
}
