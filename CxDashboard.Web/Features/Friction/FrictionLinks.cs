using System.Globalization;
using CxDashboard.Domain.Friction;
using Microsoft.AspNetCore.WebUtilities;

namespace CxDashboard.Web.Features.Friction;

/// <summary>Addresses of the friction list with its filters in the query string, as the board, heatmap and silo map link to it.</summary>
public static class FrictionLinks
{
    public static string List(FrictionFilter filter, string view = "list")
    {
        var query = new Dictionary<string, string?>
        {
            ["view"] = view,
            ["team"] = Text(filter.TeamId),
            ["contributor"] = Text(filter.ContributingTeamId),
            ["stage"] = Text(filter.StageId),
            ["channel"] = Text(filter.ChannelId),
            ["status"] = filter.Status?.ToString(),
            ["severity"] = Text(filter.Severity),
            ["open"] = filter.OpenOnly ? "true" : null,
            ["overdue"] = filter.OverdueOnly ? "true" : null,
            ["q"] = string.IsNullOrWhiteSpace(filter.Search) ? null : filter.Search.Trim(),
        };
        return QueryHelpers.AddQueryString("/friction", query.Where(p => p.Value is not null));
    }

    public static string Issue(int id) => $"/friction/{id}";

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
