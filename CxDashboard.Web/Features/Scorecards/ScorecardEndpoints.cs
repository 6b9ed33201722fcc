using CxDashboard.Domain.Common;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Exports;
using CxDashboard.Web.Hosting;

namespace CxDashboard.Web.Features.Scorecards;

public static class ScorecardEndpoints
{
    /// <summary>The scorecard workbook, with the same rule as the page: a draft only for those who may see drafts.</summary>
    public static IEndpointRouteBuilder MapScorecardEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/export/scorecards/{quarter}.xlsx", async (string quarter, HttpContext http, ScorecardService scorecards,
                ExportAuditTrail audit, CancellationToken ct) =>
            {
                if (!Period.TryParse(quarter, out var period) || period.Kind != PeriodKind.Quarter)
                {
                    return Results.NotFound();
                }
                try
                {
                    var caller = Caller.From(http.User);
                    var scorecard = await scorecards.GetAsync(caller, period, ct);
                    var workbook = ScorecardWorkbook.Build(scorecard);
                    await audit.RecordAsync(caller, $"scorecard {period}", http.Request.Query, scorecard.Rows.Count, ct);
                    return Results.File(workbook, ScorecardWorkbook.ContentType, ScorecardWorkbook.FileName(scorecard));
                }
                catch (NotFoundException)
                {
                    return Results.NotFound();
                }
                catch (NotAllowedException)
                {
                    // A plain 403: the cookie scheme's Forbid would redirect a download to a page.
                    return Results.StatusCode(StatusCodes.Status403Forbidden);
                }
            })
            .RequireAuthorization(Policies.Reader)
            .RequireRateLimiting(RateLimits.Exports);
        return app;
    }
}
