using System.Globalization;
using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Metrics;
using CxDashboard.Web.Features.Feedback;
using CxDashboard.Web.Features.Friction;
using Microsoft.AspNetCore.WebUtilities;

namespace CxDashboard.Web.Features.Exports;

/// <summary>Export addresses carrying a list page's current filters, in the parameters <see cref="ExportQuery"/> and the pages read.</summary>
public static class ExportLinks
{
    /// <summary>The inbox's view as its address holds it (filters, search and sort), all pages of it.</summary>
    public static string Feedback(InboxFilterModel model) => Link("/export/feedback.xlsx", Texts(model.ToQuery()));

    public static string Friction(FrictionFilter filter, string view) => Link("/export/friction.xlsx", new()
    {
        ["view"] = view,
        ["team"] = Text(filter.TeamId),
        ["contributor"] = Text(filter.ContributingTeamId),
        ["stage"] = Text(filter.StageId),
        ["channel"] = Text(filter.ChannelId),
        ["status"] = view == "list" ? filter.Status?.ToString() : null,
        ["severity"] = Text(filter.Severity),
        ["open"] = filter.OpenOnly ? "true" : null,
        ["overdue"] = filter.OverdueOnly ? "true" : null,
        ["q"] = filter.Search,
    });

    public static string Actions(string tab, bool openOnly, ActionStatus? status, int? teamId, int? ownerId, int? issueId,
        bool overdue, bool quickWins) => Link("/export/actions.xlsx", tab == "all"
        ? new()
        {
            ["tab"] = tab,
            ["status"] = status?.ToString(),
            ["team"] = Text(teamId),
            ["owner"] = Text(ownerId),
            ["issue"] = Text(issueId),
            ["overdue"] = overdue ? "true" : null,
            ["quickWins"] = quickWins ? "true" : null,
        }
        : new()
        {
            ["tab"] = tab,
            ["open"] = openOnly ? "true" : null,
        });

    public static string Metrics(string? search, MetricDimension? dimension, MetricStatus? status, int? teamId, int? channelId) =>
        Link("/export/metrics.xlsx", new()
        {
            ["q"] = search,
            ["dimension"] = dimension?.ToString(),
            ["status"] = status?.ToString(),
            ["team"] = Text(teamId),
            ["channel"] = Text(channelId),
        });

    public static string MetricValues(int metricId) => string.Create(CultureInfo.InvariantCulture, $"/export/metrics/{metricId}/values.xlsx");

    private static string Link(string path, Dictionary<string, string?> filters) =>
        QueryHelpers.AddQueryString(path, filters.Where(f => !string.IsNullOrWhiteSpace(f.Value)));

    private static Dictionary<string, string?> Texts(Dictionary<string, object?> view) =>
        view.ToDictionary(p => p.Key, p => Convert.ToString(p.Value, CultureInfo.InvariantCulture));

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
