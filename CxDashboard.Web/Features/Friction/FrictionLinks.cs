using CxDashboard.Web.Features.Common;

namespace CxDashboard.Web.Features.Friction;

/// <summary>Addresses of the friction list with its filters in the query string, as the board, heatmap and silo map link to it.</summary>
public static class FrictionLinks
{
    public static string List(FrictionFilter filter) => "/friction" + ViewQuery.ToQueryString(FrictionView.List(filter).ToQuery());

    public static string Issue(int id) => $"/friction/{id}";
}
