using System.Globalization;
using Microsoft.VisualBasic.FileIO;
using CxDashboard.Domain.Feedback;
using CxDashboard.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Bench;

/// <summary>
/// 100,000 feedback rows read from a CSV file and inserted into the full database. The app has no CSV
/// feedback import yet, so the app's path measured is how its services insert: domain objects added to
/// a context in batches of 1,000 and saved (audit off, as for a bulk load). The floor reads the same file
/// with the same parser and inserts the same columns with one prepared INSERT in one transaction.
/// The rows are deleted again after each run, untimed.
/// </summary>
internal sealed class ImportBenchmarks(IDbContextFactory<CxDbContext> dbFactory, string connectionString, int runs, Report report)
{
    private const int Rows = 100_000;
    private const int BatchSize = 1_000;

    /// <summary>One CSV line: enums as their numbers, the timestamp in ISO 8601 UTC, empty for none.</summary>
    private sealed record CsvFeedback(DateTime ReceivedUtc, int ChannelId, int? JourneyStageId, FeedbackSource Source, FeedbackCategory Category,
        Sentiment Sentiment, ScoreScale? ScoreScale, int? Score, string Verbatim, string? CustomerRef)
    {
        public static readonly string[] Header =
            ["ReceivedAt", "ChannelId", "JourneyStageId", "Source", "Category", "Sentiment", "ScoreScale", "Score", "Verbatim", "CustomerRef"];

        public static CsvFeedback Parse(string[] f) => new(
            DateTime.Parse(f[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            Int(f[1]), NullableInt(f[2]), (FeedbackSource)Int(f[3]), (FeedbackCategory)Int(f[4]), (Sentiment)Int(f[5]),
            (ScoreScale?)NullableInt(f[6]), NullableInt(f[7]), f[8], f[9].Length == 0 ? null : f[9]);

        private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

        private static int? NullableInt(string text) => text.Length == 0 ? null : Int(text);
    }

    /// <summary>The same parser for both paths: the framework's RFC 4180 reader (quoted fields, doubled quotes).</summary>
    private static IEnumerable<CsvFeedback> ReadCsv(string path)
    {
        using var parser = new TextFieldParser(path) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        parser.SetDelimiters(",");
        parser.ReadFields();
        while (parser.ReadFields() is { } fields)
        {
            yield return CsvFeedback.Parse(fields);
        }
    }

    private static string Quote(string? field) => field is null ? "" : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public async Task RunAsync()
    {
        var csv = Path.Combine(Path.GetTempPath(), "cxdashboard-bench", "feedback-import.csv");
        var rows = await WriteCsvAsync(csv);
        var times = Math.Min(runs, 3);
        var app = new List<double>();
        var floor = new List<double>();
        try
        {
            for (var i = 0; i < times; i++)
            {
                app.Add(await TimedThenUndoneAsync(() => AppImportAsync(csv)));
                floor.Add(await TimedThenUndoneAsync(() => FloorImportAsync(csv)));
            }
        }
        finally
        {
            File.Delete(csv);
        }
        var a = Timings.Of(app);
        var f = Timings.Of(floor);
        var appRate = rows / (a.Median / 1000);
        var floorRate = rows / (f.Median / 1000);
        report.Add(new ReportLine("Import from CSV", Report.Inv($"{rows:N0} feedback rows: EF Core AddRange, batches of {BatchSize:N0}, audit off ({times} runs)"),
            Report.Inv($"median {a.Median / 1000:0.0} s (p95 {a.P95 / 1000:0.0} s), {appRate:N0} rows/s"),
            Report.Inv($"prepared INSERT, one transaction: {f.Median / 1000:0.0} s (p95 {f.P95 / 1000:0.0} s), {floorRate:N0} rows/s"),
            "≥ ½ the floor's rate", appRate >= floorRate / 2));
    }

    private async Task<int> WriteCsvAsync(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT "ReceivedAt", "ChannelId", "JourneyStageId", "Source", "Category", "Sentiment", "ScoreScale", "Score", "Verbatim", "CustomerRef"
            FROM "Feedback" ORDER BY "Id" LIMIT @rows
            """;
        command.Parameters.AddWithValue("@rows", Rows);
        await using var reader = await command.ExecuteReaderAsync();
        await using var writer = new StreamWriter(path);
        await writer.WriteLineAsync(string.Join(',', CsvFeedback.Header));
        var count = 0;
        var fields = new string?[CsvFeedback.Header.Length];
        while (await reader.ReadAsync())
        {
            fields[0] = reader.GetString(0).Replace(' ', 'T') + "Z";
            for (var i = 1; i < fields.Length; i++)
            {
                fields[i] = reader.IsDBNull(i) ? null : reader.GetValue(i).ToString();
            }
            await writer.WriteLineAsync(string.Join(',', fields.Select(Quote)));
            count++;
        }
        return count;
    }

    private async Task<double> TimedThenUndoneAsync(Func<Task> import)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var before = await QueryBenchmarks.ScalarAsync(connection, """SELECT coalesce(max("Id"), 0) FROM "Feedback" """);
        var elapsed = await Timing.TimeAsync(import);
        var added = await QueryBenchmarks.ScalarAsync(connection, """SELECT COUNT(*) FROM "Feedback" WHERE "Id" > @id""", ("@id", before));
        await using var undo = connection.CreateCommand();
        undo.CommandText = """DELETE FROM "Feedback" WHERE "Id" > @id""";
        undo.Parameters.AddWithValue("@id", before);
        await undo.ExecuteNonQueryAsync();
        if (added != Rows)
        {
            report.Note(Report.Inv($"An import added {added:N0} rows instead of {Rows:N0}."));
        }
        return elapsed;
    }

    private async Task AppImportAsync(string path)
    {
        var now = DateTime.UtcNow;
        var batch = new List<FeedbackItem>(BatchSize);
        foreach (var row in ReadCsv(path))
        {
            batch.Add(new FeedbackItem(new FeedbackDetails(row.ReceivedUtc, row.ChannelId, row.JourneyStageId, row.Source, row.Category,
                row.Sentiment, row.ScoreScale, row.Score, row.Verbatim, row.CustomerRef), recordedByPersonId: null, recordedAt: now));
            if (batch.Count == BatchSize)
            {
                await SaveAsync(batch);
            }
        }
        await SaveAsync(batch);
    }

    private async Task SaveAsync(List<FeedbackItem> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        db.AuditEnabled = false;
        db.Feedback.AddRange(batch);
        await db.SaveChangesAsync();
        batch.Clear();
    }

    private async Task FloorImportAsync(string path)
    {
        var recordedAt = QueryBenchmarks.Timestamp(DateTime.UtcNow);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO "Feedback" ("ReceivedAt", "RecordedAt", "ChannelId", "JourneyStageId", "Source", "Category", "Sentiment",
                "ScoreScale", "Score", "ScoreBand", "Verbatim", "CustomerRef", "FollowUpStatus", "Version")
            VALUES (@received, @recorded, @channel, @stage, @source, @category, @sentiment, @scale, @score, @band, @verbatim, @ref, 0, 0)
            """;
        var p = new[] { "@received", "@recorded", "@channel", "@stage", "@source", "@category", "@sentiment", "@scale", "@score", "@band", "@verbatim", "@ref" }
            .Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
        insert.Prepare();
        p[1].Value = recordedAt;

        foreach (var row in ReadCsv(path))
        {
            p[0].Value = QueryBenchmarks.Timestamp(row.ReceivedUtc);
            p[2].Value = row.ChannelId;
            p[3].Value = (object?)row.JourneyStageId ?? DBNull.Value;
            p[4].Value = (int)row.Source;
            p[5].Value = (int)row.Category;
            p[6].Value = (int)row.Sentiment;
            p[7].Value = row.ScoreScale is { } s ? (int)s : DBNull.Value;
            p[8].Value = (object?)row.Score ?? DBNull.Value;
            p[9].Value = row.ScoreScale is { } scale && row.Score is { } score ? (int)Scores.Band(scale, score) : DBNull.Value;
            p[10].Value = row.Verbatim;
            p[11].Value = (object?)row.CustomerRef ?? DBNull.Value;
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }
}
