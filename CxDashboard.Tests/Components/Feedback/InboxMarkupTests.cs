using AngleSharp.Dom;
using Bunit;
using CxDashboard.Web.Features.Feedback;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Services;

namespace CxDashboard.Tests.Components.Feedback;

/// <summary>
/// The inbox writes MudBlazor's markup for its rows itself (<see cref="InboxMarkup"/>): each piece here is rendered
/// by the MudBlazor component it copies and compared, so a MudBlazor upgrade that draws them differently fails here
/// rather than leaving the inbox looking unlike every other list.
/// </summary>
public sealed class InboxMarkupTests : BunitContext, IAsyncLifetime
{
    public InboxMarkupTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are disposed asynchronously only.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private IElement Rendered(RenderFragment fragment) => Render(fragment).Nodes.OfType<IElement>().First();

    private IElement Copied(MarkupString markup) => Rendered(b => b.AddMarkupContent(0, markup.Value));

    // What identifies one instance (ids, Blazor's scoped-style attributes) differs between any two renders.
    private static string Shape(IElement element)
    {
        var copy = (IElement)element.Clone(deep: true);
        foreach (var node in copy.QuerySelectorAll("*").Prepend(copy))
        {
            foreach (var name in node.Attributes.Select(a => a.Name).Where(n => n is "id" or "aria-labelledby" || n.StartsWith("b-", StringComparison.Ordinal)).ToList())
            {
                node.RemoveAttribute(name);
            }
        }
        return copy.OuterHtml;
    }

    public static TheoryData<Variant, Color, bool> Chips() => new()
    {
        { Variant.Outlined, Color.Error, false },
        { Variant.Outlined, Color.Success, false },
        { Variant.Outlined, Color.Warning, false },
        { Variant.Outlined, Color.Info, false },
        { Variant.Outlined, Color.Default, false },
        { Variant.Filled, Color.Error, true },
    };

    [Theory]
    [MemberData(nameof(Chips))]
    public void A_chip_is_drawn_as_MudChip_draws_it(Variant variant, Color color, bool withIcon)
    {
        var icon = withIcon ? Icons.Material.Filled.AlarmOn : null;
        var mud = Rendered(b =>
        {
            b.OpenComponent<MudChip<string>>(0);
            b.AddComponentParameter(1, nameof(MudChip<string>.Size), Size.Small);
            b.AddComponentParameter(2, nameof(MudChip<string>.Variant), variant);
            b.AddComponentParameter(3, nameof(MudChip<string>.Color), color);
            b.AddComponentParameter(4, nameof(MudChip<string>.Icon), icon);
            b.AddComponentParameter(5, nameof(MudChip<string>.ChildContent), (RenderFragment)(c => c.AddContent(0, "Open, due 7 Dec 2026 05:27 UTC")));
            b.CloseComponent();
        });

        var ours = Copied(InboxMarkup.Chip("Open, due 7 Dec 2026 05:27 UTC", variant, color, icon));

        Shape(ours).MarkupMatches(Shape(mud));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_selection_box_is_drawn_as_MudCheckBox_draws_it(bool ticked)
    {
        var mud = Render(b =>
        {
            b.OpenComponent<MudCheckBox<bool>>(0);
            b.AddComponentParameter(1, nameof(MudCheckBox<bool>.Value), ticked);
            b.CloseComponent();
        });

        Assert.Equal(InboxMarkup.CheckboxControl, mud.Find(".mud-input-control").GetAttribute("class"));
        Assert.Equal(InboxMarkup.CheckboxContainer, mud.Find(".mud-input-control-input-container").GetAttribute("class"));
        Assert.Equal(InboxMarkup.CheckboxLabel, mud.Find("label").GetAttribute("class"));
        Assert.Equal(InboxMarkup.CheckboxButton(ticked), mud.Find("label > span").GetAttribute("class"));
        Assert.Equal(InboxMarkup.CheckboxInput, mud.Find("input").GetAttribute("class"));
        Shape(Copied(InboxMarkup.CheckboxIcon(ticked))).MarkupMatches(Shape(mud.Find("svg")));
    }

    [Fact]
    public void A_link_and_the_grid_around_the_rows_carry_MudBlazors_classes()
    {
        var link = Render(b =>
        {
            b.OpenComponent<MudLink>(0);
            b.AddComponentParameter(1, nameof(MudLink.Href), "/feedback/1");
            b.CloseComponent();
        });
        var grid = Render(b =>
        {
            b.OpenComponent<MudDataGrid<string>>(0);
            b.AddComponentParameter(1, nameof(MudDataGrid<string>.Items), new[] { "one" });
            b.AddComponentParameter(2, nameof(MudDataGrid<string>.Dense), true);
            b.AddComponentParameter(3, nameof(MudDataGrid<string>.Hover), true);
            b.AddComponentParameter(4, nameof(MudDataGrid<string>.Outlined), true);
            b.AddComponentParameter(5, nameof(MudDataGrid<string>.Elevation), 0);
            b.AddComponentParameter(6, nameof(MudDataGrid<string>.Columns), (RenderFragment)(c =>
            {
                c.OpenComponent<TemplateColumn<string>>(0);
                c.AddComponentParameter(1, nameof(TemplateColumn<string>.Title), "Said");
                c.CloseComponent();
            }));
            b.CloseComponent();
        });

        Assert.Equal(InboxMarkup.Link, link.Find("a").GetAttribute("class"));
        Assert.Equal(Classes(InboxMarkup.Grid), Classes(grid.Find(".mud-data-grid").GetAttribute("class")));
        Assert.Equal(Classes(InboxMarkup.Container), Classes(grid.Find(".mud-table-container").GetAttribute("class")));
        Assert.Equal(Classes(InboxMarkup.Table), Classes(grid.Find("table").GetAttribute("class")));
        Assert.Equal(Classes(InboxMarkup.Head), Classes(grid.Find("thead").GetAttribute("class")));
        Assert.Equal(Classes(InboxMarkup.Body), Classes(grid.Find("tbody").GetAttribute("class")));
        Assert.Equal(Classes(InboxMarkup.Row), Classes(grid.Find("tbody tr").GetAttribute("class")));
        Assert.Equal(Classes(InboxMarkup.Cell), Classes(grid.Find("tbody td").GetAttribute("class")));
        Assert.NotNull(grid.Find($"th .{InboxMarkup.ColumnHeader}"));
    }

    private static string[] Classes(string? classes) =>
        (classes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray();
}
