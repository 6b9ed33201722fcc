using CxDashboard.Domain.Common;
using CxDashboard.Web.Features.Common;

namespace CxDashboard.Web.Features.Friction;

/// <summary>What a page tells the person when loading or saving failed.</summary>
public static class Problem
{
    /// <summary>
    /// Rule breaks, refusals, conflicts and missing records carry a message written for the person;
    /// anything else (the database being down) is logged and gets a general message, and the circuit lives on.
    /// </summary>
    public static string Describe(Exception exception, bool saving, ILogger logger)
    {
        if (exception is DomainException or NotAllowedException or ConcurrencyConflictException or NotFoundException)
        {
            return exception.Message;
        }
        logger.LogError(exception, saving ? "Saving a friction or action change failed" : "Loading friction or action data failed");
        return saving
            ? "The change could not be saved because the database did not answer. Nothing was changed; try again in a moment."
            : "The data could not be loaded because the database did not answer. Try again in a moment.";
    }
}
