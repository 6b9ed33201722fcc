using AngleSharp.Dom;
using Bunit;

namespace CxDashboard.Tests.Components.Forms;

/// <summary>
/// Reads a form the way a person does: the message under the field with a given label, and the
/// fields that carry no label at all.
/// </summary>
public static class FieldMessages
{
    /// <summary>The error text MudBlazor shows under the input labelled <paramref name="label"/>, or null when it shows none.</summary>
    public static string? ErrorUnder<T>(this IRenderedComponent<T> host, string label) where T : Microsoft.AspNetCore.Components.IComponent =>
        Field(host, label).QuerySelector(".mud-input-helper-text.mud-input-error .me-auto")?.TextContent.Trim();

    /// <summary>The text box or text area a person types into under the label <paramref name="label"/>.</summary>
    public static IElement InputUnder<T>(this IRenderedComponent<T> host, string label) where T : Microsoft.AspNetCore.Components.IComponent =>
        Field(host, label).QuerySelector("textarea, input:not([type=hidden])")
            ?? throw new Xunit.Sdk.XunitException($"The field labelled '{label}' has no input.");

    /// <summary>
    /// What Enter in a one-line text box does in a browser: it submits the form the box is in. bUnit has no
    /// real keyboard, so this submits that form; the browser tests press the key itself.
    /// </summary>
    public static void PressEnterIn(this IElement input)
    {
        var form = input.Closest("form") ?? throw new Xunit.Sdk.XunitException("Enter does nothing here: the field is in no form.");
        Assert.NotEqual("TEXTAREA", input.TagName);
        form.Submit();
    }

    private static IElement Field<T>(IRenderedComponent<T> host, string label) where T : Microsoft.AspNetCore.Components.IComponent
    {
        var fields = host.FindAll(".mud-input-control")
            .Where(field => LabelOf(field) == label)
            .ToList();
        Assert.True(fields.Count == 1, $"Expected one field labelled '{label}', found {fields.Count}.");
        return fields[0];
    }

    private static string? LabelOf(IElement field) =>
        field.QuerySelector("label")?.TextContent.Trim().TrimEnd('*').Trim();
}
