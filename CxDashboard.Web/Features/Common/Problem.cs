using CxDashboard.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Common;

/// <summary>What a page tells the person when loading or saving failed.</summary>
public static class Problem
{
    public const string ConflictMessage = "Someone else saved this at the same moment; here are the current values.";
    public const string RefusedMessage = "The database refused the change because it clashes with what is already stored (the same record entered twice, for instance). Nothing was saved.";
    public const string UnexpectedSavingMessage = "Something went wrong and the change was not saved. It has been logged; try again, and tell your administrator if it keeps happening.";
    public const string UnexpectedLoadingMessage = "Something went wrong and this could not be loaded. It has been logged; try again, and tell your administrator if it keeps happening.";

    /// <summary>
    /// Rule breaks, refusals, conflicts and missing records carry a message written for the person; a
    /// database that cannot be reached and one that refused a row each get their own message; anything
    /// else is logged with its exception and gets a general message, and the circuit lives on.
    /// </summary>
    public static string Describe(Exception exception, bool saving, ILogger logger)
    {
        switch (exception)
        {
            case DomainException or NotAllowedException or ConcurrencyConflictException or NotFoundException:
                return exception.Message;
            case DbUpdateConcurrencyException:
                return ConflictMessage;
        }
        if (CxDashboard.Web.Data.DatabaseFailures.IsUnavailable(exception))
        {
            logger.LogWarning(exception, saving ? "A save failed: the database could not be reached" : "A page could not load: the database could not be reached");
            return saving ? DatabaseTrouble.UnavailableMessage : DatabaseTrouble.UnavailableWhileLoadingMessage;
        }
        if (exception is DbUpdateException)
        {
            logger.LogWarning(exception, "The database refused a save");
            return RefusedMessage;
        }
        logger.LogError(exception, saving ? "Saving a change failed" : "Loading a page's data failed");
        return saving ? UnexpectedSavingMessage : UnexpectedLoadingMessage;
    }

    /// <summary>What kind of failure the exception is, for pages that show the kinds differently.</summary>
    public static ProblemKind KindOf(Exception exception) => exception switch
    {
        _ when IsConflict(exception) => ProblemKind.Conflict,
        DomainException or NotAllowedException or NotFoundException => ProblemKind.Refused,
        _ => ProblemKind.Failed,
    };

    /// <summary>Whether the page should reload to show the values someone else saved.</summary>
    public static bool IsConflict(Exception exception) =>
        exception is ConcurrencyConflictException or DbUpdateConcurrencyException;
}

/// <summary>What kind of failure a page is told about.</summary>
public enum ProblemKind
{
    /// <summary>A rule, the caller's rights or a missing record said no; the message says why.</summary>
    Refused,

    /// <summary>Someone else saved first.</summary>
    Conflict,

    /// <summary>The database could not be reached, refused the row, or something unexpected happened.</summary>
    Failed,
}
