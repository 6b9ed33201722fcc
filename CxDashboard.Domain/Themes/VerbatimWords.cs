using System.Globalization;
using System.Text;

namespace CxDashboard.Domain.Themes;

/// <summary>
/// The words of a verbatim as the search index sees them: runs of letters and digits (what SQLite's
/// unicode61 tokenizer keeps), lower case, accents removed. A rule matches in memory exactly when the
/// index would find it.
/// </summary>
public static class VerbatimWords
{
    public static List<string> Of(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return words;
        }
        var word = new StringBuilder();
        // A rune is appended as its UTF-16 units: a string per character would cost an allocation each.
        Span<char> units = stackalloc char[2];
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsWordCharacter(Rune.GetUnicodeCategory(rune)))
            {
                word.Append(units[..rune.EncodeToUtf16(units)]);
            }
            else if (word.Length > 0)
            {
                words.Add(Fold(word.ToString()));
                word.Clear();
            }
        }
        if (word.Length > 0)
        {
            words.Add(Fold(word.ToString()));
        }
        return words;
    }

    /// <summary>Lower case without accents: "Café" and "cafe" are one word, as in the index.</summary>
    public static string Fold(string word)
    {
        // Most words are plain ASCII: lower-casing is all they need, without decomposing them.
        if (System.Text.Ascii.IsValid(word))
        {
            return word.ToLowerInvariant();
        }
        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    private static bool IsWordCharacter(UnicodeCategory category) => category is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
        or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
        or UnicodeCategory.PrivateUse;
}
