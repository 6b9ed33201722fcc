namespace CxDashboard.Domain.Themes;

/// <summary>A part of a theme's rule: a word, a phrase, or two parts joined by AND, OR or NOT.</summary>
public abstract record RuleNode
{
    private RuleNode() { }

    public abstract bool Matches(IReadOnlyList<string> words);

    /// <summary>Consecutive words (one or more), the last one a word beginning when <see cref="Prefix"/> is set.</summary>
    public sealed record Phrase(IReadOnlyList<string> Words, bool Prefix) : RuleNode
    {
        public override bool Matches(IReadOnlyList<string> words)
        {
            for (var start = 0; start + Words.Count <= words.Count; start++)
            {
                if (MatchesAt(words, start))
                {
                    return true;
                }
            }
            return false;
        }

        private bool MatchesAt(IReadOnlyList<string> words, int start)
        {
            for (var i = 0; i < Words.Count; i++)
            {
                var last = i == Words.Count - 1;
                var word = words[start + i];
                var wanted = Words[i];
                if (!(last && Prefix ? word.StartsWith(wanted, StringComparison.Ordinal) : word == wanted))
                {
                    return false;
                }
            }
            return true;
        }
    }

    public sealed record And(RuleNode Left, RuleNode Right) : RuleNode
    {
        public override bool Matches(IReadOnlyList<string> words) => Left.Matches(words) && Right.Matches(words);
    }

    public sealed record Or(RuleNode Left, RuleNode Right) : RuleNode
    {
        public override bool Matches(IReadOnlyList<string> words) => Left.Matches(words) || Right.Matches(words);
    }

    /// <summary>What <see cref="Left"/> finds, except where <see cref="Right"/> also matches (as FTS5's binary NOT).</summary>
    public sealed record Not(RuleNode Left, RuleNode Right) : RuleNode
    {
        public override bool Matches(IReadOnlyList<string> words) => Left.Matches(words) && !Right.Matches(words);
    }
}
