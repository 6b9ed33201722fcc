namespace CxDashboard.Domain.Common;

internal static class Guard
{
    public static string Text(string? value, string what, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException($"{what} is required.");
        }
        if (trimmed.Length > maxLength)
        {
            throw new DomainException($"{what} must be at most {maxLength} characters.");
        }
        return trimmed;
    }

    public static string? OptionalText(string? value, string what, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }
        if (trimmed.Length > maxLength)
        {
            throw new DomainException($"{what} must be at most {maxLength} characters.");
        }
        return trimmed;
    }

    public static int Range(int value, string what, int min, int max)
    {
        if (value < min || value > max)
        {
            throw new DomainException($"{what} must be between {min} and {max}.");
        }
        return value;
    }

    public static int Id(int value, string what)
    {
        if (value <= 0)
        {
            throw new DomainException($"{what} is required.");
        }
        return value;
    }

    /// <summary>Times in the model are UTC; a time of unspecified kind is taken to be UTC already.</summary>
    public static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
