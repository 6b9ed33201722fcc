using CxDashboard.Domain.Metrics;
using CxDashboard.Web.Features.Common;

namespace CxDashboard.Web.Features.Metrics;

/// <summary>What the metric catalogue shows, as its address and its export link hold it: the filters, the sort and the page.</summary>
public sealed record MetricCatalogueView(MetricCatalogueFilter Filter, ListOrder<MetricSortColumn> Order)
{
    /// <summary>By name, when no column is sorted.</summary>
    public static ListOrder<MetricSortColumn> Unsorted { get; } = ListOrder<MetricSortColumn>.Unsorted(MetricSortColumn.Name, descending: false);

    /// <summary>
    /// Reads q (name or code), dimension and status (names), team and channel (ids), and sort, order, page and
    /// rows. Values it cannot read are ignored.
    /// </summary>
    public static MetricCatalogueView FromQuery(ViewQuery query) => new(
        new MetricCatalogueFilter(
            // As typed: trimming here would take a space from under the cursor while the search box is in use.
            query.Raw("q"),
            query.Choice<MetricDimension>("dimension"),
            query.Choice<MetricStatus>("status"),
            query.Id("team"),
            query.Id("channel")),
        ListOrder<MetricSortColumn>.FromQuery(query, Unsorted));

    /// <summary>The view as <see cref="FromQuery"/> reads it back; what is left at its default is left out.</summary>
    public Dictionary<string, object?> ToQuery()
    {
        var view = new Dictionary<string, object?>
        {
            ["q"] = string.IsNullOrWhiteSpace(Filter.Search) ? null : Filter.Search,
            ["dimension"] = Filter.Dimension?.ToString(),
            ["status"] = Filter.Status?.ToString(),
            ["team"] = Filter.OwningTeamId,
            ["channel"] = Filter.ChannelId,
        };
        Order.AddTo(view, Unsorted);
        return view;
    }
}
