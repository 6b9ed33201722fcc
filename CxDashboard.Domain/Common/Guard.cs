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

    public static DateTime Utc(DateTime value) =>
        value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value.ToUniversalTime(), DateTimeKind.Utc);
}
