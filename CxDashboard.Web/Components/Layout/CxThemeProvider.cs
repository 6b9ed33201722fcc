using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace CxDashboard.Web.Components.Layout;

/// <summary>
/// MudBlazor's theme provider, with one copy of each stylesheet for the whole server. The base class writes
/// the theme's CSS variables (about 12,000 characters) afresh on every render, and every open session kept its
/// own copies in its render tree. Here the text is still built the same way, but the render tree is given the
/// first string with the same text, so all sessions in light mode, and all in dark mode, share one.
/// </summary>
public sealed class CxThemeProvider : MudThemeProvider
{
    // Light and dark of the one theme; the limit only matters if themes were ever built on the fly.
    private const int MostStylesheetsKept = 8;
    private static readonly ConcurrentDictionary<string, string> Stylesheets = new(StringComparer.Ordinal);
    private static readonly string Scrollbar = BuildMudBlazorScrollbar();

    private const string ChartHoverStyle =
        "<style>\n    .mud-chart-serie:hover {\n        filter: url(#lighten);\n    }\n\n    .mud-chart-serie-hovered \n    {\n        filter: url(#lighten);\n    }\n</style>\n\n";

    // The same three parts, in the same order, as MudThemeProvider.razor renders them (MudBlazor 9.12).
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (!DefaultScrollbar)
        {
            builder.AddMarkupContent(0, Scrollbar);
        }
        builder.AddMarkupContent(1, ChartHoverStyle);
        builder.AddMarkupContent(2, Shared(BuildTheme()));
    }

    private static string Shared(string stylesheet) =>
        Stylesheets.TryGetValue(stylesheet, out var kept) ? kept
        : Stylesheets.Count < MostStylesheetsKept ? Stylesheets.GetOrAdd(stylesheet, stylesheet)
        : stylesheet;
}
