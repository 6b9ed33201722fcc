using System.Net;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CxDashboard.Web.Features.Feedback;

/// <summary>
/// The markup of MudBlazor 9.12's data grid, chip, checkbox and link as the inbox's rows use them, written here
/// instead of by the components. A page of fifty rows as MudDataGrid cells with chip, checkbox and link
/// components came to about 330 KB of render batch, every row built anew for each filter click (the grid keys
/// its rows by item), and the click waited for the browser to build it all; the same rows as plain elements,
/// changed in place, come to about a quarter of that. InboxMarkupTests renders the components beside this markup, so an upgrade that
/// changes what is copied here fails there.
/// </summary>
public static class InboxMarkup
{
    public const string Grid = "mud-table mud-data-grid mud-xs-table mud-table-dense mud-table-hover mud-table-outlined";
    public const string Container = "mud-table-container";
    public const string Table = "mud-table-root";
    public const string Head = "mud-table-head mud-table-dense";
    public const string Body = "mud-table-body";
    public const string Row = "mud-table-row";
    public const string Cell = "mud-table-cell";
    public const string ColumnHeader = "column-header";
    public const string Link = "mud-typography mud-link mud-primary-text mud-link-underline-hover";

    public const string CheckboxControl = "mud-input-control mud-input-control-boolean-input";
    public const string CheckboxContainer = "mud-input-control-input-container";
    public const string CheckboxLabel = "mud-checkbox mud-input-content-placement-end";
    public const string CheckboxInput = "mud-checkbox-input";

    /// <summary>The round button around a checkbox's box, ticked or not (the default colour, as the grid's select column uses).</summary>
    public static string CheckboxButton(bool ticked) =>
        "mud-button-root mud-icon-button mud-default-text hover:mud-default-hover mud-ripple mud-ripple-checkbox "
        + (ticked ? "mud-checkbox-true" : "mud-checkbox-false");

    private static readonly MarkupString Ticked = Svg(Icons.Material.Filled.CheckBox, "mud-icon-size-medium");
    private static readonly MarkupString Unticked = Svg(Icons.Material.Filled.CheckBoxOutlineBlank, "mud-icon-size-medium");

    /// <summary>The box a checkbox shows, ticked or not.</summary>
    public static MarkupString CheckboxIcon(bool ticked) => ticked ? Ticked : Unticked;

    /// <summary>A small chip that does nothing when clicked, with an icon before its text if given.</summary>
    public static MarkupString Chip(string text, Variant variant, Color color, string? icon = null)
    {
        var variantName = variant == Variant.Filled ? "filled" : variant == Variant.Outlined ? "outlined" : "text";
        var colorName = color.ToString().ToLowerInvariant();
        var iconMarkup = icon is null ? string.Empty : Svg(icon, "mud-icon-size-small mud-chip-icon").Value;
        return new MarkupString(
            $"<div class=\"mud-chip-container\"><div tabindex=\"-1\" class=\"mud-chip mud-chip-{variantName} mud-chip-size-small mud-chip-color-{colorName}\">"
            + $"{iconMarkup}<span class=\"mud-chip-content\">{WebUtility.HtmlEncode(text)}</span></div></div>");
    }

    private static MarkupString Svg(string icon, string classes) => new(
        $"<svg class=\"mud-icon-root mud-svg-icon {classes}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{icon}</svg>");
}
