using System.Globalization;
using CxDashboard.Web.Features.Audit;

namespace CxDashboard.Web.Features.Exports;

/// <summary>
/// Reads a list's filters from the query string of an export link, with the same parameter names
/// and meanings as the list page itself, so that the workbook holds what the page showed.
/// </summary>
public static class ExportQuery
{
    /// <summary>
    /// The audit trail, under the keys <see cref="AuditFilter.ToExportQuery"/> writes: from and to (yyyy-MM-dd,
    /// both days included), entity (type), record (its id), actor (part of the name), q (part of the summary).
    /// </summary>
    public static AuditFilter Audit(IQueryCollection query) =>
        new(Day(query, "from"), Day(query, "to"), Text(query, "entity"), Text(query, "actor"), Text(query, "record"), Text(query, "q"));

    public static string? Text(IQueryCollection query, string key) =>
        query.TryGetValue(key, out var values) && !string.IsNullOrWhiteSpace(values.ToString()) ? values.ToString().Trim() : null;

    private static int? Int(IQueryCollection query, string key) =>
        int.TryParse(Text(query, key), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static bool Bool(IQueryCollection query, string key) => bool.TryParse(Text(query, key), out var value) && value;

    private static DateOnly? Day(IQueryCollection query, string key) =>
        DateOnly.TryParseExact(Text(query, key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
