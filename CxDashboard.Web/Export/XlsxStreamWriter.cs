using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CxDashboard.Web.Export;

/// <summary>
/// Writes a list of any length to a workbook row by row with the Open XML SDK's
/// <see cref="OpenXmlWriter"/>, so memory stays flat however many rows there are. Numbers are
/// numbers, dates are dates; the header row is frozen and filtered; column widths are set. A list
/// longer than a sheet holds continues on further sheets, each with its header row.
/// </summary>
public static class XlsxStreamWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The most rows an Excel sheet holds, its header row included.</summary>
    public const int SheetRowLimit = 1_048_576;

    // Style indexes into the stylesheet built below.
    private const uint HeaderStyle = 1;
    private const uint IntegerStyle = 2;
    private const uint DecimalStyle = 3;
    private const uint DateStyle = 4;
    private const uint DateTimeStyle = 5;
    private const uint GreenStyle = 6;
    private const uint AmberStyle = 7;
    private const uint RedStyle = 8;
    private const uint WrapStyle = 9;

    /// <summary>Writes the workbook to <paramref name="output"/> (a file, memory, or any writable stream).</summary>
    /// <param name="rowsPerSheet">
    /// The most rows a sheet takes, its header row included: Excel's limit unless a test asks for fewer.
    /// The rows after them go on a sheet named "<paramref name="sheetName"/> (2)", and so on.
    /// </param>
    /// <remarks>
    /// The package is zipped here part by part, each part compressed as it is written. The Open XML
    /// SDK's own packaging opens a new package read-write, and then keeps every part uncompressed in
    /// memory until the end: gigabytes for a million rows.
    /// </remarks>
    public static async Task<long> WriteAsync<T>(Stream output, string sheetName, IReadOnlyList<XlsxColumn<T>> columns,
        IAsyncEnumerable<T> rows, CancellationToken cancellationToken = default, int rowsPerSheet = SheetRowLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerSheet, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rowsPerSheet, SheetRowLimit);
        long count = 0;
        var sheetRows = new List<uint>();
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        WritePart(zip, "xl/styles.xml", BuildStylesheet());

        await using var enumerator = rows.GetAsyncEnumerator(cancellationToken);
        var hasRow = await enumerator.MoveNextAsync();
        do
        {
            uint rowIndex = 1;
            var sheetNumber = sheetRows.Count + 1;
            await using (var sheetStream = zip.CreateEntry(SheetPath(sheetNumber), CompressionLevel.Fastest).Open())
            using (var writer = OpenXmlWriter.Create(sheetStream))
            {
                WriteSheetStart(writer, columns, tabSelected: sheetNumber == 1);
                while (hasRow && rowIndex < rowsPerSheet)
                {
                    rowIndex++;
                    count++;
                    writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", null!, rowIndex.ToString(CultureInfo.InvariantCulture))]);
                    foreach (var column in columns)
                    {
                        WriteCell(writer, column.Format, column.Value(enumerator.Current));
                    }
                    writer.WriteEndElement();
                    hasRow = await enumerator.MoveNextAsync();
                }
                writer.WriteEndElement();

                writer.WriteElement(new AutoFilter { Reference = $"A1:{ColumnName(columns.Count)}{rowIndex}" });
                writer.WriteEndElement();
            }
            sheetRows.Add(rowIndex);
        }
        while (hasRow);

        var names = SheetNames(sheetName, sheetRows.Count);
        var lastColumn = ColumnName(columns.Count);
        WriteText(zip, "[Content_Types].xml", ContentTypes(sheetRows.Count));
        WriteText(zip, "_rels/.rels", PackageRelationships);
        WriteText(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationships(sheetRows.Count));
        WritePart(zip, "xl/workbook.xml", new Workbook(
            new Sheets(names.Select((name, i) => new Sheet { Id = SheetRelationship(i + 1), SheetId = (uint)(i + 1), Name = name })),
            // Excel applies a filter button only with this hidden name pointing at the filtered range.
            new DefinedNames(names.Select((name, i) => new DefinedName($"'{name.Replace("'", "''", StringComparison.Ordinal)}'!$A$1:${lastColumn}${sheetRows[i]}")
            {
                Name = "_xlnm._FilterDatabase",
                LocalSheetId = (uint)i,
                Hidden = true,
            }))));
        return count;
    }

    private static void WriteSheetStart<T>(OpenXmlWriter writer, IReadOnlyList<XlsxColumn<T>> columns, bool tabSelected)
    {
        writer.WriteStartDocument(true);
        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new SheetViews());
        writer.WriteStartElement(new SheetView { WorkbookViewId = 0, TabSelected = tabSelected ? true : null });
        writer.WriteElement(new Pane
        {
            VerticalSplit = 1,
            TopLeftCell = "A2",
            ActivePane = PaneValues.BottomLeft,
            State = PaneStateValues.Frozen,
        });
        writer.WriteEndElement();
        writer.WriteEndElement();

        writer.WriteStartElement(new Columns());
        for (var i = 0; i < columns.Count; i++)
        {
            writer.WriteElement(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = columns[i].Width, CustomWidth = true });
        }
        writer.WriteEndElement();

        writer.WriteStartElement(new SheetData());
        WriteRow(writer, 1, columns.Select(c => new Cell
        {
            DataType = CellValues.InlineString,
            StyleIndex = HeaderStyle,
            InlineString = new InlineString(new Text(c.Header)),
        }));
    }

    /// <summary>"Feedback", "Feedback (2)", …: each within Excel's 31 characters.</summary>
    public static IReadOnlyList<string> SheetNames(string name, int sheets)
    {
        var first = SheetName(name);
        return Enumerable.Range(1, sheets)
            .Select(n => n == 1 ? first : SheetName(first[..Math.Min(first.Length, 31 - $" ({n})".Length)].TrimEnd() + $" ({n})"))
            .ToList();
    }

    private static string SheetPath(int number) => string.Create(CultureInfo.InvariantCulture, $"xl/worksheets/sheet{number}.xml");

    private static string SheetRelationship(int number) => string.Create(CultureInfo.InvariantCulture, $"rIdSheet{number}");

    private static string ContentTypes(int sheets) =>
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"""
        + """<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"""
        + """<Default Extension="xml" ContentType="application/xml"/>"""
        + """<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"""
        + string.Concat(Enumerable.Range(1, sheets).Select(n =>
            $"""<Override PartName="/{SheetPath(n)}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"""))
        + """<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"""
        + "</Types>";

    private static string WorkbookRelationships(int sheets) =>
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"""
        + string.Concat(Enumerable.Range(1, sheets).Select(n =>
            $"""<Relationship Id="{SheetRelationship(n)}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n.ToString(CultureInfo.InvariantCulture)}.xml"/>"""))
        + """<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"""
        + "</Relationships>";

    private const string PackageRelationships =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"""
        + """<Relationship Id="rIdWorkbook" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"""
        + "</Relationships>";

    private static void WriteText(ZipArchive zip, string path, string text)
    {
        using var stream = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        stream.Write(new UTF8Encoding(false).GetBytes(text));
    }

    private static void WritePart(ZipArchive zip, string path, OpenXmlPartRootElement root)
    {
        using var stream = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument(true);
        root.WriteTo(xml);
    }

    private static void WriteRow(OpenXmlWriter writer, uint index, IEnumerable<Cell> cells)
    {
        writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", null!, index.ToString(CultureInfo.InvariantCulture))]);
        foreach (var cell in cells)
        {
            writer.WriteElement(cell);
        }
        writer.WriteEndElement();
    }

    private static void WriteCell(OpenXmlWriter writer, XlsxFormat format, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteElement(new Cell());
                return;
            case DateTime dateTime:
                writer.WriteElement(Number(dateTime.ToOADate(), format == XlsxFormat.Date ? DateStyle : DateTimeStyle));
                return;
            case DateOnly date:
                writer.WriteElement(Number(date.ToDateTime(TimeOnly.MinValue).ToOADate(), DateStyle));
                return;
            case int or long or short or byte:
                writer.WriteElement(Number(Convert.ToDouble(value, CultureInfo.InvariantCulture), format == XlsxFormat.Decimal ? DecimalStyle : IntegerStyle));
                return;
            case double or float or decimal:
                var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (double.IsNaN(number) || double.IsInfinity(number))
                {
                    writer.WriteElement(new Cell());
                    return;
                }
                writer.WriteElement(Number(number, format == XlsxFormat.Integer ? IntegerStyle : DecimalStyle));
                return;
            case bool flag:
                writer.WriteElement(Text(flag ? "Yes" : "No", 0));
                return;
            default:
                var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
                var style = format switch
                {
                    XlsxFormat.Rag => text switch { "Green" => GreenStyle, "Amber" => AmberStyle, "Red" => RedStyle, _ => 0u },
                    _ => text.Contains('\n') ? WrapStyle : 0u,
                };
                writer.WriteElement(Text(CellText.Neutralise(CellText.XmlSafe(text)), style));
                return;
        }
    }

    private static Cell Number(double value, uint style) => new()
    {
        CellValue = new CellValue(value.ToString("R", CultureInfo.InvariantCulture)),
        StyleIndex = style,
    };

    private static Cell Text(string text, uint style) => new()
    {
        DataType = CellValues.InlineString,
        StyleIndex = style,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
    };

    /// <summary>A, B, …, Z, AA, … for a 1-based column number.</summary>
    public static string ColumnName(int number)
    {
        var name = string.Empty;
        while (number > 0)
        {
            var rest = (number - 1) % 26;
            name = (char)('A' + rest) + name;
            number = (number - 1) / 26;
        }
        return name;
    }

    /// <summary>Excel sheet names: at most 31 characters, none of : \ / ? * [ ].</summary>
    public static string SheetName(string name)
    {
        var clean = new string(name.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray()).Trim();
        return string.IsNullOrEmpty(clean) ? "Sheet1" : clean.Length > 31 ? clean[..31] : clean;
    }

    // Every cell format names its font, fill, border, number format and parent style explicitly, and the
    // one cell style "Normal" points at the parent: Excel shows "Normal" in its style gallery from it, and
    // readers such as openpyxl take the workbook's default style from it (without it they warn
    // "Workbook contains no default style" and substitute their own).
    private static Stylesheet BuildStylesheet() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd hh:mm" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "#,##0.00" })
        { Count = 3 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 }))
        { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("FFE8EEF4"),
            Solid("FFC6EFCE"),
            Solid("FFFFEB9C"),
            Solid("FFFFC7CE"))
        { Count = 6 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            Format(),
            Format(fontId: 1, fillId: 2),
            Format(numberFormatId: 3),
            Format(numberFormatId: 166),
            Format(numberFormatId: 164),
            Format(numberFormatId: 165),
            Format(fillId: 3),
            Format(fillId: 4),
            Format(fillId: 5),
            Format(alignment: new Alignment { WrapText = true }))
        { Count = 10 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private static CellFormat Format(uint numberFormatId = 0, uint fontId = 0, uint fillId = 0, Alignment? alignment = null)
    {
        var format = new CellFormat
        {
            NumberFormatId = numberFormatId,
            FontId = fontId,
            FillId = fillId,
            BorderId = 0,
            FormatId = 0,
            ApplyNumberFormat = numberFormatId != 0 ? true : null,
            ApplyFont = fontId != 0 ? true : null,
            ApplyFill = fillId != 0 ? true : null,
        };
        if (alignment is not null)
        {
            format.Append(alignment);
            format.ApplyAlignment = true;
        }
        return format;
    }

    private static Fill Solid(string argb) => new(new PatternFill(
        new ForegroundColor { Rgb = argb },
        new BackgroundColor { Indexed = 64 })
    { PatternType = PatternValues.Solid });
}
