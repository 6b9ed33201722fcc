namespace CxDashboard.Web.Features.Feedback;

/// <summary>
/// A customer reference must stay pseudonymous (a loyalty number, an order number, a survey
/// respondent id): anything with an '@' or a space looks like an e-mail or a name and is refused.
/// </summary>
public static class CustomerReference
{
    public const int MaxLength = 64;

    /// <summary>Why the value cannot be stored, or null when it can (empty is fine: the reference is optional).</summary>
    public static string? Problem(string? value)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }
        if (trimmed.Contains('@') || trimmed.Any(char.IsWhiteSpace))
        {
            return "A customer reference is a pseudonymous id such as a loyalty or order number: never a name or an e-mail address.";
        }
        return trimmed.Length > MaxLength ? $"A customer reference must be at most {MaxLength} characters." : null;
    }
}
