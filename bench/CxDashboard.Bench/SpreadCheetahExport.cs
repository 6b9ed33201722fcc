using System.Globalization;
using CxDashboard.Web.Export;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace CxDashboard.Bench;

/// <summary>
/// The app's export written with SpreadCheetah instead of <see cref="XlsxStreamWriter"/>: the same columns, widths,
/// header style, frozen and filtered header row, typed numbers and dates, RAG fills, formula guard and sheets of at
/// most <see cref="XlsxStreamWriter.SheetRowLimit"/> rows, so the two writers are timed doing the same work.
/// </summary>
internal static class SpreadCheetahExport
{
    public static async Task<long> WriteAsync<T>(Stream output, string sheetName, IReadOnlyList<XlsxColumn<T>> columns,
        IAsyncEnumerable<T> rows, CancellationToken cancellationToken = default)
    {
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(output,
            new SpreadCheetahOptions { CompressionLevel = SpreadCheetahCompressionLevel.Fastest }, cancellationToken);
        var styles = new Styles(spreadsheet);
        var header = columns.Select(c => new Cell(c.Header, styles.Header)).ToArray();
        var cells = new Cell[columns.Count];
        var lastColumn = XlsxStreamWriter.ColumnName(columns.Count);
        long count = 0;
        var sheet = 0;
        var rowsOnSheet = XlsxStreamWriter.SheetRowLimit;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (rowsOnSheet == XlsxStreamWriter.SheetRowLimit)
            {
                sheet++;
                await StartSheetAsync(spreadsheet, XlsxStreamWriter.SheetNames(sheetName, sheet)[^1], columns, lastColumn, header, cancellationToken);
                rowsOnSheet = 1;
            }
            for (var i = 0; i < columns.Count; i++)
            {
                cells[i] = styles.Cell(columns[i].Format, columns[i].Value(row));
            }
            await spreadsheet.AddRowAsync(cells, cancellationToken);
            rowsOnSheet++;
            count++;
        }
        if (sheet == 0)
        {
            await StartSheetAsync(spreadsheet, XlsxStreamWriter.SheetName(sheetName), columns, lastColumn, header, cancellationToken);
        }
        await spreadsheet.FinishAsync(cancellationToken);
        return count;
    }

    private static async Task StartSheetAsync<T>(Spreadsheet spreadsheet, string name, IReadOnlyList<XlsxColumn<T>> columns, string lastColumn,
        Cell[] header, CancellationToken cancellationToken)
    {
        var options = new WorksheetOptions { FrozenRows = 1, AutoFilter = new AutoFilterOptions($"A1:{lastColumn}1") };
        for (var i = 0; i < columns.Count; i++)
        {
            options.Column(i + 1).Width = columns[i].Width;
        }
        await spreadsheet.StartWorksheetAsync(name, options, cancellationToken);
        await spreadsheet.AddRowAsync(header, cancellationToken);
    }

    private sealed class Styles(Spreadsheet spreadsheet)
    {
        public StyleId Header { get; } = spreadsheet.AddStyle(new Style
        {
            Font = { Bold = true },
            Fill = { Color = System.Drawing.Color.FromArgb(0xE8, 0xEE, 0xF4) },
        });

        private readonly StyleId _integer = spreadsheet.AddStyle(new Style { Format = NumberFormat.Standard(StandardNumberFormat.ThousandsSeparator) });
        private readonly StyleId _decimal = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("#,##0.00") });
        private readonly StyleId _date = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd") });
        private readonly StyleId _dateTime = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd hh:mm") });
        private readonly StyleId _green = spreadsheet.AddStyle(new Style { Fill = { Color = System.Drawing.Color.FromArgb(0xC6, 0xEF, 0xCE) } });
        private readonly StyleId _amber = spreadsheet.AddStyle(new Style { Fill = { Color = System.Drawing.Color.FromArgb(0xFF, 0xEB, 0x9C) } });
        private readonly StyleId _red = spreadsheet.AddStyle(new Style { Fill = { Color = System.Drawing.Color.FromArgb(0xFF, 0xC7, 0xCE) } });
        private readonly StyleId _wrap = spreadsheet.AddStyle(new Style { Alignment = { WrapText = true } });

        public Cell Cell(XlsxFormat format, object? value)
        {
            switch (value)
            {
                case null:
                    return default;
                case DateTime dateTime:
                    return new Cell(dateTime, format == XlsxFormat.Date ? _date : _dateTime);
                case DateOnly date:
                    return new Cell(date.ToDateTime(TimeOnly.MinValue), _date);
                case int or long or short or byte:
                    return new Cell(Convert.ToDouble(value, CultureInfo.InvariantCulture), format == XlsxFormat.Decimal ? _decimal : _integer);
                case double or float or decimal:
                    var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                    return double.IsNaN(number) || double.IsInfinity(number)
                        ? default
                        : new Cell(number, format == XlsxFormat.Integer ? _integer : _decimal);
                case bool flag:
                    return new Cell(flag ? "Yes" : "No", null);
                default:
                    var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
                    var safe = CellText.Neutralise(CellText.XmlSafe(text));
                    StyleId? style = format switch
                    {
                        XlsxFormat.Rag => text switch { "Green" => _green, "Amber" => _amber, "Red" => _red, _ => null },
                        _ => text.Contains('\n') ? _wrap : null,
                    };
                    return new Cell(safe, style);
            }
        }
    }
}
