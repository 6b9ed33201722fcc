using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using CxDashboard.Domain.Common;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Metrics;

/// <summary>
/// Imports a metric's values from an Excel workbook or a CSV file with the columns Period, Channel,
/// Value, and optionally SampleSize and the 95% interval's Low and High. The whole file is read and checked first; every bad row is reported with
/// its row number, and nothing is written unless every row is valid.
/// </summary>
public sealed class MetricValuesImporter(IDbContextFactory<CxDbContext> dbFactory, TimeProvider clock)
{
    public const long MaxFileBytes = 10 * 1024 * 1024;

    public static readonly string[] Columns = ["Period", "Channel", "Value", "SampleSize", "Low", "High"];

    public async Task<ValueSaveResult> ImportAsync(Caller caller, int metricId, string fileName, Stream content, CancellationToken ct = default)
    {
        if (!caller.IsCxLead && !caller.IsChannelLead)
        {
            throw new NotAllowedException("Only a CX lead or a channel lead imports metric values.");
        }
        var bytes = await ReadLimitedAsync(content, ct);
        if (bytes is null)
        {
            return ValueSaveResult.Refused("The file is larger than 10 MB. Split it into smaller files.");
        }
        if (bytes.Length == 0)
        {
            return ValueSaveResult.Refused("The file is empty.");
        }
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var sheet = extension switch
        {
            ".xlsx" => ReadWorkbook(bytes),
            ".csv" => ReadCsv(bytes),
            _ => Sheet.Unreadable("Upload an Excel workbook (.xlsx) or a CSV file (.csv)."),
        };
        if (sheet.Problem is { } unreadable)
        {
            return ValueSaveResult.Refused(unreadable);
        }
        if (ColumnProblem(sheet.Header) is { } columns)
        {
            return ValueSaveResult.Refused(columns);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cadence = await db.MetricRevisions.AsNoTracking().Where(r => r.MetricDefinitionId == metricId)
            .OrderBy(r => r.Status == Domain.Metrics.RevisionStatus.Agreed ? 0 : 1).ThenByDescending(r => r.Number)
            .Select(r => (PeriodKind?)r.Cadence).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("That metric no longer exists.");
        var channels = await MetricsService.ChannelsAsync(db, ct);

        var index = sheet.Header.Select((name, i) => (Name: Normalise(name), i)).ToDictionary(x => x.Name, x => x.i);
        var inputs = new List<ValueInput>();
        var problems = new List<ValueProblem>();
        foreach (var row in sheet.Rows)
        {
            RawCell Cell(string column) => index.TryGetValue(Normalise(column), out var i) && i < row.Cells.Count ? row.Cells[i] : RawCell.Empty;
            var reasons = new List<string>();
            var period = ReadPeriod(Cell("Period"), cadence, reasons);
            var channelId = ReadChannel(Cell("Channel"), channels, reasons);
            var value = ReadValue(Cell("Value"), reasons);
            var sampleSize = ReadSampleSize(Cell("SampleSize"), reasons);
            var low = ReadOptionalNumber(Cell("Low"), "The interval's low end", reasons);
            var high = ReadOptionalNumber(Cell("High"), "The interval's high end", reasons);
            if (reasons.Count > 0)
            {
                problems.Add(new ValueProblem(row.Number, string.Join(" ", reasons)));
            }
            else
            {
                inputs.Add(new ValueInput(row.Number, period!.Value, channelId, value!.Value, sampleSize, Low: low, High: high));
            }
        }
        if (inputs.Count == 0 && problems.Count == 0)
        {
            return ValueSaveResult.Refused("The file has a header row but no values.");
        }
        return await MetricValuesWriter.SaveAsync(db, caller, metricId, inputs, clock, ct, problems);
    }

    /// <summary>The upload, or null when it passes <see cref="MaxFileBytes"/>: shared with the feedback import.</summary>
    internal static async Task<byte[]?> ReadLimitedAsync(Stream content, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static string? ColumnProblem(IReadOnlyList<string> header)
    {
        var expected = $"The first row must name the columns {string.Join(", ", Columns)} (SampleSize, Low and High may be left out).";
        var names = header.Select(Normalise).Where(n => n.Length > 0).ToList();
        var unknown = header.Where(h => Normalise(h).Length > 0 && !Columns.Any(c => Normalise(c) == Normalise(h))).ToList();
        if (unknown.Count > 0)
        {
            return $"The file has a column the import does not know: {string.Join(", ", unknown.Select(u => $"'{u.Trim()}'"))}. {expected}";
        }
        var missing = Columns.Take(3).Where(c => !names.Contains(Normalise(c))).ToList();
        if (missing.Count > 0)
        {
            return $"The file has no {string.Join(" or ", missing.Select(m => $"'{m}'"))} column. {expected}";
        }
        var repeated = names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        return repeated is null ? null : $"The column '{header.First(h => Normalise(h) == repeated.Key).Trim()}' appears twice. {expected}";
    }

    private static string Normalise(string name) => name.Replace(" ", string.Empty).Replace("_", string.Empty).Trim().ToLowerInvariant();

    private static Period? ReadPeriod(RawCell cell, PeriodKind cadence, List<string> reasons)
    {
        if (cell.Date is { } date)
        {
            // Excel turns 2026-09 into a date; the period of the metric's cadence holding that day is meant.
            return Period.Containing(DateOnly.FromDateTime(date), cadence);
        }
        if (cell.IsEmpty)
        {
            reasons.Add("The period is missing.");
            return null;
        }
        if (Period.TryParse(cell.Text, out var period))
        {
            return period;
        }
        reasons.Add($"'{cell.Text}' is not a period: write 2026-Q3, 2026-09 or 2026-W38.");
        return null;
    }

    private static int? ReadChannel(RawCell cell, IReadOnlyList<ChannelItem> channels, List<string> reasons)
    {
        if (cell.IsEmpty)
        {
            return null;
        }
        var text = cell.Text.Trim();
        var channel = channels.FirstOrDefault(c => string.Equals(c.Code, text, StringComparison.OrdinalIgnoreCase))
                      ?? channels.FirstOrDefault(c => string.Equals(c.Name, text, StringComparison.OrdinalIgnoreCase));
        if (channel is null)
        {
            reasons.Add($"'{text}' is not a channel code (leave Channel blank for the total).");
        }
        return channel?.Id;
    }

    private static double? ReadValue(RawCell cell, List<string> reasons)
    {
        if (cell.Number is { } number)
        {
            return number;
        }
        if (cell.IsEmpty)
        {
            reasons.Add("The value is missing.");
            return null;
        }
        if (double.TryParse(cell.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        reasons.Add($"The value '{cell.Text}' is not a number (use a dot for decimals).");
        return null;
    }

    private static double? ReadOptionalNumber(RawCell cell, string name, List<string> reasons)
    {
        if (cell.IsEmpty)
        {
            return null;
        }
        if (cell.Number is { } number)
        {
            return number;
        }
        if (double.TryParse(cell.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        reasons.Add($"{name} '{cell.Text}' is not a number (use a dot for decimals).");
        return null;
    }

    private static int? ReadSampleSize(RawCell cell, List<string> reasons)
    {
        if (cell.IsEmpty)
        {
            return null;
        }
        var number = cell.Number ?? (double.TryParse(cell.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null);
        if (number is { } n && n == Math.Floor(n) && n is >= 0 and <= int.MaxValue)
        {
            return (int)n;
        }
        reasons.Add($"The sample size '{cell.Text}' is not a whole number.");
        return null;
    }

    private static Sheet ReadWorkbook(byte[] bytes)
    {
        if (WorkbookLimits.Problem(bytes) is { } tooBig)
        {
            return Sheet.Unreadable(tooBig);
        }
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(new MemoryStream(bytes));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Sheet.Unreadable("The file is not an Excel workbook that can be read. Save it as .xlsx, or as CSV, and try again.");
        }
        using (workbook)
        {
            var worksheet = workbook.Worksheets.FirstOrDefault();
            var lastRow = worksheet?.LastRowUsed()?.RowNumber() ?? 0;
            var lastColumn = worksheet?.LastColumnUsed()?.ColumnNumber() ?? 0;
            if (worksheet is null || lastRow == 0)
            {
                return Sheet.Unreadable("The workbook's first sheet is empty.");
            }
            // One value in a far corner makes the used range millions of cells, all of which would be read.
            if ((long)lastRow * lastColumn > WorkbookLimits.MaxCells)
            {
                return Sheet.Unreadable(WorkbookLimits.TooManyCells);
            }
            var header = Enumerable.Range(1, lastColumn).Select(c => worksheet.Cell(1, c).GetString()).ToList();
            var rows = new List<SheetRow>();
            for (var r = 2; r <= lastRow; r++)
            {
                var cells = Enumerable.Range(1, lastColumn).Select(c => ReadCell(worksheet.Cell(r, c))).ToList();
                if (cells.Any(c => !c.IsEmpty))
                {
                    rows.Add(new SheetRow(r, cells));
                }
            }
            return new Sheet(header, rows, null);
        }
    }

    private static RawCell ReadCell(IXLCell cell)
    {
        if (cell.IsEmpty())
        {
            return RawCell.Empty;
        }
        return cell.DataType switch
        {
            XLDataType.Number => new RawCell(cell.GetFormattedString(), cell.GetDouble(), null),
            XLDataType.DateTime => new RawCell(cell.GetFormattedString(), null, cell.GetDateTime()),
            _ => new RawCell(cell.GetString(), null, null),
        };
    }

    private static Sheet ReadCsv(byte[] bytes)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Sheet.Unreadable("The file is not a CSV text file (it is not UTF-8 text). Save it as CSV UTF-8, or upload the workbook.");
        }
        if (text.Contains('\0'))
        {
            return Sheet.Unreadable("The file is not a CSV text file. Save it as CSV UTF-8, or upload the workbook.");
        }
        var options = CsvReaderOptions.Default with
        {
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
        };
        using var reader = CsvReader.FromText(text.TrimStart('\uFEFF'), options);
        try
        {
            var header = reader.Headers.ToList();
            if (header.Count == 0 || header.All(string.IsNullOrWhiteSpace))
            {
                return Sheet.Unreadable("The file is empty.");
            }
            var rows = new List<SheetRow>();
            while (reader.Read())
            {
                var cells = Enumerable.Range(0, reader.FieldCount)
                    .Select(i => reader.GetString(i))
                    .Select(v => string.IsNullOrWhiteSpace(v) ? RawCell.Empty : new RawCell(v.Trim(), null, null))
                    .ToList();
                if (cells.Any(c => !c.IsEmpty))
                {
                    rows.Add(new SheetRow((int)reader.LineNumber, cells));
                }
            }
            return new Sheet(header, rows, null);
        }
        catch (CsvFormatException)
        {
            return Sheet.Unreadable("The CSV file could not be read: check its quotes and separators, or upload the workbook.");
        }
    }

    private sealed record Sheet(IReadOnlyList<string> Header, IReadOnlyList<SheetRow> Rows, string? Problem)
    {
        public static Sheet Unreadable(string problem) => new([], [], problem);
    }

    private sealed record SheetRow(int Number, IReadOnlyList<RawCell> Cells);

    /// <summary>A cell as the file holds it: text, and a number or a date when the workbook typed it so.</summary>
    private sealed record RawCell(string Text, double? Number, DateTime? Date)
    {
        public static readonly RawCell Empty = new(string.Empty, null, null);

        public bool IsEmpty => Number is null && Date is null && string.IsNullOrWhiteSpace(Text);
    }
}
