using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace CxDashboard.Web.Features.Common;

/// <summary>
/// A list's view as read from a query string: the page's own address or an export link, so that both read
/// it alike. A value that cannot be read counts as absent, and the page shows its default for it: a link
/// someone mistyped or cut short still opens the page, never an error.
/// </summary>
public sealed class ViewQuery
{
    private readonly Dictionary<string, string> _values;

    private ViewQuery(IEnumerable<KeyValuePair<string, string>> values) =>
        _values = values
            .Where(v => !string.IsNullOrWhiteSpace(v.Value))
            .GroupBy(v => v.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.OrdinalIgnoreCase);

    public static ViewQuery Empty { get; } = new([]);

    /// <summary>The query string of an absolute or relative address.</summary>
    public static ViewQuery FromUri(string uri)
    {
        var at = uri.IndexOf('?', StringComparison.Ordinal);
        if (at < 0)
        {
            return Empty;
        }
        var end = uri.IndexOf('#', at);
        var query = end < 0 ? uri[at..] : uri[at..end];
        return new(QueryHelpers.ParseQuery(query).Select(p => KeyValuePair.Create(p.Key, p.Value.ToString())));
    }

    public static ViewQuery From(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> query) =>
        new(query.Select(p => KeyValuePair.Create(p.Key, p.Value.ToString())));

    /// <summary>"?key=value&amp;…" for a view, leaving out keys whose value is null: for links to a view from elsewhere.</summary>
    public static string ToQueryString(IReadOnlyDictionary<string, object?> view) =>
        QueryString.Create(view
                .Where(p => p.Value is not null)
                .Select(p => KeyValuePair.Create(p.Key, Convert.ToString(p.Value, CultureInfo.InvariantCulture))))
            .ToUriComponent();

    /// <summary>The text as given, or null when absent or blank.</summary>
    public string? Raw(string key) => _values.GetValueOrDefault(key);

    /// <summary>The text with surrounding spaces removed, or null when absent or blank.</summary>
    public string? Text(string key) => Raw(key)?.Trim();

    /// <summary>A record's id: a whole number above zero.</summary>
    public int? Id(string key) =>
        int.TryParse(Text(key), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public int? Number(string key, int min, int max) =>
        int.TryParse(Text(key), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number : null;

    /// <summary>true/yes or false/no, any case.</summary>
    public bool? YesNo(string key) => Text(key)?.ToLowerInvariant() switch
    {
        "true" or "yes" => true,
        "false" or "no" => false,
        _ => null,
    };

    /// <summary>A switch that is on only when the address says so.</summary>
    public bool On(string key) => YesNo(key) == true;

    /// <summary>One of an enum's names (any case, hyphens ignored); numbers are refused, so only named values get through.</summary>
    public TEnum? Choice<TEnum>(string key) where TEnum : struct, Enum =>
        Text(key)?.Replace("-", "", StringComparison.Ordinal) is { } name
        && !int.TryParse(name, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
        && Enum.TryParse<TEnum>(name, ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value : null;

    /// <summary>A day written yyyy-MM-dd.</summary>
    public DateOnly? Day(string key) =>
        DateOnly.TryParseExact(Text(key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
