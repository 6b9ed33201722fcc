using CxDashboard.Domain.Friction;
using CxDashboard.Web.Features.Common;

namespace CxDashboard.Web.Features.Friction;

/// <summary>
/// What the friction page shows, as its address and its export link hold it: board or list, the filters,
/// and the list's sort and page. The board has a column per status, so it never filters by status.
/// </summary>
public sealed record FrictionView(bool IsList, FrictionFilter Filter, ListOrder<FrictionSort> Order)
{
    /// <summary>Newest first, when no column is sorted.</summary>
    public static ListOrder<FrictionSort> Unsorted { get; } = ListOrder<FrictionSort>.Unsorted(FrictionSort.Newest, descending: true);

    public static FrictionView Board(FrictionFilter filter) => new(false, filter with { Status = null }, Unsorted);

    public static FrictionView List(FrictionFilter filter) => new(true, filter, Unsorted);

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
        return query.Text("view") == "list" ? List(filter) with { Order = ListOrder<FrictionSort>.FromQuery(query, Unsorted) } : Board(filter);
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
        (IsList ? Order : Unsorted).AddTo(view, Unsorted);
        return view;
    }
}
