using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CxDashboard.Domain.Audit;
using CxDashboard.Domain.Feedback;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Api;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Hosting.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CxDashboard.Web.Features.Feedback;

/// <summary>
/// Imports a survey export: a CSV file with a header row naming its columns. The whole file is read
/// and checked first, by the same rules as the API's batches; with any bad row every problem is
/// reported by line and column and nothing is written. Otherwise the new rows go in with one prepared
/// INSERT in one transaction (a survey export can hold a hundred thousand rows), rows whose external
/// id is already stored are skipped, and detractors and complaints get their follow-ups.
/// </summary>
public sealed class FeedbackImporter(IDbContextFactory<CxDbContext> dbFactory, TimeProvider clock, FeedbackService feedback,
    AppMetrics metrics)
{
    public const long MaxFileBytes = MetricValuesImporter.MaxFileBytes;

    /// <summary>Problems listed one by one; past this many the rest are counted, since a wrong export has one on every line.</summary>
    public const int MaxProblemsShown = 20;

    /// <summary>The columns the file may have, each with the API field it fills.</summary>
    public static readonly IReadOnlyList<(string Column, string Field, bool Required)> Columns =
    [
        ("ReceivedAt", FeedbackInputReader.ReceivedAt, true),
        ("Channel", FeedbackInputReader.Channel, true),
        ("JourneyStage", FeedbackInputReader.JourneyStage, false),
        ("Source", FeedbackInputReader.Source, true),
        ("Category", FeedbackInputReader.Category, true),
        ("Sentiment", FeedbackInputReader.Sentiment, false),
        ("ScoreScale", FeedbackInputReader.ScoreScale, false),
        ("Score", FeedbackInputReader.Score, false),
        ("Verbatim", FeedbackInputReader.Verbatim, true),
        ("CustomerRef", FeedbackInputReader.CustomerRef, false),
        ("ExternalId", FeedbackInputReader.ExternalId, false),
    ];

    /// <summary>The survey source an import names when the person names none.</summary>
    public const string DefaultSource = "CSV import";

    public const int MaxSourceLength = 100;

    /// <summary>Whom an import's external ids belong to: kept apart from the API's sources, so an import never claims a key's ids.</summary>
    public static string SourceOf(string? surveySource) =>
        $"Import: {(string.IsNullOrWhiteSpace(surveySource) ? DefaultSource : surveySource.Trim())}";

    /// <param name="surveySource">The survey tool the file was exported from; its external ids are unique within it.</param>
    public async Task<FeedbackImportResult> ImportAsync(Caller caller, string fileName, Stream content, string? surveySource = null,
        CancellationToken ct = default)
    {
        using var activity = AppActivities.Source.StartActivity("Import feedback");
        if (!FeedbackService.MayRecord(caller))
        {
            throw new NotAllowedException("Only a CX lead, a channel lead or a contributor imports feedback.");
        }
        var personId = caller.RequirePersonId();
        if (!string.Equals(Path.GetExtension(fileName), ".csv", StringComparison.OrdinalIgnoreCase))
        {
            return FeedbackImportResult.Refused("Upload a CSV file (.csv): save the survey export as CSV UTF-8.");
        }
        if (surveySource?.Trim().Length > MaxSourceLength)
        {
            return FeedbackImportResult.Refused(string.Create(CultureInfo.InvariantCulture,
                $"The survey source's name is longer than {MaxSourceLength} characters. Shorten it."));
        }
        var source = SourceOf(surveySource);
        var bytes = await MetricValuesImporter.ReadLimitedAsync(content, ct);
        if (bytes is null)
        {
            return FeedbackImportResult.Refused("The file is larger than 10 MB. Split it into smaller files.");
        }
        if (bytes.Length == 0)
        {
            return FeedbackImportResult.Refused("The file is empty.");
        }
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return FeedbackImportResult.Refused("The file is not a CSV text file (it is not UTF-8 text). Save the export as CSV UTF-8.");
        }
        if (text.Contains('\0'))
        {
            return FeedbackImportResult.Refused("The file is not a CSV text file. Save the export as CSV UTF-8.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lookups = await feedback.GetLookupsAsync(ct);
        var channels = CodesAndNames(lookups.Channels);
        var stages = CodesAndNames(lookups.Stages);
        var now = clock.GetUtcNow().UtcDateTime;

        var read = Read(text, channels, stages, personId, now, source);
        if (read.Problems.Count > 0)
        {
            return FeedbackImportResult.Refused(read.Problems.Take(MaxProblemsShown).ToList(), Math.Max(0, read.Problems.Count - MaxProblemsShown));
        }
        if (read.Items.Count == 0)
        {
            return FeedbackImportResult.Refused("The file has a header row but no feedback.");
        }

        var present = await FeedbackService.StoredExternalIdsAsync(db, source, read.Items.Where(i => i.ExternalId is not null).Select(i => i.ExternalId!), ct);
        var fresh = present.Count == 0 ? read.Items : read.Items.Where(i => i.ExternalId is null || !present.Contains(i.ExternalId)).ToList();
        var opened = await feedback.OpenFollowUpsAsync(fresh, db, ct);
        try
        {
            // A commit whose acknowledgement is lost is recognised by the import's id on its audit entry, so a
            // retry never imports the file a second time.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(Guid.NewGuid(),
                async (_, importId, token) =>
                {
                    await using var attempt = await dbFactory.CreateDbContextAsync(token);
                    await WriteAsync(attempt, caller, fileName, fresh, present.Count, now, importId, token);
                    return true;
                },
                async (_, importId, token) => new ExecutionResult<bool>(await db.WasSavedAsync(importId, token), true),
                ct);
        }
        catch (DbException ex) when (DatabaseFailures.IsUniqueViolation(ex))
        {
            // The unique index on the external id refused a row that another import or an API batch stored meanwhile.
            return FeedbackImportResult.Refused("Some of these rows were stored by someone else at the same moment. Nothing was imported: import the file again.");
        }
        metrics.FeedbackIngested(FeedbackArrival.Import, fresh.Count);
        activity?.SetTag("cxdashboard.feedback.imported", fresh.Count);
        return new FeedbackImportResult(true, fresh.Count, present.Count, opened.Opened, opened.WithoutOwner.Count, [], 0);
    }

    private async Task WriteAsync(CxDbContext db, Caller caller, string fileName, IReadOnlyList<FeedbackItem> items, int skipped, DateTime now,
        Guid importId, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            int? firstId = null, lastId = null;
            if (items.Count > 0)
            {
                await using var writer = new FeedbackBulkWriter(db, transaction.GetDbTransaction(), returnIds: true);
                foreach (var item in items)
                {
                    await writer.WriteAsync(item, ct);
                }
                await writer.CompleteAsync(ct);
                (firstId, lastId) = (writer.FirstId, writer.LastId);
            }
            if (firstId is { } from && lastId is { } to)
            {
                await ThemeTagging.TagRangeAsync(db, transaction.GetDbTransaction(), from, to, ct);
            }
            // One entry for the whole import rather than one per row: a row's entry is as big as the row,
            // so per-row entries would double what a hundred-thousand-row import writes. The id range
            // names every row it created.
            var name = Path.GetFileName(fileName);
            name = name.Length > 120 ? name[..120] : name;
            var range = firstId is { } first && lastId is { } last ? string.Create(CultureInfo.InvariantCulture, $"{first}–{last}") : "none";
            db.AddAuditEntry(importId, new AuditEntry(now, caller.PersonId, caller.Name, nameof(FeedbackItem), range, AuditAction.Created,
                string.Create(CultureInfo.InvariantCulture,
                    $"Imported {items.Count:N0} feedback items from '{name}' (ids {range}); {skipped:N0} already imported were skipped."),
                null,
                JsonSerializer.Serialize(new { File = name, Imported = items.Count, Skipped = skipped, FirstId = firstId, LastId = lastId })));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Survey exports name channels and stages either way; codes go in first so a name never hides another's code.</summary>
    private static Dictionary<string, int> CodesAndNames(IReadOnlyList<NamedItem> items)
    {
        var byName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            byName.TryAdd(item.Code, item.Id);
        }
        foreach (var item in items)
        {
            byName.TryAdd(item.Name, item.Id);
        }
        return byName;
    }

    private sealed record FileRead(List<FeedbackItem> Items, List<ImportProblem> Problems);

    private static FileRead Read(string text, Dictionary<string, int> channels, Dictionary<string, int> stages, int personId, DateTime now,
        string source)
    {
        var items = new List<FeedbackItem>();
        var problems = new List<ImportProblem>();
        var options = CsvReaderOptions.Default with { TrackLineNumbers = true, MalformedData = CsvMalformedDataHandling.Throw };
        using var reader = CsvReader.FromText(text, options);
        var line = 1;
        try
        {
            var header = reader.Headers.ToList();
            if (header.Count == 0 || header.All(string.IsNullOrWhiteSpace))
            {
                return new FileRead(items, [new ImportProblem(0, null, "The file is empty.")]);
            }
            if (ColumnProblem(header) is { } columnProblem)
            {
                return new FileRead(items, [new ImportProblem(1, null, columnProblem)]);
            }
            var at = Columns.ToDictionary(c => c.Field, c => header.FindIndex(h => Normalise(h) == Normalise(c.Column)));
            var columnOf = Columns.ToDictionary(c => c.Field, c => c.Column);
            var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);
            while (reader.Read())
            {
                line = (int)reader.LineNumber;
                if (reader.FieldCount != header.Count)
                {
                    problems.Add(new ImportProblem(line, null, $"The line has {reader.FieldCount} fields where the header names {header.Count}: check its quotes and separators."));
                    continue;
                }
                string? Field(string field) => at[field] is >= 0 and var i && reader.GetString(i) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
                var rowLine = line;
                var rowProblems = problems.Count;
                void Problem(string field, string message)
                {
                    var column = field.Length == 0 ? null : columnOf.GetValueOrDefault(field, field);
                    // A value that could not be read is also missing to the shared rules (and a score that is not a
                    // number leaves its scale alone): one message per cell, and none about the row on top, is enough.
                    for (var i = rowProblems; i < problems.Count; i++)
                    {
                        if (column is null || problems[i].Column == column)
                        {
                            return;
                        }
                    }
                    problems.Add(new ImportProblem(rowLine, column, message));
                }

                var received = ReadReceivedAt(Field(FeedbackInputReader.ReceivedAt), Problem);
                var score = ReadScore(Field(FeedbackInputReader.Score), Problem);
                var externalId = Field(FeedbackInputReader.ExternalId);
                if (externalId is not null && !firstLineOf.TryAdd(FeedbackItem.KeyOf(externalId), line))
                {
                    Problem(FeedbackInputReader.ExternalId,
                        $"The external id '{externalId}' appears twice in the file (also line {firstLineOf[FeedbackItem.KeyOf(externalId)]}).");
                }
                var input = new FeedbackInput(externalId, received, Field(FeedbackInputReader.Channel), Field(FeedbackInputReader.JourneyStage),
                    Field(FeedbackInputReader.Source), Field(FeedbackInputReader.Category), Field(FeedbackInputReader.Sentiment),
                    Field(FeedbackInputReader.ScoreScale), score, Field(FeedbackInputReader.Verbatim), Field(FeedbackInputReader.CustomerRef));
                if (FeedbackInputReader.Read(input, channels, stages, Problem, personId, now, source) is { } item && problems.Count == rowProblems)
                {
                    items.Add(item);
                }
            }
        }
        catch (CsvFormatException)
        {
            problems.Add(new ImportProblem(line, null, "The file could not be read as CSV after this line: check its quotes and separators."));
        }
        return new FileRead(items, problems);
    }

    private static DateTimeOffset? ReadReceivedAt(string? text, Action<string, string> problem)
    {
        if (text is null)
        {
            return null;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var received))
        {
            return received;
        }
        problem(FeedbackInputReader.ReceivedAt, $"'{text}' is not a date and time: write it as 2026-03-14 09:30 (UTC) or 2026-03-14T09:30:00Z.");
        return null;
    }

    private static int? ReadScore(string? text, Action<string, string> problem)
    {
        if (text is null)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var score))
        {
            return score;
        }
        problem(FeedbackInputReader.Score, $"The score '{text}' is not a whole number.");
        return null;
    }

    private static string? ColumnProblem(IReadOnlyList<string> header)
    {
        var expected = "The first row must name the columns ReceivedAt, Channel, Source, Category and Verbatim, and may add JourneyStage, "
                       + "Sentiment, ScoreScale, Score, CustomerRef and ExternalId.";
        var known = Columns.Select(c => Normalise(c.Column)).ToHashSet(StringComparer.Ordinal);
        var unknown = header.Where(h => !known.Contains(Normalise(h))).ToList();
        if (unknown.Count > 0)
        {
            return $"The file has a column the import does not know: {string.Join(", ", unknown.Select(u => $"'{u.Trim()}'"))}. {expected}";
        }
        var names = header.Select(Normalise).ToList();
        var missing = Columns.Where(c => c.Required && !names.Contains(Normalise(c.Column))).Select(c => c.Column).ToList();
        if (missing.Count > 0)
        {
            return $"The file has no {string.Join(" or ", missing.Select(m => $"'{m}'"))} column. {expected}";
        }
        var repeated = names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        return repeated is null ? null : $"The column '{header.First(h => Normalise(h) == repeated.Key).Trim()}' appears twice. {expected}";
    }

    private static string Normalise(string name) =>
        name.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).Trim().ToLowerInvariant();
}
