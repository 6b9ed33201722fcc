using CxDashboard.Web.Auth;
using CxDashboard.Web.Export;
using CxDashboard.Web.Features.Actions;
using CxDashboard.Web.Features.Audit;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Feedback;
using CxDashboard.Web.Features.Friction;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Hosting;

namespace CxDashboard.Web.Features.Exports;

/// <summary>
/// "Export to Excel" for every list: GET /export/… with the page's own filters in the query string
/// and the page's own policy. The workbook is written to a temporary file that deletes itself once
/// sent, so neither a million rows nor several people exporting at once fill the server's memory.
/// Every export is written to the audit trail.
/// </summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        var export = app.MapGroup("/export").RequireRateLimiting(RateLimits.Exports);

        export.MapGet("/feedback.xlsx", async (HttpContext http, ExportService exports, ExportAuditTrail audit, FeedbackService feedback, CancellationToken ct) =>
        {
            var model = InboxFilterModel.FromQuery(ViewQuery.From(http.Request.Query), await feedback.GetLookupsAsync(ct));
            return await FileAsync(http, "feedback", exports, audit,
                (stream, token) => exports.WriteFeedbackAsync(stream, model.ToFilter(), model.Sort, Caller.From(http.User), token), ct);
        }).RequireAuthorization(Policies.Reader);

        export.MapGet("/friction.xlsx", (HttpContext http, ExportService exports, ExportAuditTrail audit, CancellationToken ct) =>
        {
            var view = FrictionView.FromQuery(ViewQuery.From(http.Request.Query));
            return FileAsync(http, "friction", exports, audit,
                (stream, token) => exports.WriteFrictionAsync(stream, view.Filter, view.Order, token), ct);
        }).RequireAuthorization(Policies.Reader);

        export.MapGet("/actions.xlsx", (HttpContext http, ExportService exports, ExportAuditTrail audit, CancellationToken ct) =>
        {
            // Without a tab, the whole list: an export link from the page always names its tab.
            var view = ActionsView.FromQuery(ViewQuery.From(http.Request.Query), hasOwnActions: false);
            return FileAsync(http, "actions", exports, audit,
                (stream, token) => exports.WriteActionsAsync(stream, view.Filter, view.Order, Caller.From(http.User), token), ct);
        }).RequireAuthorization(Policies.Reader);

        export.MapGet("/metrics.xlsx", (HttpContext http, ExportService exports, ExportAuditTrail audit, CancellationToken ct) =>
        {
            var view = MetricCatalogueView.FromQuery(ViewQuery.From(http.Request.Query));
            return FileAsync(http, "metrics", exports, audit,
                (stream, token) => exports.WriteMetricCatalogueAsync(stream, view.Filter, view.Order, Caller.From(http.User), token), ct);
        }).RequireAuthorization(Policies.Reader);

        export.MapGet("/metrics/{id:int}/values.xlsx", async (int id, HttpContext http, ExportService exports, ExportAuditTrail audit, CancellationToken ct) =>
        {
            var stream = TempFile();
            try
            {
                var caller = Caller.From(http.User);
                var (found, code, rows) = await exports.WriteMetricValuesAsync(stream, id, caller, ct);
                if (!found)
                {
                    await stream.DisposeAsync();
                    return Results.NotFound();
                }
                var name = $"{code.ToLowerInvariant()}-values";
                await audit.RecordAsync(caller, name, http.Request.Query, rows, ct);
                stream.Position = 0;
                return Results.File(stream, XlsxStreamWriter.ContentType, FileName(name, exports.Today));
            }
            catch
            {
                await stream.DisposeAsync();
                throw;
            }
        }).RequireAuthorization(Policies.Lead);

        export.MapGet("/reviews.xlsx", (HttpContext http, ExportService exports, ExportAuditTrail audit, CancellationToken ct) =>
            FileAsync(http, "reviews", exports, audit, exports.WriteReviewsAsync, ct))
            .RequireAuthorization(Policies.Reader);

        export.MapGet("/audit.xlsx", (HttpContext http, ExportService exports, ExportAuditTrail audit, CancellationToken ct) =>
            FileAsync(http, "audit", exports, audit,
                (stream, token) => exports.WriteAuditAsync(stream, AuditFilter.FromQuery(ViewQuery.From(http.Request.Query)), token), ct))
            .RequireAuthorization(Policies.Auditor);

        return app;
    }

    // The entry is written before the file is sent: an export that cannot be audited is not handed out.
    private static async Task<IResult> FileAsync(HttpContext http, string name, ExportService exports, ExportAuditTrail audit,
        Func<Stream, CancellationToken, Task<long>> write, CancellationToken ct)
    {
        var stream = TempFile();
        try
        {
            var rows = await write(stream, ct);
            await audit.RecordAsync(Caller.From(http.User), name, http.Request.Query, rows, ct);
            stream.Position = 0;
            return Results.File(stream, XlsxStreamWriter.ContentType, FileName(name, exports.Today));
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    // Results.File disposes the stream once the response is sent, and DeleteOnClose then removes the file.
    private static FileStream TempFile() => new(
        Path.Combine(Path.GetTempPath(), $"cxdashboard-export-{Guid.NewGuid():N}.xlsx"),
        FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 16,
        FileOptions.DeleteOnClose | FileOptions.Asynchronous);

    private static string FileName(string name, DateOnly today) => $"{name}-{today:yyyy-MM-dd}.xlsx";
}
