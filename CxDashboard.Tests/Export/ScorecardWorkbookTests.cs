using ClosedXML.Excel;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Scorecards;
using CxDashboard.Domain.Statistics;
using CxDashboard.Web.Features.Scorecards;

namespace CxDashboard.Tests.Export;

public sealed class ScorecardWorkbookTests
{
    private static readonly Period Q3 = Period.Quarter(2026, 3);

    private static ScorecardRow Row(string code, string name, int? channelId, string channel, double? actual, double? target, Rag rag,
        double?[] trend, string? commentary = null, MetricUnit unit = MetricUnit.Percent, Estimate? figure = null,
        ChangeVerdict? verdict = null, string? wording = null, TargetVerdict? againstTarget = null) =>
        new(code == "CSAT" ? 1 : 2, code, name, MetricDimension.EffortSatisfaction, unit, Direction.HigherIsBetter, channelId, channel,
            actual, target, rag, trend, commentary, false, figure ?? (actual is { } a ? new Estimate(a, null, null, null) : null), null,
            MinimumSample.Default, verdict, wording, againstTarget);

    private static readonly ScorecardView Published = new(Q3, ScorecardStatus.Published, "=HYPERLINK(\"http://evil\") all on target", 3,
        "Eleanor Hartley", new DateTime(2026, 10, 2, 9, 0, 0, DateTimeKind.Utc), new DateTime(2026, 10, 15, 14, 0, 0, DateTimeKind.Utc),
        "Eleanor Hartley",
        [
            Row("CSAT", "Customer satisfaction", null, "All channels", 82, 80, Rag.Green, [70, 75, 79, 82], "+3 points: new tills",
                figure: new Estimate(82, 1240, 79.8, 84.0), verdict: ChangeVerdict.RealImprovement, wording: "+3.0, a real improvement",
                againstTarget: TargetVerdict.OnTarget),
            Row("CES", "Customer effort", null, "All channels", 4.1, 4.5, Rag.Red, [null, 4.3, 4.2, 4.1], null, MetricUnit.RatingOutOf7),
            Row("CSAT", "Customer satisfaction", 1, "Store", 78, 85, Rag.Amber, [null, null, 77, 78]),
            Row("CSAT", "Customer satisfaction", 2, "Marketplace/B2B", 86, 80, Rag.None, [null, null, null, 86], figure: new Estimate(86, 7, 48.7, 97.4)),
        ],
        new ScorecardPermissions(false, false, true),
        new ScorecardStanding(2, 1, 0, 1, 0));

    private static XLWorkbook Read() => new(new MemoryStream(ScorecardWorkbook.Build(Published)));

    [Fact]
    public void The_workbook_has_a_summary_sheet_then_one_sheet_per_channel_with_names_excel_accepts()
    {
        using var workbook = Read();

        Assert.Equal(["Summary", "Store", "Marketplace-B2B"], workbook.Worksheets.Select(w => w.Name));
        Assert.Equal("scorecard-2026-Q3.xlsx", ScorecardWorkbook.FileName(Published));
    }

    [Fact]
    public void The_summary_names_the_quarter_and_publication_and_lists_every_metric_total_with_numbers_as_numbers()
    {
        using var workbook = Read();
        var summary = workbook.Worksheet("Summary");
        var header = ScorecardWorkbook.SummaryHeaderRow;

        Assert.Equal("2026-Q3", summary.Cell(1, 2).GetString());
        Assert.Equal("Published", summary.Cell(2, 2).GetString());
        Assert.Equal("2026-10-15 14:00 UTC", summary.Cell(3, 2).GetString());
        Assert.Equal("Eleanor Hartley", summary.Cell(4, 2).GetString());
        Assert.Equal("1 of 2 metrics with enough answers on target in total (0 amber, 1 red)", summary.Cell(6, 2).GetString());
        Assert.Equal(["Dimension", "Code", "Metric", "Unit", "Actual", "n", "Low", "High", "Target", "Against target", "RAG",
            "Change on previous quarter", "Real or noise", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "Commentary"],
            Enumerable.Range(1, 18).Select(c => summary.Cell(header, c).GetString()));

        var csat = summary.Row(header + 1);
        Assert.Equal("CSAT", csat.Cell(2).GetString());
        Assert.Equal(XLDataType.Number, csat.Cell(5).DataType);
        Assert.Equal(82.0, csat.Cell(5).GetDouble());
        Assert.Equal(80.0, csat.Cell(9).GetDouble());
        Assert.Equal("0.0", csat.Cell(5).Style.NumberFormat.Format);
        Assert.Equal(3.0, csat.Cell(12).GetDouble(), 6);
        Assert.Equal([70.0, 75, 79, 82], Enumerable.Range(14, 4).Select(c => csat.Cell(c).GetDouble()));
        var ces = summary.Row(header + 2);
        Assert.True(ces.Cell(14).IsEmpty());
        Assert.Equal("0.00", ces.Cell(5).Style.NumberFormat.Format);
        Assert.True(summary.Cell(header + 3, 2).IsEmpty());
    }

    [Fact]
    public void Each_figure_has_its_answers_and_interval_as_numbers_and_its_change_and_target_in_words()
    {
        using var workbook = Read();
        var summary = workbook.Worksheet("Summary");
        var csat = summary.Row(ScorecardWorkbook.SummaryHeaderRow + 1);
        var ces = summary.Row(ScorecardWorkbook.SummaryHeaderRow + 2);

        Assert.Equal((1240.0, 79.8, 84.0), (csat.Cell(6).GetDouble(), csat.Cell(7).GetDouble(), csat.Cell(8).GetDouble()));
        Assert.Equal(XLDataType.Number, csat.Cell(6).DataType);
        Assert.Equal("0.0", csat.Cell(7).Style.NumberFormat.Format);
        Assert.Equal("on target", csat.Cell(10).GetString());
        Assert.Equal("+3.0, a real improvement", csat.Cell(13).GetString());
        Assert.True(ces.Cell(6).IsEmpty() && ces.Cell(7).IsEmpty() && ces.Cell(8).IsEmpty());
        var marketplace = workbook.Worksheet("Marketplace-B2B").Row(2);
        Assert.Equal(7.0, marketplace.Cell(6).GetDouble());
        Assert.Equal("Too few answers", marketplace.Cell(11).GetString());
    }

    [Fact]
    public void Rag_is_written_as_a_word_on_its_cell_fill_colour()
    {
        using var workbook = Read();
        var summary = workbook.Worksheet("Summary");
        var store = workbook.Worksheet("Store");
        var header = ScorecardWorkbook.SummaryHeaderRow;

        Assert.Equal("Green", summary.Cell(header + 1, 11).GetString());
        Assert.Equal(XLColor.FromHtml("#C6EFCE"), summary.Cell(header + 1, 11).Style.Fill.BackgroundColor);
        Assert.Equal("Red", summary.Cell(header + 2, 11).GetString());
        Assert.Equal(XLColor.FromHtml("#FFC7CE"), summary.Cell(header + 2, 11).Style.Fill.BackgroundColor);
        Assert.Equal("Amber", store.Cell(2, 11).GetString());
        Assert.Equal(XLColor.FromHtml("#FFEB9C"), store.Cell(2, 11).Style.Fill.BackgroundColor);
    }

    [Fact]
    public void Text_that_a_spreadsheet_would_run_as_a_formula_stays_text()
    {
        using var workbook = Read();
        var summary = workbook.Worksheet("Summary");

        var headline = summary.Cell(5, 2);
        Assert.False(headline.HasFormula);
        Assert.StartsWith("'=HYPERLINK", headline.GetString());
        var commentary = summary.Cell(ScorecardWorkbook.SummaryHeaderRow + 1, 18);
        Assert.False(commentary.HasFormula);
        Assert.Equal("'+3 points: new tills", commentary.GetString());
    }

    [Fact]
    public void Every_sheet_freezes_its_header_row_and_filters_from_it()
    {
        using var workbook = Read();

        var summary = workbook.Worksheet("Summary");
        Assert.Equal(ScorecardWorkbook.SummaryHeaderRow, summary.SheetView.SplitRow);
        Assert.Equal(ScorecardWorkbook.SummaryHeaderRow, summary.AutoFilter.Range.FirstRow().RowNumber());
        foreach (var sheet in workbook.Worksheets.Skip(1))
        {
            Assert.Equal(1, sheet.SheetView.SplitRow);
            Assert.Equal("A1", sheet.AutoFilter.Range.FirstCell().Address.ToString());
            Assert.Equal("Customer satisfaction", sheet.Cell(2, 3).GetString());
            Assert.Equal(XLDataType.Number, sheet.Cell(2, 5).DataType);
            Assert.Equal(34, sheet.Column(3).Width);
        }
    }
}
