using CxDashboard.Web.Export;
using ClosedXML.Excel;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Metrics;
using CxDashboard.Web.Auth;

namespace CxDashboard.Web.Features.Metrics;

/// <summary>The workbook a lead fills in to import a metric's values, with a sheet that explains the columns.</summary>
public static class MetricValuesTemplate
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Build(ValuesTemplateInfo info)
    {
        using var workbook = new XLWorkbook();
        var values = workbook.Worksheets.Add("Values");
        for (var i = 0; i < MetricValuesImporter.Columns.Length; i++)
        {
            values.Cell(1, i + 1).SetValue(MetricValuesImporter.Columns[i]);
        }
        values.Row(1).Style.Font.Bold = true;
        // Periods and channel codes stay text, so that Excel does not turn 2026-09 into a date.
        values.Column(1).Style.NumberFormat.Format = "@";
        values.Column(2).Style.NumberFormat.Format = "@";
        // Widths are set by hand: measuring the content needs a graphics library the server does not have.
        values.Column(1).Width = 12;
        values.Column(2).Width = 16;
        values.Column(3).Width = 12;
        values.Column(4).Width = 12;
        values.Column(5).Width = 10;
        values.Column(6).Width = 10;
        values.SheetView.FreezeRows(1);

        var help = workbook.Worksheets.Add("How to fill in");
        var (min, max) = MetricUnitRules.RangeOf(info.Unit);
        var lines = new List<(string, string)>
        {
            ("Metric", $"{info.Code} · {info.Name}"),
            ("Period", $"One row per period and channel. This metric is recorded per {info.Cadence.ToString().ToLowerInvariant()}, e.g. {info.ExamplePeriod}."),
            ("Channel", "A channel code from the list below, or blank for the total across channels."),
            ("Value", max == double.MaxValue ? "A number, zero or more; use a dot for decimals." : $"A number from {min} to {max}; use a dot for decimals."),
            ("SampleSize", info.UsesSampleSize ? "How many responses the value stands on (a whole number)." : "Optional: how many responses the value stands on."),
            ("Low, High", "Optional: the value's 95% interval as your survey tool reports it, both ends or neither, with Low at or below the value and High at or above it."),
            ("Import", "Every row is checked first; if any row is wrong nothing is imported and each wrong row is listed."),
        };
        if (info.IsComputed)
        {
            lines.Add(("Note", "This metric is computed from feedback scores; its values cannot be imported."));
        }
        var row = 1;
        foreach (var (label, text) in lines)
        {
            help.Cell(row, 1).SetValue(label);
            help.Cell(row, 2).SetValue(AsText(text));
            row++;
        }
        row++;
        help.Cell(row, 1).SetValue("Channel code");
        help.Cell(row, 2).SetValue("Channel");
        help.Row(row).Style.Font.Bold = true;
        foreach (var channel in info.Channels)
        {
            row++;
            help.Cell(row, 1).SetValue(AsText(channel.Code));
            help.Cell(row, 2).SetValue(AsText(channel.Name));
        }
        help.Column(1).Style.Font.Bold = true;
        help.Column(1).Width = 16;
        help.Column(2).Width = 90;
        help.Column(2).Style.Alignment.WrapText = true;

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static string AsText(string text) => CellText.Neutralise(CellText.XmlSafe(text));
}

public static class MetricsEndpoints
{
    public static IEndpointRouteBuilder MapMetricsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/export/metrics/{code}/values-template.xlsx", async (string code, MetricsService metrics, CancellationToken ct) =>
            await metrics.GetTemplateInfoAsync(code, ct) is { } info
                ? Results.File(MetricValuesTemplate.Build(info), MetricValuesTemplate.ContentType, $"{info.Code}-values-template.xlsx")
                : Results.NotFound())
            .RequireAuthorization(Policies.Lead);
        return app;
    }
}
