using CxDashboard.Web.Auth;
using CxDashboard.Web.Export;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Feedback;
using CxDashboard.Web.Hosting;

namespace CxDashboard.Web.Features.Exports;

/// <summary>
/// "Export to Excel" for every list: GET /export/… with the page's own filters in the query string
/// and the page's own policy. The workbook is written to a temporary file that deletes itself once
/// sent, so neither a million rows nor several people exporting at once fill the server's memory.
/// </summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        var export = app.MapGroup("/export").RequireRateLimiting(RateLimits.Exports);

        export.MapGet("/feedback.xlsx", async (HttpContext http, ExportService exports, FeedbackService feedback, CancellationToken ct) =>
        {
            var query = http.Request.Query.ToDictionary(p => p.Key, p => (string?)p.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var model = InboxFilterModel.FromQuery(query, await feedback.GetLookupsAsync(ct));
            return await FileAsync("feedback", exports.Today,
                (stream, token) => exports.WriteFeedbackAsync(stream, model.ToFilter(), model.Sort, Caller.From(http.User), token), ct);
        }).RequireAuthorization(Policies.Reader);

        export.MapGet("/friction.xlsx", (HttpContext http, ExportService exports, CancellationToken ct) =>
            FileAsync("friction", exports.Today,
                (stream, token) => exports.WriteFrictionAsync(stream, ExportQuery.Friction(http.Request.Query), token), ct))
            .RequireAuthorization(Policies.Reader);

        export.MapGet("/actions.xlsx", (HttpContext http, ExportService exports, CancellationToken ct) =>
            FileAsync("actions", exports.Today,
                (stream, token) => exports.WriteActionsAsync(stream, ExportQuery.Actions(http.Request.Query), Caller.From(http.User), token), ct))
            .RequireAuthorization(Policies.Reader);

        export.MapGet("/metrics.xlsx", (HttpContext http, ExportService exports, CancellationToken ct) =>
            FileAsync("metrics", exports.Today,
                (stream, token) => exports.WriteMetricCatalogueAsync(stream, ExportQuery.Metrics(http.Request.Query), Caller.From(http.User), token), ct))
            .RequireAuthorization(Policies.Reader);

        export.MapGet("/metrics/{id:int}/values.xlsx", async (int id, HttpContext http, ExportService exports, CancellationToken ct) =>
        {
            var stream = TempFile();
            try
            {
                var (found, code) = await exports.WriteMetricValuesAsync(stream, id, Caller.From(http.User), ct);
                if (!found)
                {
                    await stream.DisposeAsync();
                    return Results.NotFound();
                }
                stream.Position = 0;
                return Results.File(stream, XlsxStreamWriter.ContentType, FileName($"{code.ToLowerInvariant()}-values", exports.Today));
            }
            catch
            {
                await stream.DisposeAsync();
                throw;
            }
        }).RequireAuthorization(Policies.Lead);

        export.MapGet("/reviews.xlsx", (ExportService exports, CancellationToken ct) =>
            FileAsync("reviews", exports.Today, exports.WriteReviewsAsync, ct))
            .RequireAuthorization(Policies.Reader);

        export.MapGet("/audit.xlsx", (HttpContext http, ExportService exports, CancellationToken ct) =>
            FileAsync("audit", exports.Today,
                (stream, token) => exports.WriteAuditAsync(stream, ExportQuery.Audit(http.Request.Query), token), ct))
            .RequireAuthorization(Policies.Auditor);

        return app;
    }

    private static async Task<IResult> FileAsync(string name, DateOnly today, Func<Stream, CancellationToken, Task<long>> write, CancellationToken ct)
    {
        var stream = TempFile();
        try
        {
            await write(stream, ct);
            stream.Position = 0;
            return Results.File(stream, XlsxStreamWriter.ContentType, FileName(name, today));
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
