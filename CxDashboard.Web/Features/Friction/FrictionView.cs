using CxDashboard.Domain.Friction;
using CxDashboard.Web.Features.Common;

namespace CxDashboard.Web.Features.Friction;

/// <summary>
/// What the friction page shows, as its address and its export link hold it: board or list, the filters,
/// and the list's sort and page. The board has a column per status, so it never filters by status.
/// </summary>
public sealed record FrictionView(bool IsList, FrictionFilter Filter, FrictionListOrder Order)
{
    public static FrictionView Board(FrictionFilter filter) => new(false, filter with { Status = null }, FrictionListOrder.Default);

    public static FrictionView List(FrictionFilter filter) => new(true, filter, FrictionListOrder.Default);

    /// <summary>
    /// Reads view (board or list), team, contributor, stage, channel (ids), status, severity (1–4), open and
    /// overdue (true), q, and for the list sort, order (asc or desc), page and rows. Values it cannot read are ignored.
    /// </summary>
    public static FrictionView FromQuery(ViewQuery query)
    {
        var filter = new FrictionFilter
        {
            TeamId = query.Id("team"),
            ContributingTeamId = query.Id("contributor"),
            StageId = query.Id("stage"),
            ChannelId = query.Id("channel"),
            Status = query.Choice<FrictionStatus>("status"),
            Severity = query.Number("severity", 1, 4),
            OpenOnly = query.On("open"),
            OverdueOnly = query.On("overdue"),
            // As typed: trimming here would take a space from under the cursor while the search box is in use.
            Search = query.Raw("q"),
        };
        return query.Text("view") == "list" ? List(filter) with { Order = FrictionListOrder.FromQuery(query) } : Board(filter);
    }

    /// <summary>The view as <see cref="FromQuery"/> reads it back; what is left at its default is left out.</summary>
    public Dictionary<string, object?> ToQuery()
    {
        var view = new Dictionary<string, object?>
        {
            ["view"] = IsList ? "list" : null,
            ["team"] = Filter.TeamId,
            ["contributor"] = Filter.ContributingTeamId,
            ["stage"] = Filter.StageId,
            ["channel"] = Filter.ChannelId,
            ["status"] = IsList ? Filter.Status?.ToString() : null,
            ["severity"] = Filter.Severity,
            ["open"] = Filter.OpenOnly ? "true" : null,
            ["overdue"] = Filter.OverdueOnly ? "true" : null,
            ["q"] = string.IsNullOrWhiteSpace(Filter.Search) ? null : Filter.Search,
        };
        (IsList ? Order : FrictionListOrder.Default).AddTo(view);
        return view;
    }
}

/// <summary>How the friction list is sorted and which of its pages shows (from 0). Newest first unless asked otherwise.</summary>
public sealed record FrictionListOrder(FrictionSort Sort, bool Descending, int Page, int PageSize)
{
    public static readonly IReadOnlyList<int> PageSizes = [25, 50, 100];

    public static FrictionListOrder Default { get; } = new(FrictionSort.Newest, true, 0, 25);

    public static FrictionListOrder FromQuery(ViewQuery query)
    {
        var sort = query.Choice<FrictionSort>("sort") ?? FrictionSort.Newest;
        var descending = query.Text("order")?.ToLowerInvariant() switch
        {
            "asc" => false,
            "desc" => true,
            _ => sort == FrictionSort.Newest,
        };
        var pageSize = query.Number("rows", 1, 100) is { } rows && PageSizes.Contains(rows) ? rows : Default.PageSize;
        return new(sort, descending, (query.Number("page", 1, int.MaxValue / pageSize) ?? 1) - 1, pageSize);
    }

    public void AddTo(Dictionary<string, object?> view)
    {
        var unsorted = Sort == FrictionSort.Newest && Descending;
        view["sort"] = unsorted ? null : Sort.ToString();
        view["order"] = unsorted ? null : Descending ? "desc" : "asc";
        view["page"] = Page > 0 ? Page + 1 : null;
        view["rows"] = PageSize == Default.PageSize ? null : PageSize;
    }

    /// <summary>The same sort from the first page: for exports, which take every row, and for a change of filter.</summary>
    public FrictionListOrder FirstPage() => this with { Page = 0 };
}
