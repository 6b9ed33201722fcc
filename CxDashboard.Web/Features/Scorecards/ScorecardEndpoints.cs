using CxDashboard.Domain.Common;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Features.Common;

namespace CxDashboard.Web.Features.Scorecards;

public static class ScorecardEndpoints
{
    /// <summary>The scorecard workbook, with the same rule as the page: a draft only for those who may see drafts.</summary>
    public static IEndpointRouteBuilder MapScorecardEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/export/scorecards/{quarter}.xlsx", async (string quarter, HttpContext http, ScorecardService scorecards, CancellationToken ct) =>
            {
                if (!Period.TryParse(quarter, out var period) || period.Kind != PeriodKind.Quarter)
                {
                    return Results.NotFound();
                }
                try
                {
                    var scorecard = await scorecards.GetAsync(Caller.From(http.User), period, ct);
                    return Results.File(ScorecardWorkbook.Build(scorecard), ScorecardWorkbook.ContentType, ScorecardWorkbook.FileName(scorecard));
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
            .RequireAuthorization(Policies.Reader);
        return app;
    }
}
