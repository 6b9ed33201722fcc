namespace CxDashboard.Web.Features.Common;

/// <summary>
/// A LIKE pattern that finds typed text anywhere in a column, read literally on both databases: the
/// wildcards % and _, SQL Server's [ and the escape character itself are escaped. Use with
/// <c>EF.Functions.Like(column, LikePattern.Containing(text), LikePattern.Escape)</c>.
/// </summary>
public static class LikePattern
{
    public const string Escape = "\\";

    public static string Containing(string text) => "%" + text.Trim()
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("%", "\\%", StringComparison.Ordinal)
        .Replace("_", "\\_", StringComparison.Ordinal)
        .Replace("[", "\\[", StringComparison.Ordinal) + "%";
}
