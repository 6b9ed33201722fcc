using System.Globalization;
using System.Text;
using CsvHelper;
using CxDashboard.Domain.Feedback;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Feedback;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Bench;

/// <summary>
/// 100,000 feedback rows imported from a survey export into the full database, through the same
/// <see cref="FeedbackImporter.ImportAsync"/> the import page calls: checked whole, external ids looked
/// up, follow-ups opened, written with the prepared bulk INSERT, one audit entry. The upload limit is
/// 10 MB, so the export is split into files under it, imported one after the other. The floor reads the
/// same files with the same CSV reader and inserts the same columns with one prepared INSERT in one
/// transaction, without any checks. The rows (and the audit entries) are deleted again after each run, untimed.
/// </summary>
internal sealed class ImportBenchmarks(IServiceProvider services, string connectionString, int runs, Report report)
{
    private const int Rows = 100_000;

    /// <summary>Room under the 10 MB limit for the header and a line that would cross it.</summary>
    private const long FileBudget = FeedbackImporter.MaxFileBytes - 64 * 1024;

    private static readonly string[] Header =
        ["ReceivedAt", "Channel", "JourneyStage", "Source", "Category", "Sentiment", "ScoreScale", "Score", "Verbatim", "CustomerRef", "ExternalId"];

    private static string Quote(string? field) => field is null ? "" : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

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
        var a = Timings.Of(app);
        var f = Timings.Of(floor);
        var appRate = Rows / (a.Median / 1000);
        var floorRate = Rows / (f.Median / 1000);
        report.Add(new ReportLine("Import from CSV",
            Report.Inv($"{Rows:N0} feedback rows in {files.Count} files under 10 MB: FeedbackImporter.ImportAsync (checks, external ids, follow-ups, bulk INSERT, audit; {times} runs)"),
            Report.Inv($"median {a.Median / 1000:0.0} s (p95 {a.P95 / 1000:0.0} s), {appRate:N0} rows/s ({appRate / floorRate:0.00}× the floor)"),
            Report.Inv($"same files, prepared INSERT, one transaction: {f.Median / 1000:0.0} s (p95 {f.P95 / 1000:0.0} s), {floorRate:N0} rows/s"),
            "≥ ½ the floor's rate", appRate >= floorRate / 2));
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

    private async Task<Caller> HeadOfCxAsync()
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

    private static async Task<Dictionary<string, int>> CodesAsync(SqliteConnection connection, string table)
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
