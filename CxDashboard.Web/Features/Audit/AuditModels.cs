using CxDashboard.Domain.Audit;

namespace CxDashboard.Web.Features.Audit;

/// <summary>What the audit page filters on; empty fields do not filter. Dates are whole UTC days, both inclusive.</summary>
public sealed record AuditFilter(DateOnly? From = null, DateOnly? To = null, string? EntityType = null, string? Actor = null,
    string? EntityId = null, string? Text = null)
{
    /// <summary>The query string of the Excel export of the same entries (keys from, to, entity, record, actor, q).</summary>
    public string ToExportQuery()
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add($"{key}={Uri.EscapeDataString(value.Trim())}");
            }
        }
        Add("from", From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("entity", EntityType);
        Add("record", EntityId);
        Add("actor", Actor);
        Add("q", Text);
        return string.Join("&", parts);
    }
}

/// <summary>Where a page of entries ends: the next page starts after it, in newest-first order.</summary>
public sealed record AuditCursor(DateTime At, int Id);

public sealed record AuditRow(int Id, DateTime At, string ActorName, string EntityType, string EntityId, AuditAction Action,
    string Summary, string? Before, string? After);

/// <summary>One page of entries, newest first; <see cref="Next"/> is null on the last page.</summary>
public sealed record AuditEntriesPage(IReadOnlyList<AuditRow> Rows, AuditCursor? Next);
