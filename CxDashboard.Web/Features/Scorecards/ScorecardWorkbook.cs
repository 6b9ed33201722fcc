using ClosedXML.Excel;
using CxDashboard.Domain.Metrics;
using CxDashboard.Web.Export;
using CxDashboard.Web.Features.Metrics;

namespace CxDashboard.Web.Features.Scorecards;

/// <summary>
/// The scorecard as a small formatted workbook: a Summary sheet with the headline and every metric's
/// total, and one sheet per channel. Each figure has its number of answers (n) and the low and high
/// ends of its 95% interval beside it, and each change says whether it is real or noise. Numbers stay
/// numbers; RAG is a cell fill as well as a word.
/// </summary>
public static class ScorecardWorkbook
{
    public const string ContentType = XlsxStreamWriter.ContentType;

    /// <summary>The row of the summary sheet's column headings, below the scorecard's details.</summary>
    public const int SummaryHeaderRow = 8;

    public static string FileName(ScorecardView scorecard) => $"scorecard-{scorecard.Quarter}.xlsx";

    public static byte[] Build(ScorecardView scorecard)
    {
        using var workbook = new XLWorkbook();
        var trendQuarters = scorecard.Quarter.LastN(4).Select(q => q.ToString()).ToList();

        var summary = workbook.Worksheets.Add("Summary");
        var details = new (string Label, string Value)[]
        {
            ("Quarter", scorecard.Quarter.ToString()),
            ("Status", scorecard.IsPublished ? "Published" : "Draft: figures are not final"),
            ("Published at", scorecard.PublishedAt is { } at ? at.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture) : "Not published"),
            ("Published by", scorecard.PublishedBy ?? "—"),
            ("Headline", scorecard.Headline ?? string.Empty),
            ("By the figures", scorecard.Standing.Describe()),
        };
        for (var i = 0; i < details.Length; i++)
        {
            summary.Cell(i + 1, 1).SetValue(details[i].Label).Style.Font.Bold = true;
            summary.Cell(i + 1, 2).SetValue(Text(details[i].Value));
        }
        WriteTable(summary, SummaryHeaderRow, scorecard.Totals, trendQuarters, withCommentary: true);

        var sheetNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Summary" };
        foreach (var (id, name) in scorecard.Channels)
        {
            var sheet = workbook.Worksheets.Add(SheetName(name, sheetNames));
            WriteTable(sheet, 1, scorecard.ForChannel(id), trendQuarters, withCommentary: false);
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void WriteTable(IXLWorksheet sheet, int headerRow, IReadOnlyList<ScorecardRow> rows, IReadOnlyList<string> trendQuarters, bool withCommentary)
    {
        var headings = new List<string>
        {
            "Dimension", "Code", "Metric", "Unit", "Actual", "n", "Low", "High", "Target", "Against target", "RAG",
            "Change on previous quarter", "Real or noise",
        };
        var firstTrend = headings.Count + 1;
        headings.AddRange(trendQuarters);
        if (withCommentary)
        {
            headings.Add("Commentary");
        }
        for (var c = 0; c < headings.Count; c++)
        {
            sheet.Cell(headerRow, c + 1).SetValue(headings[c]);
        }
        var header = sheet.Range(headerRow, 1, headerRow, headings.Count);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#E8EEF4");

        var r = headerRow;
        foreach (var row in rows)
        {
            r++;
            var format = NumberFormat(row.Unit);
            sheet.Cell(r, 1).SetValue(MetricText.Of(row.Dimension));
            sheet.Cell(r, 2).SetValue(Text(row.Code));
            sheet.Cell(r, 3).SetValue(Text(row.Name));
            sheet.Cell(r, 4).SetValue(MetricText.Of(row.Unit));
            Number(sheet.Cell(r, 5), row.Actual, format);
            Number(sheet.Cell(r, 6), row.Figure?.SampleSize, "#,##0");
            Number(sheet.Cell(r, 7), row.Figure?.Low, format);
            Number(sheet.Cell(r, 8), row.Figure?.High, format);
            Number(sheet.Cell(r, 9), row.Target, format);
            if (row.TargetWording is { } standing)
            {
                sheet.Cell(r, 10).SetValue(standing);
            }
            var rag = sheet.Cell(r, 11);
            rag.SetValue(row.HasTooFewAnswers ? "Too few answers" : row.Rag == Rag.None ? "No target" : row.Rag.ToString());
            if (RagFill(row.Rag) is { } fill)
            {
                rag.Style.Fill.BackgroundColor = fill;
            }
            Number(sheet.Cell(r, 12), row.Change, "+0.0;-0.0;0");
            if (row.ChangeWording is { } words)
            {
                // The app's own words around a number ("+6.8, a real improvement"), in a text cell: nothing a
                // person typed, so they are written as they read rather than behind a neutralising apostrophe.
                sheet.Cell(r, 13).SetValue(words);
            }
            for (var t = 0; t < row.Trend.Count; t++)
            {
                Number(sheet.Cell(r, firstTrend + t), row.Trend[t], format);
            }
            if (withCommentary && row.Commentary is { } commentary)
            {
                sheet.Cell(r, firstTrend + row.Trend.Count).SetValue(Text(commentary));
            }
        }

        sheet.Range(headerRow, 1, Math.Max(r, headerRow), headings.Count).SetAutoFilter();
        sheet.SheetView.FreezeRows(headerRow);
        // Widths are set by hand: measuring the content needs a graphics library the server does not have.
        double[] widths = [22, 10, 34, 16, 11, 8, 9, 9, 11, 20, 14, 14, 30, 11, 11, 11, 11, 80];
        for (var c = 0; c < headings.Count; c++)
        {
            sheet.Column(c + 1).Width = widths[c];
        }
        if (withCommentary)
        {
            sheet.Column(headings.Count).Style.Alignment.WrapText = true;
        }
    }

    private static void Number(IXLCell cell, double? value, string format)
    {
        if (value is { } v)
        {
            cell.SetValue(v);
            cell.Style.NumberFormat.Format = format;
        }
    }

    private static string NumberFormat(MetricUnit unit) => unit switch
    {
        MetricUnit.RatingOutOf5 or MetricUnit.RatingOutOf7 => "0.00",
        MetricUnit.Currency => "#,##0.00",
        MetricUnit.Number => "#,##0.##",
        _ => "0.0",
    };

    private static XLColor? RagFill(Rag rag) => rag switch
    {
        Rag.Green => XLColor.FromHtml("#C6EFCE"),
        Rag.Amber => XLColor.FromHtml("#FFEB9C"),
        Rag.Red => XLColor.FromHtml("#FFC7CE"),
        _ => null,
    };

    private static string Text(string text) => CellText.Neutralise(CellText.XmlSafe(text));

    /// <summary>A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ], unique in the workbook.</summary>
    private static string SheetName(string channel, HashSet<string> taken)
    {
        var cleaned = new string(channel.Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? '-' : c).ToArray()).Trim('\'', ' ');
        var name = cleaned.Length == 0 ? "Channel" : cleaned.Length > 31 ? cleaned[..31] : cleaned;
        var candidate = name;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = (name.Length + suffix.Length > 31 ? name[..(31 - suffix.Length)] : name) + suffix;
        }
        return candidate;
    }
}
