using System.Globalization;
using CxDashboard.Web.Features.Actions;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Feedback;
using CxDashboard.Web.Features.Friction;
using CxDashboard.Web.Features.Metrics;
using Microsoft.AspNetCore.WebUtilities;

namespace CxDashboard.Web.Features.Exports;

/// <summary>Export addresses carrying a list page's view as its address holds it, read back by the same parser on both sides.</summary>
public static class ExportLinks
{
    /// <summary>The inbox's view as its address holds it (filters, search and sort), all pages of it.</summary>
    public static string Feedback(InboxFilterModel model) => "/export/feedback.xlsx" + ViewQuery.ToQueryString(model.ToQuery());

    /// <summary>The friction board or list as its address holds it, all pages of it.</summary>
    public static string Friction(FrictionView view) =>
        "/export/friction.xlsx" + ViewQuery.ToQueryString((view with { Order = view.Order.FirstPage() }).ToQuery());

    /// <summary>The actions page's tab as its address holds it (filters and sort), all pages of it.</summary>
    public static string Actions(ActionsView view) =>
        "/export/actions.xlsx" + ViewQuery.ToQueryString((view with { Order = view.Order.FirstPage() }).ToQuery());

    /// <summary>The metric catalogue as its address holds it (filters and sort), all pages of it.</summary>
    public static string Metrics(MetricCatalogueView view) =>
        "/export/metrics.xlsx" + ViewQuery.ToQueryString((view with { Order = view.Order.FirstPage() }).ToQuery());

    public static string MetricValues(int metricId) => string.Create(CultureInfo.InvariantCulture, $"/export/metrics/{metricId}/values.xlsx");

    private static string Link(string path, Dictionary<string, string?> filters) =>
        QueryHelpers.AddQueryString(path, filters.Where(f => !string.IsNullOrWhiteSpace(f.Value)));

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
