using System.Text.RegularExpressions;

namespace CxDashboard.Domain.Notifications;

/// <summary>
/// <c>@handle</c> in a note tells that person. A person's handle is the part of their e-mail address before the
/// <c>@</c> (<c>@dana.reid</c> for dana.reid@retailer.example), any case: unlike a display name it has no spaces, so
/// a mention ends where the word does, and it is unique in most directories. An e-mail address written in a note is
/// not a mention, nor is a trailing full stop part of one.
/// </summary>
public static partial class Mentions
{
    /// <summary>The handles mentioned in <paramref name="text"/>, lower-cased, each once.</summary>
    public static IReadOnlySet<string> In(string? text) =>
        string.IsNullOrEmpty(text)
            ? new HashSet<string>()
            : Handle().Matches(text).Select(m => m.Groups[1].Value.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    /// <summary>The handles in <paramref name="after"/> that <paramref name="before"/> did not have: an edited note tells only whom it newly names.</summary>
    public static IReadOnlySet<string> Added(string? before, string? after)
    {
        var added = new HashSet<string>(In(after), StringComparer.Ordinal);
        added.ExceptWith(In(before));
        return added;
    }

    /// <summary>The handle of the person with this e-mail address.</summary>
    public static string HandleOf(string email) => email[..email.IndexOf('@', StringComparison.Ordinal)].ToLowerInvariant();

    [GeneratedRegex(@"(?<![\w@.+-])@([A-Za-z0-9](?:[A-Za-z0-9._+-]{0,62}[A-Za-z0-9])?)(?![\w@]|\.[A-Za-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Handle();
}
