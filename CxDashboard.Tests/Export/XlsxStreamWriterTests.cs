using System.IO.Compression;
using System.Xml.Linq;
using ClosedXML.Excel;
using CxDashboard.Web.Export;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace CxDashboard.Tests.Export;

public sealed class XlsxStreamWriterTests
{
    private static readonly DateTime Moment = new(2026, 11, 23, 9, 30, 0, DateTimeKind.Utc);

    private sealed record Row(string Name, int Count, double Score, DateTime ReceivedAt, DateOnly Due, string Rag);

    private static readonly XlsxColumn<Row>[] Columns =
    [
        new("Name", 30, r => r.Name),
        new("Count", 10, r => r.Count, XlsxFormat.Integer),
        new("Score", 12, r => r.Score, XlsxFormat.Decimal),
        new("Received", 18, r => r.ReceivedAt, XlsxFormat.DateTime),
        new("Due", 12, r => r.Due, XlsxFormat.Date),
        new("RAG", 8, r => r.Rag, XlsxFormat.Rag),
    ];

    private static async IAsyncEnumerable<Row> Rows(params Row[] rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }

    private static async Task<XLWorkbook> ExportAsync(params Row[] rows)
    {
        var stream = new MemoryStream();
        await XlsxStreamWriter.WriteAsync(stream, "Feedback", Columns, Rows(rows));
        stream.Position = 0;
        return new XLWorkbook(stream);
    }

    [Fact]
    public async Task Numbers_are_numbers_and_dates_are_dates()
    {
        using var workbook = await ExportAsync(new Row("Leeds store", 42, 7.25, new DateTime(2026, 11, 2, 14, 30, 0, DateTimeKind.Utc), new DateOnly(2026, 12, 1), "Green"));
        var sheet = workbook.Worksheet("Feedback");

        Assert.Equal(XLDataType.Number, sheet.Cell("B2").DataType);
        Assert.Equal(42, sheet.Cell("B2").GetDouble());
        Assert.Equal(7.25, sheet.Cell("C2").GetDouble());
        Assert.Equal(XLDataType.DateTime, sheet.Cell("D2").DataType);
        Assert.Equal(new DateTime(2026, 11, 2, 14, 30, 0), sheet.Cell("D2").GetDateTime());
        Assert.Equal(new DateTime(2026, 12, 1), sheet.Cell("E2").GetDateTime());
        Assert.Equal("Leeds store", sheet.Cell("A2").GetString());
    }

    [Fact]
    public async Task The_header_row_is_frozen_filtered_and_columns_have_widths()
    {
        using var workbook = await ExportAsync(new Row("a", 1, 1, Moment, new DateOnly(2026, 1, 1), "Red"), new Row("b", 2, 2, Moment, new DateOnly(2026, 1, 2), "Amber"));
        var sheet = workbook.Worksheet(1);

        Assert.Equal(["Name", "Count", "Score", "Received", "Due", "RAG"], sheet.Row(1).Cells(1, 6).Select(c => c.GetString()));
        Assert.True(sheet.Cell("A1").Style.Font.Bold);
        Assert.Equal(1, sheet.SheetView.SplitRow);
        AssertFiltersEveryRow(sheet, lastColumn: 6);
        Assert.InRange(sheet.Column(1).Width, 29, 30.5);
        Assert.InRange(sheet.Column(5).Width, 11, 12.5);
    }

    /// <summary>The filter starts at the header and covers its columns and every row written below it.</summary>
    private static void AssertFiltersEveryRow(IXLWorksheet sheet, int lastColumn)
    {
        Assert.True(sheet.AutoFilter.IsEnabled);
        var filter = sheet.AutoFilter.Range.RangeAddress;
        Assert.Equal("A1", filter.FirstAddress.ToString());
        Assert.Equal(lastColumn, filter.LastAddress.ColumnNumber);
        Assert.True(filter.LastAddress.RowNumber >= sheet.LastRowUsed().RowNumber(), $"The filter {filter} leaves out rows.");
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")")]
    [InlineData("+44 113 496 0000")]
    [InlineData("-2 stars")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tcmd")]
    public async Task Text_that_could_run_as_a_formula_is_kept_as_text(string text)
    {
        using var workbook = await ExportAsync(new Row(text, 1, 1, Moment, new DateOnly(2026, 1, 1), "Green"));
        var cell = workbook.Worksheet(1).Cell("A2");

        Assert.False(cell.HasFormula);
        Assert.Equal("'" + text, cell.GetString());
    }

    [Fact]
    public async Task Rag_cells_are_coloured()
    {
        using var workbook = await ExportAsync(
            new Row("a", 1, 1, Moment, new DateOnly(2026, 1, 1), "Green"),
            new Row("b", 1, 1, Moment, new DateOnly(2026, 1, 1), "Amber"),
            new Row("c", 1, 1, Moment, new DateOnly(2026, 1, 1), "Red"));
        var sheet = workbook.Worksheet(1);

        Assert.Equal("FFC6EFCE", sheet.Cell("F2").Style.Fill.BackgroundColor.Color.ToArgb().ToString("X8"));
        Assert.Equal("FFFFEB9C", sheet.Cell("F3").Style.Fill.BackgroundColor.Color.ToArgb().ToString("X8"));
        Assert.Equal("FFFFC7CE", sheet.Cell("F4").Style.Fill.BackgroundColor.Color.ToArgb().ToString("X8"));
    }

    [Fact]
    public async Task An_empty_list_still_has_its_header()
    {
        using var workbook = await ExportAsync();
        Assert.Equal("Name", workbook.Worksheet(1).Cell("A1").GetString());
        Assert.True(workbook.Worksheet(1).Cell("A2").IsEmpty());
    }

    private static Row[] Numbered(int count) =>
        Enumerable.Range(1, count).Select(i => new Row($"row {i}", i, i / 4.0, Moment.AddMinutes(i), new DateOnly(2026, 1, 1), "Green")).ToArray();

    private static async Task<XLWorkbook> ExportAsync(int rowsPerSheet, Row[] rows)
    {
        var stream = new MemoryStream();
        var written = await XlsxStreamWriter.WriteAsync(stream, "Feedback", Columns, Rows(rows), rowsPerSheet: rowsPerSheet);
        Assert.Equal(rows.Length, written);
        stream.Position = 0;
        return new XLWorkbook(stream);
    }

    [Fact]
    public async Task A_list_longer_than_a_sheet_holds_continues_on_further_sheets_each_with_its_header_row()
    {
        using var workbook = await ExportAsync(rowsPerSheet: 10, Numbered(25));

        Assert.Equal(["Feedback", "Feedback (2)", "Feedback (3)"], workbook.Worksheets.Select(w => w.Name));
        Assert.Equal([10, 10, 8], workbook.Worksheets.Select(w => w.LastRowUsed().RowNumber()));
        foreach (var sheet in workbook.Worksheets)
        {
            Assert.Equal(["Name", "Count", "Score", "Received", "Due", "RAG"], sheet.Row(1).Cells(1, 6).Select(c => c.GetString()));
            Assert.True(sheet.Cell("A1").Style.Font.Bold);
            Assert.Equal(1, sheet.SheetView.SplitRow);
            AssertFiltersEveryRow(sheet, lastColumn: 6);
            Assert.InRange(sheet.Column(1).Width, 29, 30.5);
        }
        var counts = workbook.Worksheets.SelectMany(w => w.RowsUsed().Skip(1)).Select(r => r.Cell(2).GetDouble()).ToList();
        Assert.Equal(Enumerable.Range(1, 25).Select(i => (double)i), counts);
        Assert.Equal(XLDataType.DateTime, workbook.Worksheet("Feedback (3)").Cell("D8").DataType);
    }

    [Fact]
    public async Task A_list_that_exactly_fills_its_sheets_adds_no_empty_sheet()
    {
        using var workbook = await ExportAsync(rowsPerSheet: 10, Numbered(18));

        Assert.Equal(["Feedback", "Feedback (2)"], workbook.Worksheets.Select(w => w.Name));
        Assert.Equal("row 18", workbook.Worksheet("Feedback (2)").Cell("A10").GetString());
    }

    [Fact]
    public void A_sheet_holds_what_excel_holds_and_the_further_sheets_names_stay_within_its_31_characters()
    {
        Assert.Equal(1_048_576, XlsxStreamWriter.SheetRowLimit);
        var names = XlsxStreamWriter.SheetNames("Customer satisfaction by channel and stage", 12);

        Assert.Equal("Customer satisfaction by channe", names[0]);
        Assert.Equal("Customer satisfaction by c (12)", names[11]);
        Assert.All(names, n => Assert.InRange(n.Length, 1, 31));
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public async Task A_workbook_of_several_sheets_is_valid_against_the_spreadsheet_schema()
    {
        using var stream = new MemoryStream();
        await XlsxStreamWriter.WriteAsync(stream, "Feedback", Columns, Rows(Numbered(5)), rowsPerSheet: 3);
        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);

        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri}: {e.Description}");

        Assert.Empty(errors);
        Assert.Equal(3, document.WorkbookPart!.WorksheetParts.Count());
    }

    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static async Task<MemoryStream> ExportBytesAsync()
    {
        var stream = new MemoryStream();
        await XlsxStreamWriter.WriteAsync(stream, "Feedback", Columns, Rows(new Row("a", 1, 1.5, Moment, new DateOnly(2026, 1, 1), "Green")));
        stream.Position = 0;
        return stream;
    }

    [Fact]
    public async Task The_workbook_has_a_Normal_cell_style_that_every_cell_format_inherits_from()
    {
        using var stream = await ExportBytesAsync();
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        await using var part = zip.GetEntry("xl/styles.xml")!.Open();
        var styles = XDocument.Load(part).Root!;

        // openpyxl takes the default style from the named cell styles and warns
        // "Workbook contains no default style" when there are none.
        var normal = Assert.Single(styles.Element(Main + "cellStyles")!.Elements(Main + "cellStyle"));
        Assert.Equal("Normal", (string?)normal.Attribute("name"));
        Assert.Equal("0", (string?)normal.Attribute("builtinId"));
        var parents = styles.Element(Main + "cellStyleXfs")!.Elements(Main + "xf").ToList();
        Assert.InRange((int)normal.Attribute("xfId")!, 0, parents.Count - 1);

        var fonts = styles.Element(Main + "fonts")!.Elements(Main + "font").Count();
        var fills = styles.Element(Main + "fills")!.Elements(Main + "fill").ToList();
        var borders = styles.Element(Main + "borders")!.Elements(Main + "border").Count();
        // Excel reserves the first two fills for "none" and "gray125" whatever the file says.
        Assert.Equal(["none", "gray125"], fills.Take(2).Select(f => (string?)f.Element(Main + "patternFill")!.Attribute("patternType")));

        var formats = styles.Element(Main + "cellXfs")!.Elements(Main + "xf").ToList();
        Assert.NotEmpty(formats);
        Assert.All(formats.Concat(parents), xf =>
        {
            Assert.InRange((int)xf.Attribute("fontId")!, 0, fonts - 1);
            // Left out, a fill or border is the first one (the schema's default, which Excel and openpyxl follow).
            Assert.InRange((int?)xf.Attribute("fillId") ?? 0, 0, fills.Count - 1);
            Assert.InRange((int?)xf.Attribute("borderId") ?? 0, 0, borders - 1);
            Assert.NotNull(xf.Attribute("numFmtId"));
        });
        Assert.All(formats, xf => Assert.Equal((int)normal.Attribute("xfId")!, (int)xf.Attribute("xfId")!));
        foreach (var list in new[] { "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles" })
        {
            var element = styles.Element(Main + list)!;
            Assert.Equal(element.Elements().Count(), (int)element.Attribute("count")!);
        }
    }

    [Fact]
    public async Task The_workbook_is_valid_against_the_spreadsheet_schema()
    {
        using var stream = await ExportBytesAsync();
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);

        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri}: {e.Description}");

        Assert.Empty(errors);
    }
}
