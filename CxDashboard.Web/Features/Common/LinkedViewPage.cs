using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;

namespace CxDashboard.Web.Features.Common;

/// <summary>
/// A list page whose view (search, filters, sort, tab, page) lives in the address, so a view can be
/// bookmarked or sent and opens the same for anyone allowed to see it. A change of view is a new entry
/// in the browser's history, so Back and Forward move between views; the page shows whatever the
/// address says each time it changes (<see cref="ShowAddressAsync"/>).
/// </summary>
public abstract class LinkedViewPage : ComponentBase, IDisposable
{
    private string? _path;

    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    /// <summary>The view the address asks for.</summary>
    protected ViewQuery Address => ViewQuery.FromUri(Navigation.Uri);

    /// <summary>Shows the view the address now asks for; called when Back, Forward or <see cref="Show"/> changes it.</summary>
    protected abstract Task ShowAddressAsync();

    protected override void OnInitialized()
    {
        _path = PathOf(Navigation.Uri);
        Navigation.LocationChanged += OnLocationChanged;
    }

    /// <summary>
    /// Puts <paramref name="view"/> in the address (null leaves a key out) as a new history entry, unless the
    /// address already says it. Values are text, numbers or switches, written as the page reads them back.
    /// </summary>
    protected void Show(IReadOnlyDictionary<string, object?> view)
    {
        var uri = Navigation.GetUriWithQueryParameters(view);
        if (!string.Equals(uri, Navigation.Uri, StringComparison.Ordinal))
        {
            Navigation.NavigateTo(uri);
        }
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        // Leaving for another page also changes the location; only this page's own addresses are views of it.
        if (string.Equals(PathOf(e.Location), _path, StringComparison.OrdinalIgnoreCase))
        {
            _ = InvokeAsync(async () =>
            {
                try
                {
                    await ShowAddressAsync();
                    StateHasChanged();
                }
                catch (Exception ex)
                {
                    await DispatchExceptionAsync(ex);
                }
            });
        }
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
