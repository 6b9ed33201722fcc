using System.Text.Json;
using System.Text.Json.Nodes;

namespace CxDashboard.Domain.Common;

/// <summary>
/// What a customer asked to have forgotten: their words, whole and sentence by sentence (so that a
/// sentence quoted in an issue or a note is found too), their reference and their ids. Every text the
/// app copied them into is put through <see cref="Apply"/>, which replaces them, whatever their case.
/// </summary>
public sealed class Redaction
{
    public const string Marker = "[erased at the customer's request]";

    /// <summary>A shorter piece of a sentence is too likely to be someone else's words as well.</summary>
    private const int ShortestSentence = 16;

    private readonly List<string> _phrases;

    private Redaction(IEnumerable<string> phrases) =>
        // Longest first, so that a whole verbatim goes before the sentences it contains.
        _phrases = phrases.Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(p => p.Length).ToList();

    public IReadOnlyList<string> Phrases => _phrases;

    public bool IsEmpty => _phrases.Count == 0;

    /// <summary>The customer's words (each as a whole and each of its sentences) and their identifiers.</summary>
    public static Redaction Of(IEnumerable<string?> words, IEnumerable<string?> identifiers)
    {
        var phrases = new List<string>();
        foreach (var text in words)
        {
            if (string.IsNullOrWhiteSpace(text) || text == Marker)
            {
                continue;
            }
            phrases.Add(text.Trim());
            phrases.AddRange(text.Split(['.', '!', '?', ';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Where(sentence => sentence.Length >= ShortestSentence));
        }
        phrases.AddRange(identifiers.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id!.Trim()));
        return new Redaction(phrases);
    }

    public bool Matches(string? text) =>
        text is not null && _phrases.Any(p => text.Contains(p, StringComparison.OrdinalIgnoreCase));

    public string? Apply(string? text) => Apply(text, int.MaxValue);

    /// <summary>As <see cref="Apply(string?)"/>, cut to the field's length should the marker make it longer.</summary>
    public string? Apply(string? text, int maxLength)
    {
        if (text is null || !Matches(text))
        {
            return text;
        }
        foreach (var phrase in _phrases)
        {
            text = text.Replace(phrase, Marker, StringComparison.OrdinalIgnoreCase);
        }
        return text.Length <= maxLength ? text : text[..maxLength];
    }

    /// <summary>The same for a JSON document: every string in it, whatever the escaping of its characters.</summary>
    public string? ApplyToJson(string? json)
    {
        if (json is null || JsonNode.Parse(json) is not { } node)
        {
            return json;
        }
        return Rewrite(node) ? node.ToJsonString() : json;
    }

    private bool Rewrite(JsonNode node)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (child is JsonValue value && value.GetValueKind() == JsonValueKind.String && Matches(value.GetValue<string>()))
                    {
                        obj[name] = Apply(value.GetValue<string>());
                        changed = true;
                    }
                    else if (child is not null)
                    {
                        changed |= Rewrite(child);
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.GetValueKind() == JsonValueKind.String && Matches(value.GetValue<string>()))
                    {
                        array[i] = Apply(value.GetValue<string>());
                        changed = true;
                    }
                    else if (array[i] is { } child)
                    {
                        changed |= Rewrite(child);
                    }
                }
                break;
        }
        return changed;
    }
}
