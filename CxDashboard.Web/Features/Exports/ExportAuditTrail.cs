using System.Globalization;
using System.Text.Json;
using CxDashboard.Domain.Audit;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Hosting.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Exports;

/// <summary>
/// Writes down every export: who took which list, with which filters and how many rows. An export
/// changes no record, so the entry is written here rather than by the save that audits changes.
/// </summary>
public sealed class ExportAuditTrail(IDbContextFactory<CxDbContext> factory, TimeProvider clock, AppMetrics metrics)
{
    /// <summary>The kind of record export entries are filed under on the audit page.</summary>
    public const string EntityType = "Export";

    private const int MaxSummaryLength = 500;

    public async Task RecordAsync(Caller caller, string list, IQueryCollection filters, long rows, CancellationToken ct)
    {
        var described = Describe(filters);
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Exported {rows:N0} {(rows == 1 ? "row" : "rows")} of {list} to Excel; filters: {described}");
        var after = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["List"] = list,
            ["Filters"] = described,
            ["Rows"] = rows.ToString(CultureInfo.InvariantCulture),
        });

        await using var db = await factory.CreateDbContextAsync(ct);
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, caller.PersonId, caller.Name, EntityType, list,
            AuditAction.Exported, summary.Length <= MaxSummaryLength ? summary : summary[..(MaxSummaryLength - 1)] + "…", null, after));
        await db.SaveChangesAsync(ct);
        metrics.Exported(list, rows);
    }

    // The query string as the list page sent it: the same names the page's own address uses.
    private static string Describe(IQueryCollection filters)
    {
        var parts = filters
            .Where(f => !string.IsNullOrWhiteSpace(f.Value.ToString()))
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => $"{f.Key}={f.Value}")
            .ToList();
        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }
}
