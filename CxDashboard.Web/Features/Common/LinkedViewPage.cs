using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;

namespace CxDashboard.Web.Features.Common;

/// <summary>
/// A list page whose view (search, filters, sort, tab, page) lives in the address, so a view can be
/// bookmarked or sent and opens the same for anyone allowed to see it. A change of view is a new entry
/// in the browser's history, so Back and Forward move between views; the page shows whatever the
/// address says each time it changes (<see cref="ShowAddressAsync"/>).
/// </summary>
/// <remarks>
/// A view the page chooses itself (<see cref="ShowAsync"/>) is shown at once and then written to the address:
/// on a circuit the address changes only after a round trip to the browser, and waiting for it before loading
/// made every filter click wait twice. The location change that comes back is then not shown a second time.
/// </remarks>
public abstract class LinkedViewPage : ComponentBase, IDisposable
{
    private string? _path;
    private string _shown = string.Empty;

    // Addresses the page wrote itself whose location changes have not come back yet, oldest first.
    private readonly List<string> _written = [];

    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    /// <summary>The view the page shows: the address, or the one it is about to write there.</summary>
    protected ViewQuery Address => ViewQuery.FromUri(_shown);

    /// <summary>Shows the view <see cref="Address"/> asks for; called when Back, Forward or <see cref="ShowAsync"/> changes it.</summary>
    protected abstract Task ShowAddressAsync();

    protected override void OnInitialized()
    {
        _shown = Navigation.Uri;
        _path = PathOf(_shown);
        Navigation.LocationChanged += OnLocationChanged;
    }

    /// <summary>
    /// Shows <paramref name="view"/> (null leaves a key out) and puts it in the address as a new history entry,
    /// unless the page shows it already. Values are text, numbers or switches, written as the page reads them back.
    /// </summary>
    protected async Task ShowAsync(IReadOnlyDictionary<string, object?> view)
    {
        var uri = Navigation.GetUriWithQueryParameters(_shown, view);
        if (string.Equals(uri, _shown, StringComparison.Ordinal))
        {
            return;
        }
        _shown = uri;
        _written.Add(uri);
        try
        {
            await ShowAddressAsync();
            StateHasChanged();
        }
        finally
        {
            Navigation.NavigateTo(uri);
        }
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        // Leaving for another page also changes the location; only this page's own addresses are views of it.
        if (!string.Equals(PathOf(e.Location), _path, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var written = _written.IndexOf(e.Location);
        if (written >= 0)
        {
            _written.RemoveRange(0, written + 1);
            return;
        }
        _written.Clear();
        _ = InvokeAsync(async () =>
        {
            try
            {
                _shown = e.Location;
                await ShowAddressAsync();
                StateHasChanged();
            }
            catch (Exception ex)
            {
                await DispatchExceptionAsync(ex);
            }
        });
    }

    private static string PathOf(string uri)
    {
        var end = uri.IndexOfAny(['?', '#']);
        return end < 0 ? uri : uri[..end];
    }

    public void Dispose()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        GC.SuppressFinalize(this);
    }
}
