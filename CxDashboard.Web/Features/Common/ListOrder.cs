namespace CxDashboard.Web.Features.Common;

/// <summary>
/// How a list is sorted and which of its pages shows (from 0), as a list page's address holds it: sort (a
/// column's name), order (asc or desc), page (from 1) and rows (per page). The list's own order when no column
/// is sorted is <paramref name="Unsorted"/>'s, and is left out of the address.
/// </summary>
public sealed record ListOrder<TSort>(TSort Sort, bool Descending, int Page, int PageSize) where TSort : struct, Enum
{
    public static readonly IReadOnlyList<int> PageSizes = [25, 50, 100];

    public static ListOrder<TSort> Unsorted(TSort sort, bool descending) => new(sort, descending, 0, PageSizes[0]);

    public static ListOrder<TSort> FromQuery(ViewQuery query, ListOrder<TSort> unsorted)
    {
        var sort = query.Choice<TSort>("sort") ?? unsorted.Sort;
        var descending = query.Text("order")?.ToLowerInvariant() switch
        {
            "asc" => false,
            "desc" => true,
            _ => EqualityComparer<TSort>.Default.Equals(sort, unsorted.Sort) && unsorted.Descending,
        };
        var pageSize = query.Number("rows", 1, PageSizes[^1]) is { } rows && PageSizes.Contains(rows) ? rows : PageSizes[0];
        return new(sort, descending, (query.Number("page", 1, int.MaxValue / pageSize) ?? 1) - 1, pageSize);
    }

    public bool IsUnsorted(ListOrder<TSort> unsorted) =>
        EqualityComparer<TSort>.Default.Equals(Sort, unsorted.Sort) && Descending == unsorted.Descending;

    public void AddTo(Dictionary<string, object?> view, ListOrder<TSort> unsorted)
    {
        var isUnsorted = IsUnsorted(unsorted);
        view["sort"] = isUnsorted ? null : Sort.ToString();
        view["order"] = isUnsorted ? null : Descending ? "desc" : "asc";
        view["page"] = Page > 0 ? Page + 1 : null;
        view["rows"] = PageSize == PageSizes[0] ? null : PageSize;
    }

    /// <summary>The same sort from the first page: for exports, which take every row, and for a change of filter.</summary>
    public ListOrder<TSort> FirstPage() => this with { Page = 0 };

    /// <summary>
    /// The direction a grid column starts in: <paramref name="column"/>'s if the list is sorted by it. The unsorted
    /// order shows on no column, so that opening the list shows it as it first comes.
    /// </summary>
    public MudBlazor.SortDirection Initially(TSort column, ListOrder<TSort> unsorted) =>
        !EqualityComparer<TSort>.Default.Equals(Sort, column) || IsUnsorted(unsorted) ? MudBlazor.SortDirection.None
        : Descending ? MudBlazor.SortDirection.Descending : MudBlazor.SortDirection.Ascending;
}
