using System.Globalization;
using CxDashboard.Web.Data;

namespace CxDashboard.Web.Features.Api;

/// <summary>
/// What a machine calling the API gets when the server fails rather than its request: 503 with
/// <c>Retry-After</c> while the database cannot be reached (in the key check or the save alike), else 500;
/// a short problem body either way, never the people's error page, and the cause in the log.
/// </summary>
public static class ApiFaults
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>Before authentication, since checking an API key already reads the database.</summary>
    public static IApplicationBuilder UseIngestionApiFaults(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiFaults));
                IResult problem;
                if (DatabaseFailures.IsUnavailable(ex))
                {
                    logger.LogError(ex, "The database could not be reached while answering {Method} {Path}; answered 503.",
                        context.Request.Method, context.Request.Path);
                    context.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                    problem = Results.Problem(title: "The service is briefly unavailable",
                        detail: "The database could not be reached. Nothing was saved: send the request again in a minute.",
                        statusCode: StatusCodes.Status503ServiceUnavailable);
                }
                else
                {
                    logger.LogError(ex, "{Method} {Path} failed on the server; answered 500.", context.Request.Method, context.Request.Path);
                    problem = Results.Problem(title: "The request failed on the server",
                        detail: "Nothing was saved. The failure is logged; if it happens again, tell the CX Dashboard team.",
                        statusCode: StatusCodes.Status500InternalServerError);
                }
                await problem.ExecuteAsync(context);
            }
        }));
}
