namespace CxDashboard.Domain.Feedback;

/// <summary>
/// A small rule set that suggests a sentiment and says why: the score decides when there is one;
/// otherwise words that customers use when pleased or let down are counted.
/// </summary>
public static class SentimentRules
{
    private static readonly string[] NegativeWords =
    [
        "angry", "awful", "bad", "broken", "cancel", "cancelled", "complain", "damaged", "disappointed", "disappointing",
        "frustrated", "frustrating", "poor", "refund", "rude", "slow", "terrible", "unhelpful", "useless", "waited",
        "waiting", "worst", "wrong", "missing", "late", "never", "lost", "confusing", "crashed", "out of stock",
    ];

    private static readonly string[] PositiveWords =
    [
        "amazing", "brilliant", "easy", "excellent", "fantastic", "fast", "friendly", "great", "helpful", "love",
        "lovely", "perfect", "pleased", "quick", "smooth", "thank", "thanks", "wonderful", "recommend", "happy",
    ];

    public static SentimentSuggestion Suggest(ScoreScale? scale, int? score, string? verbatim)
    {
        if (scale is { } s && score is { } value)
        {
            var band = Scores.Band(s, value);
            var name = Scores.Name(s);
            return band switch
            {
                ScoreBand.Promoter => new(Sentiment.Positive, $"{name} score {value} is in the top band."),
                ScoreBand.Detractor => new(Sentiment.Negative, $"{name} score {value} is in the bottom band."),
                _ => new(Sentiment.Neutral, $"{name} score {value} is in the middle band."),
            };
        }

        var text = verbatim?.ToLowerInvariant() ?? string.Empty;
        var negatives = NegativeWords.Where(w => ContainsWord(text, w)).ToList();
        var positives = PositiveWords.Where(w => ContainsWord(text, w)).ToList();
        if (negatives.Count > positives.Count)
        {
            return new(Sentiment.Negative, $"Words of disappointment: {string.Join(", ", negatives)}.");
        }
        if (positives.Count > negatives.Count)
        {
            return new(Sentiment.Positive, $"Words of praise: {string.Join(", ", positives)}.");
        }
        return negatives.Count == 0
            ? new(Sentiment.Neutral, "No score and no telling words.")
            : new(Sentiment.Neutral, $"As many words of praise ({string.Join(", ", positives)}) as of disappointment ({string.Join(", ", negatives)}).");
    }

    private static bool ContainsWord(string text, string word)
    {
        var index = text.IndexOf(word, StringComparison.Ordinal);
        while (index >= 0)
        {
            var startsWord = index == 0 || !char.IsLetter(text[index - 1]);
            var end = index + word.Length;
            var endsWord = end == text.Length || !char.IsLetter(text[end]);
            if (startsWord && endsWord)
            {
                return true;
            }
            index = text.IndexOf(word, index + 1, StringComparison.Ordinal);
        }
        return false;
    }
}
