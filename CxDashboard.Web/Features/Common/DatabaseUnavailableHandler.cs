using System.Net;
using Microsoft.AspNetCore.Diagnostics;

namespace CxDashboard.Web.Features.Common;

/// <summary>
/// Answers a page request that failed because the database cannot be reached with a plain page saying
/// so. It writes the page itself rather than re-running the request to the error page: that would
/// sign the person in again, which reads the database and fails the same way (a blank 500).
/// </summary>
internal sealed class DatabaseUnavailableHandler(ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    private const string Page = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>Database unavailable · CX Dashboard</title></head>
        <body style="font-family: Roboto, Helvetica, Arial, sans-serif; margin: 2rem; max-width: 40rem">
        <h1>The database is unavailable</h1>
        <p>The database is unavailable just now. Nothing was saved; try again in a moment.</p>
        <p>If it keeps happening, tell your administrator.</p>
        <p><a href="">Try again</a></p>
        </body>
        </html>
        """;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The API answers for itself, in its own format.
        if (!CxDashboard.Web.Data.DatabaseFailures.IsUnavailable(exception) || httpContext.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }
        logger.LogError(exception, "{Method} {Path} failed: the database could not be reached", httpContext.Request.Method, httpContext.Request.Path);
        httpContext.Response.StatusCode = (int)HttpStatusCode.ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "30";
        httpContext.Response.ContentType = "text/html; charset=utf-8";
        await httpContext.Response.WriteAsync(Page, cancellationToken);
        return true;
    }
}
