namespace CxDashboard.Web.Features.Common;

/// <summary>What a page says when the database cannot be reached (<see cref="Data.DatabaseFailures.IsUnavailable"/>).</summary>
public static class DatabaseTrouble
{
    public const string UnavailableMessage = "The database is unavailable just now. Nothing was saved; try again in a moment.";
    public const string UnavailableWhileLoadingMessage = "The database is unavailable just now, so this could not be loaded; try again in a moment.";
}
