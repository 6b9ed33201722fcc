using CxDashboard.Domain.Common;

namespace CxDashboard.Domain.Themes;

/// <summary>
/// Which verbatims belong to a theme, in the inbox search's language: words, "phrases in quotes",
/// word beginnings (refund*), AND, OR, NOT and brackets. Words side by side must all appear, as with
/// AND. As in SQLite's FTS5, NOT binds tightest, then AND, then OR, and NOT excludes from what comes
/// before it ("delivery NOT late"). Case and accents are ignored.
/// </summary>
public sealed class ThemeRule
{
    public const int MaxLength = 1000;

    private ThemeRule(string text, RuleNode root)
    {
        Text = text;
        Root = root;
    }

    /// <summary>The rule as written (trimmed).</summary>
    public string Text { get; }

    public RuleNode Root { get; }

    /// <exception cref="DomainException">The rule is empty, too long, or not a well-formed rule; the message says where.</exception>
    public static ThemeRule Parse(string? text)
    {
        var trimmed = Guard.Text(text, "The rule", MaxLength);
        var parser = new Parser(Lex(trimmed));
        return new ThemeRule(trimmed, parser.ParseRule());
    }

    /// <summary>Null when the rule reads; otherwise what is wrong with it, for a form to show while it is typed.</summary>
    public static string? Problem(string? text)
    {
        try
        {
            Parse(text);
            return null;
        }
        catch (DomainException ex)
        {
            return ex.Message;
        }
    }

    public bool Matches(string? verbatim) => Root.Matches(VerbatimWords.Of(verbatim));

    /// <summary>For many rules against one verbatim: split the verbatim once with <see cref="VerbatimWords.Of"/>.</summary>
    public bool Matches(IReadOnlyList<string> words) => Root.Matches(words);

    private enum Kind { Open, Close, And, Or, Not, Words }

    private sealed record Token(Kind Kind, string Text, RuleNode? Node = null);

    private static List<Token> Lex(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')')
            {
                tokens.Add(new Token(c == '(' ? Kind.Open : Kind.Close, c.ToString()));
                i++;
            }
            else if (c == '"')
            {
                var close = text.IndexOf('"', i + 1);
                if (close < 0)
                {
                    throw new DomainException($"The phrase starting {Quote(text[i..])} has no closing quote.");
                }
                var inside = text[(i + 1)..close];
                i = close + 1;
                var prefix = i < text.Length && text[i] == '*';
                if (prefix)
                {
                    i++;
                }
                tokens.Add(new Token(Kind.Words, text[(close - inside.Length - 1)..i], PhraseOf(inside, prefix,
                    $"The phrase \"{inside}\" has no letters or digits to look for.")));
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '"'))
                {
                    i++;
                }
                var word = text[start..i];
                var kind = word switch { "AND" => Kind.And, "OR" => Kind.Or, "NOT" => Kind.Not, _ => Kind.Words };
                if (kind != Kind.Words)
                {
                    tokens.Add(new Token(kind, word));
                    continue;
                }
                var prefix = word.EndsWith('*');
                var bare = word.TrimEnd('*');
                if (bare.Contains('*', StringComparison.Ordinal))
                {
                    throw new DomainException($"In '{word}', a * may only end a word: refund* finds refund, refunds and refunded.");
                }
                tokens.Add(new Token(Kind.Words, word, PhraseOf(bare, prefix,
                    $"'{word}' has no letters or digits to look for: put punctuation inside a \"phrase\" or leave it out.")));
            }
        }
        return tokens;
    }

    private static RuleNode.Phrase PhraseOf(string text, bool prefix, string nothingToFind)
    {
        var words = VerbatimWords.Of(text);
        return words.Count == 0 ? throw new DomainException(nothingToFind) : new RuleNode.Phrase(words, prefix);
    }

    private static string Quote(string text) => text.Length > 30 ? text[..30] + "…" : text;

    /// <summary>Recursive descent: rule := all (OR all)*; all := except (AND? except)*; except := part (NOT part)*; part := words | ( rule ).</summary>
    private sealed class Parser(List<Token> tokens)
    {
        private int _at;

        public RuleNode ParseRule()
        {
            if (tokens.Count == 0)
            {
                throw new DomainException("The rule has no words to look for.");
            }
            var rule = Any();
            if (_at < tokens.Count)
            {
                throw tokens[_at].Kind == Kind.Close
                    ? new DomainException("The rule closes a bracket it never opened.")
                    : new DomainException($"The rule cannot continue with '{tokens[_at].Text}' there.");
            }
            return rule;
        }

        private Token? Next => _at < tokens.Count ? tokens[_at] : null;

        private RuleNode Any()
        {
            var node = All();
            while (Next?.Kind == Kind.Or)
            {
                _at++;
                node = new RuleNode.Or(node, All());
            }
            return node;
        }

        private RuleNode All()
        {
            var node = Except();
            while (Next is { Kind: Kind.And or Kind.Words or Kind.Open } next)
            {
                if (next.Kind == Kind.And)
                {
                    _at++;
                }
                node = new RuleNode.And(node, Except());
            }
            return node;
        }

        private RuleNode Except()
        {
            var node = Part();
            while (Next?.Kind == Kind.Not)
            {
                _at++;
                node = new RuleNode.Not(node, Part());
            }
            return node;
        }

        private RuleNode Part()
        {
            var token = Next;
            switch (token?.Kind)
            {
                case Kind.Words:
                    _at++;
                    return token.Node!;
                case Kind.Open:
                    _at++;
                    if (Next?.Kind == Kind.Close)
                    {
                        throw new DomainException("The rule has empty brackets.");
                    }
                    var inner = Any();
                    if (Next?.Kind != Kind.Close)
                    {
                        throw new DomainException("The rule opens a bracket it never closes.");
                    }
                    _at++;
                    return inner;
                case Kind.Not:
                    throw new DomainException(_at == 0
                        ? "NOT leaves out what follows it from what comes before: write what to find first, as in delivery NOT late."
                        : $"'{tokens[_at - 1].Text}' cannot be followed by NOT: write delivery NOT late.");
                case null:
                    throw new DomainException($"The rule ends with '{tokens[^1].Text}': say what should follow it.");
                default:
                    throw new DomainException(_at == 0
                        ? $"The rule cannot start with '{token.Text}'."
                        : $"'{tokens[_at - 1].Text}' cannot be followed by '{token.Text}'.");
            }
        }
    }
}
