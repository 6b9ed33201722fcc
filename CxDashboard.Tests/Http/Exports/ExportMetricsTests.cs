using System.Diagnostics.Metrics;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Hosting.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using static CxDashboard.Tests.Http.Exports.ExportSheet;

namespace CxDashboard.Tests.Http.Exports;

public sealed class ExportMetricsTests(ExportAppFixture app) : IClassFixture<ExportAppFixture>
{
    [Fact]
    public async Task An_export_is_counted_by_its_list_with_the_rows_it_handed_out()
    {
        using var meters = new MeterRecorder(app.App.Services.GetRequiredService<IMeterFactory>());
        var client = await app.SignedInAsync(ExportAppFixture.HeadOfCx);

        var (workbook, _) = await ExportAppFixture.DownloadAsync(client, "/export/feedback.xlsx?sentiment=Negative");
        int rows;
        using (workbook)
        {
            rows = DataRows(workbook.Worksheet(1)).Count();
        }

        var export = Assert.Single(meters.Of(AppMetrics.ExportsName));
        Assert.Equal((1, "feedback"), (export.Value, export.Tags[AppMetrics.ListTag]));
        var size = Assert.Single(meters.Of(AppMetrics.ExportRowsName));
        Assert.Equal((rows, "feedback"), (size.Value, size.Tags[AppMetrics.ListTag]));
        Assert.True(rows > 0, "The demo retailer has negative feedback to export.");
    }
}
