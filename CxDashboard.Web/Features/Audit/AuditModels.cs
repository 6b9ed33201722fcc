using System.Globalization;
using CxDashboard.Domain.Audit;
using CxDashboard.Web.Features.Common;

namespace CxDashboard.Web.Features.Audit;

/// <summary>What the audit page filters on; empty fields do not filter. Dates are whole UTC days, both inclusive.</summary>
public sealed record AuditFilter(DateOnly? From = null, DateOnly? To = null, string? EntityType = null, string? Actor = null,
    string? EntityId = null, string? Text = null)
{
    /// <summary>The query string of the Excel export of the same entries (keys from, to, entity, record, actor, q).</summary>
    public string ToExportQuery() => ViewQuery.ToQueryString(ToQuery()).TrimStart('?');

    /// <summary>The filter as the audit page's address and its export link hold it; what is empty is left out.</summary>
    public Dictionary<string, object?> ToQuery() => new()
    {
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["entity"] = Trimmed(EntityType),
        ["record"] = Trimmed(EntityId),
        ["actor"] = Trimmed(Actor),
        ["q"] = Trimmed(Text),
    };

    /// <summary>
    /// Reads from and to (yyyy-MM-dd, both days included), entity (type), record (its id), actor (part of the
    /// name) and q (part of the summary). Values it cannot read are ignored.
    /// </summary>
    public static AuditFilter FromQuery(ViewQuery query) =>
        new(query.Day("from"), query.Day("to"), query.Text("entity"), query.Text("actor"), query.Text("record"), query.Text("q"));

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Where a page of entries ends: the next page starts after it, in newest-first order.</summary>
public sealed record AuditCursor(DateTime At, int Id)
{
    /// <summary>The cursor as it goes in the audit page's address (ticks.id), so that a link to an older page seeks straight to it.</summary>
    public string ToToken() => string.Create(CultureInfo.InvariantCulture, $"{At.Ticks}.{Id}");

    public static AuditCursor? FromToken(string? token)
    {
        var parts = token?.Split('.');
        return parts is { Length: 2 }
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
                ? new AuditCursor(new DateTime(ticks, DateTimeKind.Utc), id)
                : null;
    }
}

public sealed record AuditRow(int Id, DateTime At, string ActorName, string EntityType, string EntityId, AuditAction Action,
    string Summary, string? Before, string? After);

/// <summary>One page of entries, newest first; <see cref="Next"/> is null on the last page.</summary>
public sealed record AuditEntriesPage(IReadOnlyList<AuditRow> Rows, AuditCursor? Next);
