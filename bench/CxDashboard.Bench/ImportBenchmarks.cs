using System.Globalization;
using System.Text;
using CsvHelper;
using CxDashboard.Domain.Feedback;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Data;
using CxDashboard.Web.Export;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Feedback;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Bench;

/// <summary>
/// 100,000 feedback rows imported from a survey export into the full database, through the same
/// <see cref="FeedbackImporter.ImportAsync"/> the import page calls: checked whole, external ids looked
/// up, follow-ups opened, written with the prepared bulk INSERT, one audit entry. The upload limit
/// was 10 MB, so that line's export is split into files under it, imported one after the other; a second line imports
/// the same rows as one 60 MB Qualtrics-layout export through a mapping, as the page does. The floor reads the
/// same files with the same CSV reader and inserts the same columns with one prepared INSERT in one
/// transaction, without any checks. The rows (and the audit entries) are deleted again after each run, untimed.
/// </summary>
internal sealed class ImportBenchmarks(IServiceProvider services, string connectionString, int runs, Report report)
{
    private const int Rows = 100_000;

    /// <summary>The CX Dashboard layout's files stay under the old 10 MB limit, so this line compares with earlier runs.</summary>
    private const long FileBudget = 10 * 1024 * 1024 - 64 * 1024;

    /// <summary>Each row of the mapped export is padded to this many bytes, so 100,000 rows make a file of about 61 MB.</summary>
    internal const int MappedRowBytes = 640;

    // A Qualtrics data table with the survey's embedded data (channel, stage, category…) beside the usual columns, and a
    // long free-text question nobody maps.
    internal static readonly string[] MappedHeader =
    [
        "StartDate", "EndDate", "Status", "Progress", "Duration (in seconds)", "Finished", "RecordedDate", "ResponseId", "DistributionChannel",
        "UserLanguage", "Channel", "Stage", "Source", "Category", "Sentiment", "ScoreScale", "CustomerRef", "Q1", "Q2", "Q3",
    ];

    internal static readonly ImportMapping Mapped = ShippedPresets.Qualtrics.Mapping with
    {
        Channel = "Channel",
        JourneyStage = "Stage",
        Source = "Source",
        WholeFileSource = null,
        Category = "Category",
        WholeFileCategory = null,
        Sentiment = "Sentiment",
        ScoreScaleColumn = "ScoreScale",
        WholeFileScoreScale = null,
        CustomerRef = "CustomerRef",
    };

    private static readonly string[] Header =
        ["ReceivedAt", "Channel", "JourneyStage", "Source", "Category", "Sentiment", "ScoreScale", "Score", "Verbatim", "CustomerRef", "ExternalId"];

    internal static string Quote(string? field) => field is null ? "" : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public async Task RunAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cxdashboard-bench", "feedback-import");
        var files = await WriteCsvAsync(folder);
        var caller = await HeadOfCxAsync();
        var times = Math.Min(runs, 3);
        var app = new List<double>();
        var floor = new List<double>();
        try
        {
            for (var i = 0; i < times; i++)
            {
                app.Add(await TimedThenUndoneAsync(() => AppImportAsync(files, caller)));
                floor.Add(await TimedThenUndoneAsync(() => FloorImportAsync(files)));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        var mappedFile = await WriteMappedCsvAsync(folder);
        var mappedMegabytes = new FileInfo(mappedFile).Length / 1048576.0;
        var mapped = new List<double>();
        long peakHeap = 0, heapBefore = 0;
        try
        {
            for (var i = 0; i < times; i++)
            {
                GC.Collect();
                heapBefore = GC.GetTotalMemory(forceFullCollection: true);
                mapped.Add(await TimedThenUndoneAsync(async () => peakHeap = Math.Max(peakHeap, await PeakHeapDuringAsync(() => MappedImportAsync(mappedFile, caller)))));
            }
        }
        finally
        {
            File.Delete(mappedFile);
        }
        var workbookFile = await WriteWorkbookAsync(folder);
        var workbookMegabytes = new FileInfo(workbookFile).Length / 1048576.0;
        var workbook = new List<double>();
        long workbookPeak = 0, workbookHeapBefore = 0;
        try
        {
            for (var i = 0; i < times; i++)
            {
                GC.Collect();
                workbookHeapBefore = GC.GetTotalMemory(forceFullCollection: true);
                workbook.Add(await TimedThenUndoneAsync(async () =>
                    workbookPeak = Math.Max(workbookPeak, await PeakHeapDuringAsync(() => MappedImportAsync(workbookFile, caller, WorkbookMapping)))));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        var a = Timings.Of(app);
        var f = Timings.Of(floor);
        var appRate = Rows / (a.Median / 1000);
        var floorRate = Rows / (f.Median / 1000);
        report.Add(new ReportLine("Import from CSV",
            Report.Inv($"{Rows:N0} feedback rows in {files.Count} files under 10 MB: FeedbackImporter.ImportAsync (checks, external ids, follow-ups, bulk INSERT, audit; {times} runs)"),
            Report.Inv($"median {a.Median / 1000:0.0} s (p95 {a.P95 / 1000:0.0} s), {appRate:N0} rows/s ({appRate / floorRate:0.00}× the floor)"),
            Report.Inv($"same files, prepared INSERT, one transaction: {f.Median / 1000:0.0} s (p95 {f.P95 / 1000:0.0} s), {floorRate:N0} rows/s"),
            "≥ ½ the floor's rate", appRate >= floorRate / 2));
        var m = Timings.Of(mapped);
        var mappedRate = Rows / (m.Median / 1000);
        report.Add(new ReportLine("Import from CSV",
            Report.Inv($"{Rows:N0} feedback rows in one {mappedMegabytes:0.0} MB Qualtrics-layout CSV (3 header rows, {MappedHeader.Length} columns), mapped: spooled to disk, checked whole, written with the bulk INSERT ({times} runs)"),
            Report.Inv($"median {m.Median / 1000:0.0} s (p95 {m.P95 / 1000:0.0} s), {mappedRate:N0} rows/s ({mappedRate / floorRate:0.00}× the floor); managed heap peak {peakHeap / 1048576.0:N0} MB over {heapBefore / 1048576.0:N0} MB before"),
            Report.Inv($"the floor above: {floorRate:N0} rows/s"),
            "≥ ½ the floor's rate", mappedRate >= floorRate / 2));
        var w = Timings.Of(workbook);
        var workbookRate = Rows / (w.Median / 1000);
        report.Add(new ReportLine("Import from Excel",
            Report.Inv($"{Rows:N0} feedback rows in one {workbookMegabytes:0.0} MB workbook (.xlsx, one header row, dates and numbers typed), mapped: spooled, checked whole, written with the bulk INSERT ({times} runs)"),
            Report.Inv($"median {w.Median / 1000:0.0} s (p95 {w.P95 / 1000:0.0} s), {workbookRate:N0} rows/s ({workbookRate / floorRate:0.00}× the floor); managed heap peak {workbookPeak / 1048576.0:N0} MB over {workbookHeapBefore / 1048576.0:N0} MB before"),
            Report.Inv($"the CSV floor above: {floorRate:N0} rows/s"),
            "≥ ½ the floor's rate", workbookRate >= floorRate / 2));
    }

    private static readonly ImportMapping WorkbookMapping = new()
    {
        ReceivedAt = "RecordedDate",
        ExternalId = "ResponseId",
        Channel = "Channel",
        JourneyStage = "Stage",
        Source = "Source",
        Category = "Category",
        Sentiment = "Sentiment",
        ScoreScaleColumn = "ScoreScale",
        Score = "Score",
        Comments = ["Comment"],
        CustomerRef = "CustomerRef",
    };

    private sealed record WorkbookRow(DateTime ReceivedAt, string Channel, string? Stage, string Source, string Category, string Sentiment,
        string? Scale, int? Score, string Verbatim, string? CustomerRef, string Id);

    /// <summary>The same 100,000 rows as a workbook, written part by part as the app's own exports are.</summary>
    private async Task<string> WriteWorkbookAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "responses.xlsx");
        XlsxColumn<WorkbookRow>[] columns =
        [
            new("ResponseId", 14, r => r.Id), new("RecordedDate", 18, r => r.ReceivedAt, XlsxFormat.DateTime), new("Channel", 10, r => r.Channel),
            new("Stage", 10, r => r.Stage), new("Source", 10, r => r.Source), new("Category", 10, r => r.Category), new("Sentiment", 10, r => r.Sentiment),
            new("ScoreScale", 10, r => r.Scale), new("Score", 8, r => r.Score, XlsxFormat.Integer), new("Comment", 60, r => r.Verbatim),
            new("CustomerRef", 12, r => r.CustomerRef),
        ];
        await using var output = File.Create(path);
        await XlsxStreamWriter.WriteAsync(output, "Responses", columns, WorkbookRowsAsync());
        return path;
    }

    private async IAsyncEnumerable<WorkbookRow> WorkbookRowsAsync()
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT f."ReceivedAt", c."Code", s."Code", f."Source", f."Category", f."Sentiment", f."ScoreScale", f."Score", f."Verbatim", f."CustomerRef"
            FROM "Feedback" AS f JOIN "Channels" AS c ON c."Id" = f."ChannelId" LEFT JOIN "JourneyStages" AS s ON s."Id" = f."JourneyStageId"
            ORDER BY f."Id" LIMIT @rows
            """;
        command.Parameters.AddWithValue("@rows", Rows);
        await using var reader = await command.ExecuteReaderAsync();
        var count = 0;
        while (await reader.ReadAsync())
        {
            yield return new WorkbookRow(DateTime.Parse(reader.GetString(0), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal),
                reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), ((FeedbackSource)reader.GetInt32(3)).ToString(),
                ((FeedbackCategory)reader.GetInt32(4)).ToString(), ((Sentiment)reader.GetInt32(5)).ToString(),
                reader.IsDBNull(6) ? null : ((ScoreScale)reader.GetInt32(6)).ToString(), reader.IsDBNull(7) ? null : reader.GetInt32(7),
                reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9), string.Create(CultureInfo.InvariantCulture, $"W_bench{count++}"));
        }
    }

    /// <summary>The same 100,000 rows as a Qualtrics data-table export, each padded by its unmapped free-text column to <see cref="MappedRowBytes"/>.</summary>
    private async Task<string> WriteMappedCsvAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "qualtrics-export.csv");
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT f."ReceivedAt", c."Code", s."Code", f."Source", f."Category", f."Sentiment", f."ScoreScale", f."Score", f."Verbatim", f."CustomerRef"
            FROM "Feedback" AS f JOIN "Channels" AS c ON c."Id" = f."ChannelId" LEFT JOIN "JourneyStages" AS s ON s."Id" = f."JourneyStageId"
            ORDER BY f."Id" LIMIT @rows
            """;
        command.Parameters.AddWithValue("@rows", Rows);
        await using var reader = await command.ExecuteReaderAsync();
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(true));
        await writer.WriteLineAsync(string.Join(',', MappedHeader));
        await writer.WriteLineAsync(string.Join(',', MappedHeader.Select(h => Quote(h + " (question text)"))));
        await writer.WriteLineAsync(string.Join(',', MappedHeader.Select(h => Quote($"{{\"ImportId\":\"{h}\"}}"))));
        var count = 0;
        var line = new StringBuilder(MappedRowBytes + 64);
        while (await reader.ReadAsync())
        {
            var recorded = reader.GetString(0)[..19];
            line.Clear().AppendJoin(',', [
                recorded, recorded, "IP Address", "100", "60", "True", recorded, string.Create(CultureInfo.InvariantCulture, $"R_bench{count}"), "anonymous", "EN",
                reader.GetString(1), reader.IsDBNull(2) ? "" : reader.GetString(2), ((FeedbackSource)reader.GetInt32(3)).ToString(),
                ((FeedbackCategory)reader.GetInt32(4)).ToString(), ((Sentiment)reader.GetInt32(5)).ToString(),
                reader.IsDBNull(6) ? "" : ((ScoreScale)reader.GetInt32(6)).ToString(), Quote(reader.IsDBNull(9) ? null : reader.GetString(9)),
                reader.IsDBNull(7) ? "" : reader.GetInt32(7).ToString(CultureInfo.InvariantCulture), Quote(reader.GetString(8)), ""]);
            line.Append(Quote(new string('x', Math.Max(1, MappedRowBytes - line.Length - 2))));
            await writer.WriteLineAsync(line);
            count++;
        }
        return path;
    }

    private async Task MappedImportAsync(string path, Caller caller, ImportMapping? mapping = null)
    {
        await using var scope = services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<FeedbackImporter>();
        await using var upload = File.OpenRead(path);
        await using var file = await ImportFile.SpoolAsync(upload, Path.GetFileName(path));
        var result = await importer.ImportAsync(caller, file, null, mapping ?? Mapped, "Survey bench");
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The import refused {path}: {string.Join(" ", result.Problems.Take(5))}");
        }
    }

    /// <summary>The largest managed heap seen, sampled every 50 ms while <paramref name="work"/> runs.</summary>
    private static async Task<long> PeakHeapDuringAsync(Func<Task> work)
    {
        long peak = GC.GetTotalMemory(false);
        using var done = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(50, CancellationToken.None);
            }
        });
        try
        {
            await work();
        }
        finally
        {
            await done.CancelAsync();
            await sampler;
        }
        return peak;
    }

    /// <summary>The first 100,000 stored rows as a survey tool would export them: codes and names, each with an external id.</summary>
    private async Task<List<string>> WriteCsvAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT f."ReceivedAt", c."Code", s."Code", f."Source", f."Category", f."Sentiment", f."ScoreScale", f."Score", f."Verbatim", f."CustomerRef"
            FROM "Feedback" AS f JOIN "Channels" AS c ON c."Id" = f."ChannelId" LEFT JOIN "JourneyStages" AS s ON s."Id" = f."JourneyStageId"
            ORDER BY f."Id" LIMIT @rows
            """;
        command.Parameters.AddWithValue("@rows", Rows);
        await using var reader = await command.ExecuteReaderAsync();
        var files = new List<string>();
        StreamWriter? writer = null;
        var count = 0;
        var fields = new string?[Header.Length];
        try
        {
            while (await reader.ReadAsync())
            {
                if (writer is null || writer.BaseStream.Position > FileBudget)
                {
                    if (writer is not null)
                    {
                        await writer.DisposeAsync();
                    }
                    files.Add(Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"survey-{files.Count + 1}.csv")));
                    writer = new StreamWriter(files[^1], false, new UTF8Encoding(false));
                    await writer.WriteLineAsync(string.Join(',', Header));
                }
                fields[0] = reader.GetString(0).Replace(' ', 'T') + "Z";
                fields[1] = reader.GetString(1);
                fields[2] = reader.IsDBNull(2) ? null : reader.GetString(2);
                fields[3] = ((FeedbackSource)reader.GetInt32(3)).ToString();
                fields[4] = ((FeedbackCategory)reader.GetInt32(4)).ToString();
                fields[5] = ((Sentiment)reader.GetInt32(5)).ToString();
                fields[6] = reader.IsDBNull(6) ? null : ((ScoreScale)reader.GetInt32(6)).ToString();
                fields[7] = reader.IsDBNull(7) ? null : reader.GetInt32(7).ToString(CultureInfo.InvariantCulture);
                fields[8] = reader.GetString(8);
                fields[9] = reader.IsDBNull(9) ? null : reader.GetString(9);
                fields[10] = string.Create(CultureInfo.InvariantCulture, $"bench-import-{count}");
                await writer.WriteLineAsync(string.Join(',', fields.Select(Quote)));
                count++;
            }
        }
        finally
        {
            if (writer is not null)
            {
                await writer.DisposeAsync();
            }
        }
        if (count != Rows)
        {
            report.Note(Report.Inv($"The import files hold {count:N0} rows instead of {Rows:N0}: the database has fewer feedback items."));
        }
        return files;
    }

    private Task<Caller> HeadOfCxAsync() => HeadOfCxAsync(services);

    internal static async Task<Caller> HeadOfCxAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContextAsync();
        var lead = await db.People.AsNoTracking().Where(p => p.DisplayName == "Eleanor Hartley").Select(p => new { p.Id, p.DisplayName, p.TeamId }).SingleAsync();
        return new Caller(lead.Id, lead.DisplayName, lead.TeamId, new HashSet<string>(StringComparer.Ordinal) { Roles.CxLead });
    }

    private async Task<double> TimedThenUndoneAsync(Func<Task> import)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var before = await QueryBenchmarks.ScalarAsync(connection, """SELECT coalesce(max("Id"), 0) FROM "Feedback" """);
        var auditBefore = await QueryBenchmarks.ScalarAsync(connection, """SELECT coalesce(max("Id"), 0) FROM "AuditEntries" """);
        var elapsed = await Timing.TimeAsync(import);
        var added = await QueryBenchmarks.ScalarAsync(connection, """SELECT COUNT(*) FROM "Feedback" WHERE "Id" > @id""", ("@id", before));
        await using var undo = connection.CreateCommand();
        // Undoing a run is the benchmark's own clean-up, not an erasure: the search index may leave the deleted
        // words in its pages (secure-delete off) for the DELETE, and purges them again from then on.
        undo.CommandText = """
            INSERT INTO "FeedbackSearch" ("FeedbackSearch", rank) VALUES ('secure-delete', 0);
            DELETE FROM "Feedback" WHERE "Id" > @id;
            DELETE FROM "AuditEntries" WHERE "Id" > @audit;
            INSERT INTO "FeedbackSearch" ("FeedbackSearch", rank) VALUES ('secure-delete', 1);
            """;
        undo.Parameters.AddWithValue("@id", before);
        undo.Parameters.AddWithValue("@audit", auditBefore);
        await undo.ExecuteNonQueryAsync();
        if (added != Rows)
        {
            report.Note(Report.Inv($"An import added {added:N0} rows instead of {Rows:N0}."));
        }
        return elapsed;
    }

    private async Task AppImportAsync(IReadOnlyList<string> files, Caller caller)
    {
        await using var scope = services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<FeedbackImporter>();
        foreach (var file in files)
        {
            await using var content = File.OpenRead(file);
            var result = await importer.ImportAsync(caller, Path.GetFileName(file), content);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"The import refused {file}: {string.Join(" ", result.Problems)}");
            }
        }
    }

    private async Task FloorImportAsync(IReadOnlyList<string> files)
    {
        var recordedAt = QueryBenchmarks.Timestamp(DateTime.UtcNow);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var channels = await CodesAsync(connection, "Channels");
        var stages = await CodesAsync(connection, "JourneyStages");
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

        foreach (var file in files)
        {
            using var reader = CsvReader.FromText(await File.ReadAllTextAsync(file), CsvReaderOptions.Default);
            while (reader.Read())
            {
                var received = DateTime.Parse(reader.GetString(0), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
                var scale = reader.GetString(6) is { Length: > 0 } s ? Enum.Parse<ScoreScale>(s) : (ScoreScale?)null;
                var score = reader.GetString(7) is { Length: > 0 } n ? int.Parse(n, CultureInfo.InvariantCulture) : (int?)null;
                p[0].Value = QueryBenchmarks.Timestamp(received);
                p[2].Value = channels[reader.GetString(1)];
                p[3].Value = reader.GetString(2) is { Length: > 0 } stage ? stages[stage] : DBNull.Value;
                p[4].Value = (int)Enum.Parse<FeedbackSource>(reader.GetString(3));
                p[5].Value = (int)Enum.Parse<FeedbackCategory>(reader.GetString(4));
                p[6].Value = (int)Enum.Parse<Sentiment>(reader.GetString(5));
                p[7].Value = scale is { } sc ? (int)sc : DBNull.Value;
                p[8].Value = (object?)score ?? DBNull.Value;
                p[9].Value = scale is { } band && score is { } value ? (int)Scores.Band(band, value) : DBNull.Value;
                p[10].Value = reader.GetString(8);
                p[11].Value = reader.GetString(9) is { Length: > 0 } customer ? customer : DBNull.Value;
                p[12].Value = reader.GetString(10);
                await insert.ExecuteNonQueryAsync();
            }
        }
        await transaction.CommitAsync();
    }

    internal static async Task<Dictionary<string, int>> CodesAsync(SqliteConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        // The table names are the two fixed ones above, never input.
        command.CommandText = "SELECT \"Code\", \"Id\" FROM \"" + table + "\"";
        await using var reader = await command.ExecuteReaderAsync();
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            codes[reader.GetString(0)] = reader.GetInt32(1);
        }
        return codes;
    }
}
