using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using CxDashboard.Web.Features.Metrics;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Tests.Features.Metrics;

/// <summary>A workbook is checked before it is read: one that would unpack or spread beyond what an import needs is refused.</summary>
public sealed class WorkbookUploadLimitTests : IAsyncLifetime
{
    private MetricsData _data = null!;

    public async Task InitializeAsync() => _data = await MetricsData.CreateAsync();

    public async Task DisposeAsync() => await _data.DisposeAsync();

    private async Task<int> CountValuesAsync()
    {
        await using var db = _data.Database.CreateDbContext();
        return await db.MetricValues.CountAsync();
    }

    /// <summary>A few hundred kilobytes of upload whose sheet unpacks to 150 MB of zeros.</summary>
    private static MemoryStream ZipBomb()
    {
        var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open(), Encoding.UTF8))
            {
                types.Write("""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>""");
            }
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 150; i++)
            {
                sheet.Write(zeros);
            }
        }
        file.Position = 0;
        return file;
    }

    [Fact]
    public async Task A_workbook_that_unpacks_beyond_100_MB_is_refused_with_a_message_and_changes_nothing()
    {
        var id = await _data.Metric("CONV").SaveAsync();
        using var bomb = ZipBomb();
        Assert.True(bomb.Length < MetricValuesImporter.MaxFileBytes);

        var result = await _data.Importer.ImportAsync(_data.CxLead, id, "values.xlsx", bomb);

        Assert.False(result.Succeeded);
        Assert.Equal("This workbook unpacks to more than 100 MB; it cannot be imported.", Assert.Single(result.Problems).Reason);
        Assert.Equal(0, await CountValuesAsync());
    }

    [Fact]
    public async Task A_sheet_of_more_than_100_000_cells_is_refused_before_the_workbook_is_opened()
    {
        var id = await _data.Metric("CONV").SaveAsync();
        var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open(), Encoding.UTF8);
            sheet.Write("<worksheet><sheetData><row r=\"1\">");
            for (var i = 0; i <= 100_000; i++)
            {
                sheet.Write("<c/>");
            }
            sheet.Write("</row></sheetData></worksheet>");
        }
        file.Position = 0;

        var result = await _data.Importer.ImportAsync(_data.CxLead, id, "values.xlsx", file);

        Assert.StartsWith("This workbook has more than 100,000 cells; it cannot be imported.", Assert.Single(result.Problems).Reason, StringComparison.Ordinal);
        Assert.Equal(0, await CountValuesAsync());
    }

    [Fact]
    public async Task A_workbook_whose_used_range_spans_a_million_rows_is_refused_before_they_are_read()
    {
        var id = await _data.Metric("CONV").SaveAsync();
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Values");
        sheet.Cell(1, 1).SetValue("Period");
        sheet.Cell(1, 2).SetValue("Channel");
        sheet.Cell(1, 3).SetValue("Value");
        sheet.Cell(2, 1).SetValue("2026-10");
        sheet.Cell(2, 3).SetValue(50);
        sheet.Cell(1_048_576, 3).SetValue(1);
        var file = new MemoryStream();
        workbook.SaveAs(file);
        file.Position = 0;

        var result = await _data.Importer.ImportAsync(_data.CxLead, id, "values.xlsx", file);

        Assert.False(result.Succeeded);
        Assert.StartsWith("This workbook has more than 100,000 cells; it cannot be imported.", Assert.Single(result.Problems).Reason, StringComparison.Ordinal);
        Assert.Equal(0, await CountValuesAsync());
    }
}
