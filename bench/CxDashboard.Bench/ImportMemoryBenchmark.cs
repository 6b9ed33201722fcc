using System.Diagnostics;
using System.Globalization;
using System.Text;
using CsvHelper;
using CxDashboard.Domain.Feedback;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Feedback;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Bench;

/// <summary>
/// Memory against the file's size: one Qualtrics-layout export (the mapped line's layout, rows of
/// <see cref="ImportBenchmarks.MappedRowBytes"/> bytes) at about 20, 60 and 200 MB (the upload limit), each spooled and
/// imported through <see cref="FeedbackImporter.ImportAsync(Caller, ImportFile, string?, ImportMapping, string?, IProgress{ImportProgress}?, CancellationToken)"/>
/// as the page calls it, sampled every 100 ms: the process's working set and the managed heap as the last
/// collection left it (what the import keeps alive, without the garbage between collections). Each file's rate is set
/// against the floor: the same file streamed through the same CSV reader into one prepared INSERT in one transaction.
/// The rows are cycled from the stored feedback with ids of their own, and deleted again after each run, untimed; an untimed
/// 1,000-row import and floor go first.
/// </summary>
internal sealed class ImportMemoryBenchmark(IServiceProvider services, string connectionString, Report report)
{
    /// <summary>The sizes tried, rising; the last is just under the limit (<see cref="ImportFile.MaxBytes"/>).</summary>
    private static readonly int[] Megabytes = [20, 60, 199];

    public async Task RunAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cxdashboard-bench", string.Create(CultureInfo.InvariantCulture, $"import-sizes-{Environment.ProcessId}"));
        Directory.CreateDirectory(folder);
        var caller = await ImportBenchmarks.HeadOfCxAsync(services);
        var measured = new List<(double Megabytes, int Rows, Sample App, double FloorMs, string Load)>();
        try
        {
            // The process's first import pays for compiling its code and its queries: a small untimed one pays it first.
            var warmUp = Path.Combine(folder, "warm-up.csv");
            await WriteCsvAsync(connectionString, warmUp, 1000);
            await UndoneAfterAsync(connectionString, report, 1000, async () => await Timing.TimeAsync(() => ImportAsync(warmUp, caller)));
            await UndoneAfterAsync(connectionString, report, 1000, async () => await Timing.TimeAsync(() => FloorAsync(warmUp)));
            foreach (var megabytes in Megabytes)
            {
                var rows = (int)(megabytes * 1048576L / ImportBenchmarks.MappedRowBytes);
                var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"qualtrics-{megabytes}mb.csv"));
                await WriteCsvAsync(connectionString, path, rows);
                var load = LoadAverage();
                var app = await UndoneAfterAsync(connectionString, report, rows, () => SampledAsync(() => ImportAsync(path, caller)));
                var floor = await UndoneAfterAsync(connectionString, report, rows, async () => await Timing.TimeAsync(() => FloorAsync(path)));
                measured.Add((new FileInfo(path).Length / 1048576.0, rows, app, floor, load + " → " + LoadAverage()));
                File.Delete(path);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        var smallest = measured[0].App;
        foreach (var (megabytes, rows, app, floorMs, load) in measured)
        {
            var rate = rows / (app.Milliseconds / 1000);
            var floorRate = rows / (floorMs / 1000);
            report.Add(new ReportLine("Import memory",
                Report.Inv($"{rows:N0} rows in one {megabytes:0.0} MB Qualtrics-layout CSV, mapped: spooled, checked whole, written (1 run; load {load})"),
                Report.Inv($"{app.Milliseconds / 1000:0.0} s, {rate:N0} rows/s ({rate / floorRate:0.00}× the floor); working set +{Mb(app.PeakWorkingSet - app.WorkingSetBefore)} MB (peak {Mb(app.PeakWorkingSet)} MB); managed heap after a collection +{Mb(app.PeakHeapAfterCollection - app.HeapBefore)} MB (peak {Mb(app.PeakHeapAfterCollection)} MB)"),
                Report.Inv($"same file streamed into one prepared INSERT: {floorMs / 1000:0.0} s, {floorRate:N0} rows/s"),
                Report.Inv($"≥ ½ the floor's rate; heap growth within 2× the {Megabytes[0]} MB file's"),
                rate >= floorRate / 2 && app.PeakHeapAfterCollection - app.HeapBefore <= 2 * Math.Max(16L * 1048576, smallest.PeakHeapAfterCollection - smallest.HeapBefore)));
        }
    }

    private static string Mb(long bytes) => Report.Inv($"{bytes / 1048576.0:N0}");

    internal static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    internal sealed record Sample(double Milliseconds, long WorkingSetBefore, long PeakWorkingSet, long HeapBefore, long PeakHeapAfterCollection);

    /// <summary>Runs <paramref name="work"/> timed, sampling the working set and the heap the last collection left every 100 ms.</summary>
    internal static async Task<Sample> SampledAsync(Func<Task> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        var workingSetBefore = process.WorkingSet64;
        long peakWorkingSet = workingSetBefore, peakHeap = heapBefore;
        using var done = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                process.Refresh();
                peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
                var info = GC.GetGCMemoryInfo();
                peakHeap = Math.Max(peakHeap, info.HeapSizeBytes - info.FragmentedBytes);
                await Task.Delay(100, CancellationToken.None);
            }
        });
        double elapsed;
        try
        {
            elapsed = await Timing.TimeAsync(work);
        }
        finally
        {
            await done.CancelAsync();
            await sampler;
        }
        return new Sample(elapsed, workingSetBefore, peakWorkingSet, heapBefore, peakHeap);
    }

    private async Task ImportAsync(string path, Caller caller)
    {
        await using var scope = services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<FeedbackImporter>();
        await using var upload = File.OpenRead(path);
        await using var file = await ImportFile.SpoolAsync(upload, Path.GetFileName(path));
        var result = await importer.ImportAsync(caller, file, null, ImportBenchmarks.Mapped, "Survey size bench");
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The import refused {path}: {string.Join(" ", result.Problems.Take(5))}");
        }
    }

    /// <summary><paramref name="rows"/> rows in the mapped line's layout, cycling through the stored feedback, each with an id of its own.</summary>
    internal static async Task WriteCsvAsync(string connectionString, string path, int rows)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var header = ImportBenchmarks.MappedHeader;
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(true));
        await writer.WriteLineAsync(string.Join(',', header));
        await writer.WriteLineAsync(string.Join(',', header.Select(h => ImportBenchmarks.Quote(h + " (question text)"))));
        await writer.WriteLineAsync(string.Join(',', header.Select(h => ImportBenchmarks.Quote($"{{\"ImportId\":\"{h}\"}}"))));
        var line = new StringBuilder(ImportBenchmarks.MappedRowBytes + 64);
        var count = 0;
        while (count < rows)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT f."ReceivedAt", c."Code", s."Code", f."Source", f."Category", f."Sentiment", f."ScoreScale", f."Score", f."Verbatim", f."CustomerRef"
                FROM "Feedback" AS f JOIN "Channels" AS c ON c."Id" = f."ChannelId" LEFT JOIN "JourneyStages" AS s ON s."Id" = f."JourneyStageId"
                ORDER BY f."Id" LIMIT @rows
                """;
            command.Parameters.AddWithValue("@rows", Math.Min(100_000, rows - count));
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var recorded = reader.GetString(0)[..19];
                line.Clear().AppendJoin(',', [
                    recorded, recorded, "IP Address", "100", "60", "True", recorded, string.Create(CultureInfo.InvariantCulture, $"R_size{count}"), "anonymous", "EN",
                    reader.GetString(1), reader.IsDBNull(2) ? "" : reader.GetString(2), ((FeedbackSource)reader.GetInt32(3)).ToString(),
                    ((FeedbackCategory)reader.GetInt32(4)).ToString(), ((Sentiment)reader.GetInt32(5)).ToString(),
                    reader.IsDBNull(6) ? "" : ((ScoreScale)reader.GetInt32(6)).ToString(), ImportBenchmarks.Quote(reader.IsDBNull(9) ? null : reader.GetString(9)),
                    reader.IsDBNull(7) ? "" : reader.GetInt32(7).ToString(CultureInfo.InvariantCulture), ImportBenchmarks.Quote(reader.GetString(8)), ""]);
                line.Append(ImportBenchmarks.Quote(new string('x', Math.Max(1, ImportBenchmarks.MappedRowBytes - line.Length - 2))));
                await writer.WriteLineAsync(line);
                count++;
            }
        }
    }

    /// <summary>The same file streamed through the same CSV reader, its mapped columns inserted with one prepared INSERT, unchecked.</summary>
    private async Task FloorAsync(string path)
    {
        var recordedAt = QueryBenchmarks.Timestamp(DateTime.UtcNow);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var channels = await ImportBenchmarks.CodesAsync(connection, "Channels");
        var stages = await ImportBenchmarks.CodesAsync(connection, "JourneyStages");
        await using var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO "Feedback" ("ReceivedAt", "RecordedAt", "ChannelId", "JourneyStageId", "Source", "Category", "Sentiment",
                "ScoreScale", "Score", "ScoreBand", "Verbatim", "CustomerRef", "ExternalId", "FollowUpStatus", "Version")
            VALUES (@received, @recorded, @channel, @stage, @source, @category, @sentiment, @scale, @score, @band, @verbatim, @ref, @external, 0, 0)
            """;
        var p = new[] { "@received", "@recorded", "@channel", "@stage", "@source", "@category", "@sentiment", "@scale", "@score", "@band", "@verbatim", "@ref", "@external" }
            .Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
        insert.Prepare();
        p[1].Value = recordedAt;
        await using var file = File.OpenRead(path);
        using var reader = CsvReader.Create(file, CsvReaderOptions.Default with { HasHeader = false });
        for (var skipped = 0; skipped < 3 && reader.Read(); skipped++)
        {
        }
        while (reader.Read())
        {
            var received = DateTime.Parse(reader.GetString(6), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            var scale = reader.GetString(15) is { Length: > 0 } s ? Enum.Parse<ScoreScale>(s) : (ScoreScale?)null;
            var score = reader.GetString(17) is { Length: > 0 } n ? int.Parse(n, CultureInfo.InvariantCulture) : (int?)null;
            p[0].Value = QueryBenchmarks.Timestamp(received);
            p[2].Value = channels[reader.GetString(10)];
            p[3].Value = reader.GetString(11) is { Length: > 0 } stage ? stages[stage] : DBNull.Value;
            p[4].Value = (int)Enum.Parse<FeedbackSource>(reader.GetString(12));
            p[5].Value = (int)Enum.Parse<FeedbackCategory>(reader.GetString(13));
            p[6].Value = (int)Enum.Parse<Sentiment>(reader.GetString(14));
            p[7].Value = scale is { } sc ? (int)sc : DBNull.Value;
            p[8].Value = (object?)score ?? DBNull.Value;
            p[9].Value = scale is { } band && score is { } value ? (int)Scores.Band(band, value) : DBNull.Value;
            p[10].Value = reader.GetString(18);
            p[11].Value = reader.GetString(16) is { Length: > 0 } customer ? customer : DBNull.Value;
            p[12].Value = reader.GetString(7);
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    /// <summary>Runs <paramref name="import"/>, then deletes the rows and audit entries it added, untimed.</summary>
    internal static async Task<T> UndoneAfterAsync<T>(string connectionString, Report report, int rows, Func<Task<T>> import)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var before = await QueryBenchmarks.ScalarAsync(connection, """SELECT coalesce(max("Id"), 0) FROM "Feedback" """);
        var auditBefore = await QueryBenchmarks.ScalarAsync(connection, """SELECT coalesce(max("Id"), 0) FROM "AuditEntries" """);
        var result = await import();
        var added = await QueryBenchmarks.ScalarAsync(connection, """SELECT COUNT(*) FROM "Feedback" WHERE "Id" > @id""", ("@id", before));
        await using var undo = connection.CreateCommand();
        undo.CommandText = """
            INSERT INTO "FeedbackSearch" ("FeedbackSearch", rank) VALUES ('secure-delete', 0);
            DELETE FROM "Feedback" WHERE "Id" > @id;
            DELETE FROM "AuditEntries" WHERE "Id" > @audit;
            INSERT INTO "FeedbackSearch" ("FeedbackSearch", rank) VALUES ('secure-delete', 1);
            """;
        undo.Parameters.AddWithValue("@id", before);
        undo.Parameters.AddWithValue("@audit", auditBefore);
        await undo.ExecuteNonQueryAsync();
        if (added != rows)
        {
            report.Note(Report.Inv($"An import of {rows:N0} rows added {added:N0}."));
        }
        return result;
    }
}
