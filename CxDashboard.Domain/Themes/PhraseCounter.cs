using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace CxDashboard.Domain.Themes;

/// <summary>
/// Counts, in one pass over verbatims that are not kept, how many verbatims of a recent window and of a baseline
/// window hold each word and each two- and three-word phrase, and then names those significantly over-represented
/// in the recent window (<see cref="LogLikelihood"/>). Stop words, numbers and order references ("HF-4821907") are
/// left out: a phrase neither starts nor ends with a stop word, and holds no number.
/// </summary>
public sealed partial class PhraseCounter(int idsKept = 20)
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "back", "be", "been", "before", "being",
        "but", "by", "can", "could", "couldn", "did", "didn", "do", "does", "doesn", "don", "for", "from", "get", "got", "had", "has", "hasn",
        "have", "he", "her", "here", "him", "his", "how", "i", "if", "in", "into", "is", "isn", "it", "its", "just", "ll", "me", "my", "no",
        "not", "now", "of", "on", "once", "one", "only", "or", "our", "out", "re", "s", "said", "she", "so", "some", "still", "t", "than",
        "that", "the", "their", "them", "then", "there", "they", "this", "to", "too", "up", "us", "ve", "very", "was", "wasn", "we", "were",
        "what", "when", "where", "which", "who", "will", "with", "won", "would", "you", "your",
    };

    private readonly Dictionary<string, (int Recent, int Baseline, List<int>? Ids)> _counts = new(StringComparer.Ordinal);

    // The phrases of the verbatim being added, each counted once for it; kept from one verbatim to the next.
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private int _recentDocuments;
    private int _baselineDocuments;

    public int RecentDocuments => _recentDocuments;
    public int BaselineDocuments => _baselineDocuments;

    /// <param name="id">The verbatim's item; the first ids of each recent phrase are kept for examples and links.</param>
    /// <param name="keepId">Whether the id is worth keeping (an item not yet linked elsewhere, say).</param>
    public void Add(string? verbatim, bool recent, int id, bool keepId = true)
    {
        if (recent)
        {
            _recentDocuments++;
        }
        else
        {
            _baselineDocuments++;
        }
        var words = VerbatimWords.Of(verbatim is null || !HasDigit(verbatim) ? verbatim : OrderReference().Replace(verbatim, " "));
        // Whether each word may be in a phrase (it holds no digit) and may start or end one (nor is it a stop word),
        // worked out once per word rather than once per phrase it could be part of.
        var inPhrase = new bool[words.Count];
        var atEdge = new bool[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            inPhrase[i] = !HasDigit(words[i]);
            atEdge[i] = inPhrase[i] && !StopWords.Contains(words[i]);
        }
        var seen = _seen;
        seen.Clear();
        for (var start = 0; start < words.Count; start++)
        {
            if (!atEdge[start])
            {
                continue;
            }
            for (var length = 1; length <= 3 && start + length <= words.Count; length++)
            {
                var end = start + length - 1;
                if (!inPhrase[end])
                {
                    break;
                }
                if (!atEdge[end])
                {
                    continue;
                }
                var last = words[end];
                var phrase = length switch
                {
                    1 => last,
                    2 => string.Concat(words[start], " ", last),
                    _ => string.Concat(words[start], " ", words[start + 1], " ", last),
                };
                if (!seen.Add(phrase))
                {
                    continue;
                }
                // One look-up per phrase: the nine weeks hold millions of them.
                ref var counts = ref CollectionsMarshal.GetValueRefOrAddDefault(_counts, phrase, out _);
                if (recent)
                {
                    counts.Recent++;
                    if (keepId)
                    {
                        counts.Ids ??= [];
                        if (counts.Ids.Count < idsKept)
                        {
                            counts.Ids.Add(id);
                        }
                    }
                }
                else
                {
                    counts.Baseline++;
                }
            }
        }
    }

    /// <summary>
    /// The phrases used in at least <paramref name="minimumRecent"/> recent verbatims, at a higher rate than in the
    /// baseline, with G² above <paramref name="threshold"/>; strongest first, at most <paramref name="count"/>. A phrase
    /// found in exactly the verbatims of a longer emerging phrase is left out for the longer one.
    /// </summary>
    public IReadOnlyList<EmergingPhrase> Emerging(int count, double threshold = LogLikelihood.P001, int minimumRecent = 5)
    {
        if (_recentDocuments == 0 || _baselineDocuments == 0)
        {
            return [];
        }
        var found = _counts
            .Where(c => c.Value.Recent >= minimumRecent
                        && (double)c.Value.Recent / _recentDocuments > (double)c.Value.Baseline / _baselineDocuments)
            .Select(c => new EmergingPhrase(c.Key, c.Value.Recent, _recentDocuments, c.Value.Baseline, _baselineDocuments,
                LogLikelihood.G2(c.Value.Recent, _recentDocuments, c.Value.Baseline, _baselineDocuments), c.Value.Ids ?? []))
            .Where(p => p.G2 > threshold)
            .OrderByDescending(p => p.G2)
            .ThenBy(p => p.Phrase, StringComparer.Ordinal)
            .ToList();
        var longer = found.Where(p => p.Phrase.Contains(' ', StringComparison.Ordinal)).ToList();
        return found
            .Where(p => !longer.Any(l => l.Phrase.Length > p.Phrase.Length && (" " + l.Phrase + " ").Contains(" " + p.Phrase + " ", StringComparison.Ordinal)
                                         && l.Recent == p.Recent && l.Baseline == p.Baseline))
            .Take(count)
            .ToList();
    }

    private static bool HasDigit(string text)
    {
        foreach (var c in text)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Letters joined to a long number, as order, case and ticket references are written.</summary>
    [GeneratedRegex(@"\b\p{L}{1,4}[-/#]?\d{4,}\b", RegexOptions.CultureInvariant)]
    private static partial Regex OrderReference();
}
