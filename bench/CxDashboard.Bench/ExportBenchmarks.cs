using System.Diagnostics;
using System.Globalization;
using CxDashboard.Domain.Feedback;
using CxDashboard.Web.Data;
using CxDashboard.Web.Export;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Bench;

/// <summary>
/// Feedback to Excel: the app's path (an EF Core projection streamed through <see cref="XlsxStreamWriter"/>, which
/// writes with SpreadCheetah) against a bare <see cref="OpenXmlWriter"/> loop writing the same cells from a raw data reader (the
/// floor). Each export runs in a child process of its own, so its peak resident memory is its alone; each
/// child exports 100 rows untimed first, so neither path is timed building its model or compiling its code.
/// </summary>
internal sealed class ExportBenchmarks(string connectionString, int runs, Report report)
{
    public const string ChildSwitch = "--export-child";
    private const double Ratio = 1.5;
    private const long PeakLimitBytes = 300L * 1024 * 1024;

    private const string Sql = """
        SELECT "Id", "ReceivedAt", "ChannelId", "Source", "Category", "Sentiment", "Score", "Verbatim", "FollowUpStatus"
        FROM "Feedback" ORDER BY "ReceivedAt" DESC, "Id" DESC LIMIT @rows
        """;

    private static readonly string[] Headers = ["Id", "Received", "Channel", "Source", "Category", "Sentiment", "Score", "Verbatim", "Follow-up"];

    private sealed record ExportRow(int Id, DateTime ReceivedAt, int ChannelId, FeedbackSource Source, FeedbackCategory Category,
        Sentiment Sentiment, int? Score, string Verbatim, FollowUpStatus FollowUp);

    private sealed record ChildResult(long Rows, double Seconds, long PeakBytes);

    /// <summary>
    /// Exports of the newest <paramref name="rowCounts"/> rows against the floor. <paramref name="wholeTable"/> marks a row count that is the whole table, for its growth from scale to scale.
    /// </summary>
    public async Task RunAsync(IReadOnlyList<int> rowCounts, int? wholeTable = null)
    {
        foreach (var rows in rowCounts)
        {
            // A million-row export takes most of a minute: once each is what the time allows.
            var times = rows >= 1_000_000 ? 1 : Math.Min(runs, 3);
            var app = new List<ChildResult>();
            var floor = new List<ChildResult>();
            for (var i = 0; i < times; i++)
            {
                app.Add(await RunChildAsync("app", rows));
                floor.Add(await RunChildAsync("floor", rows));
            }
            var a = Timings.Of(app.Select(r => r.Seconds).ToList());
            var f = Timings.Of(floor.Select(r => r.Seconds).ToList());
            var appPeak = app.Max(r => r.PeakBytes);
            var floorPeak = floor.Max(r => r.PeakBytes);
            var peakOk = rows < 1_000_000 || appPeak < PeakLimitBytes;
            report.Add(new ReportLine("Export to Excel", Report.Inv($"{rows:N0} feedback rows (XlsxStreamWriter; {times} run{(times == 1 ? "" : "s")})"),
                Report.Inv($"median {a.Median:0.0} s (p95 {a.P95:0.0} s), {rows / a.Median:N0} rows/s, peak RSS {Mb(appPeak)}"),
                Report.Inv($"{f.Median:0.0} s (p95 {f.P95:0.0} s), {rows / f.Median:N0} rows/s, peak RSS {Mb(floorPeak)}"),
                rows >= 1_000_000 ? "≤ 1.5× floor, peak < 300 MB" : "≤ 1.5× floor",
                a.Median <= Ratio * f.Median && peakOk)
            {
                Growth = rows == wholeTable ? new("Export to Excel | every feedback row", a.Median * 1000, a.P95 * 1000, 1) : null,
            });
        }
    }

    private static string Mb(long bytes) => Report.Inv($"{bytes / (1024.0 * 1024.0):0} MB");

    private async Task<ChildResult> RunChildAsync(string mode, int rows)
    {
        var output = Path.Combine(Path.GetTempPath(), "cxdashboard-bench", $"export-{mode}-{Guid.NewGuid():N}.xlsx");
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ExportBenchmarks).Assembly.Location);
        }
        foreach (var arg in new[] { ChildSwitch, mode, rows.ToString(CultureInfo.InvariantCulture), connectionString, output })
        {
            start.ArgumentList.Add(arg);
        }
        // The web app runs with the server garbage collector (the Web SDK's default); so does its export here.
        start.Environment["DOTNET_gcServer"] = "1";
        using var child = Process.Start(start)!;
        var text = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        File.Delete(output);
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The {mode} export of {rows} rows failed (exit {child.ExitCode}): {text}");
        var parts = line.Split(' ');
        return new ChildResult(long.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture),
            long.Parse(parts[3], CultureInfo.InvariantCulture));
    }

    /// <summary>In the child process: one export, then its row count, seconds and peak resident memory on stdout.</summary>
    public static async Task<int> RunChildAsync(string[] args)
    {
        var (mode, rows, connectionString, output) = (args[1], int.Parse(args[2], CultureInfo.InvariantCulture), args[3], args[4]);
        // A hundred rows first, untimed, on both paths: the web app has built its EF Core model and compiled
        // its code long before anyone exports, so the timed export should not pay for that either.
        using (var warmUp = new MemoryStream())
        {
            _ = await ExportAsync(mode, connectionString, 100, warmUp);
        }
        var started = Stopwatch.GetTimestamp();
        long written;
        await using (var file = new FileStream(output, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16))
        {
            written = await ExportAsync(mode, connectionString, rows, file);
        }
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine(Report.Inv($"RESULT {written} {seconds:0.000} {PeakResidentBytes()}"));
        return 0;
    }

    private static Task<long> ExportAsync(string mode, string connectionString, int rows, Stream output) =>
        mode == "app" ? AppExportAsync(connectionString, rows, output) : FloorExportAsync(connectionString, rows, output);

    private static async Task<long> AppExportAsync(string connectionString, int rows, Stream output)
    {
        var options = new DbContextOptionsBuilder<SqliteCxDbContext>().UseSqlite(connectionString).Options;
        await using var db = new SqliteCxDbContext(options);
        var query = db.Feedback.AsNoTracking()
            .OrderByDescending(f => f.ReceivedAt).ThenByDescending(f => f.Id).Take(rows)
            .Select(f => new ExportRow(f.Id, f.ReceivedAt, f.ChannelId, f.Source, f.Category, f.Sentiment, f.Score, f.Verbatim, f.FollowUpStatus));
        XlsxColumn<ExportRow>[] columns =
        [
            new(Headers[0], 10, r => r.Id, XlsxFormat.Integer),
            new(Headers[1], 18, r => r.ReceivedAt, XlsxFormat.DateTime),
            new(Headers[2], 10, r => r.ChannelId, XlsxFormat.Integer),
            new(Headers[3], 14, r => r.Source.ToString()),
            new(Headers[4], 14, r => r.Category.ToString()),
            new(Headers[5], 12, r => r.Sentiment.ToString()),
            new(Headers[6], 8, r => r.Score, XlsxFormat.Integer),
            new(Headers[7], 80, r => r.Verbatim),
            new(Headers[8], 12, r => r.FollowUp.ToString()),
        ];
        return await XlsxStreamWriter.WriteAsync(output, "Feedback", columns, query.AsAsyncEnumerable());
    }

    private static async Task<long> FloorExportAsync(string connectionString, int rows, Stream output)
    {
        string[] Names<TEnum>() where TEnum : struct, Enum
        {
            var values = Enum.GetValues<TEnum>();
            var names = new string[values.Max(v => Convert.ToInt32(v, CultureInfo.InvariantCulture)) + 1];
            foreach (var v in values)
            {
                names[Convert.ToInt32(v, CultureInfo.InvariantCulture)] = v.ToString();
            }
            return names;
        }
        var (sources, categories, sentiments, followUps) = (Names<FeedbackSource>(), Names<FeedbackCategory>(), Names<Sentiment>(), Names<FollowUpStatus>());

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.Parameters.AddWithValue("@rows", rows);
        await using var reader = await command.ExecuteReaderAsync();

        long count = 0;
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            writer.WriteStartElement(new Row());
            foreach (var header in Headers)
            {
                writer.WriteElement(Text(header));
            }
            writer.WriteEndElement();
            while (await reader.ReadAsync())
            {
                count++;
                writer.WriteStartElement(new Row());
                writer.WriteElement(Number(reader.GetInt32(0)));
                writer.WriteElement(Number(DateTime.Parse(reader.GetString(1), CultureInfo.InvariantCulture).ToOADate()));
                writer.WriteElement(Number(reader.GetInt32(2)));
                writer.WriteElement(Text(sources[reader.GetInt32(3)]));
                writer.WriteElement(Text(categories[reader.GetInt32(4)]));
                writer.WriteElement(Text(sentiments[reader.GetInt32(5)]));
                writer.WriteElement(reader.IsDBNull(6) ? new Cell() : Number(reader.GetInt32(6)));
                writer.WriteElement(Text(reader.GetString(7)));
                writer.WriteElement(Text(followUps[reader.GetInt32(8)]));
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        workbookPart.Workbook = new Workbook(new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = "Feedback" }));
        workbookPart.Workbook.Save();
        return count;
    }

    private static Cell Number(double value) => new() { CellValue = new CellValue(value.ToString("R", CultureInfo.InvariantCulture)) };

    private static Cell Text(string text) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };

    /// <summary>The process's peak resident set (VmHWM) from /proc; the working-set peak where /proc is absent.</summary>
    private static long PeakResidentBytes()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null)
            {
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }
        return Process.GetCurrentProcess().PeakWorkingSet64;
    }
}
