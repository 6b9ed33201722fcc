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
/// Imports a survey export: a CSV file or an Excel workbook, up to 200 MB, whose columns an
/// <see cref="ImportMapping"/> maps onto feedback. The file is spooled to disk and read twice as a stream: first
/// checked whole, by the same rules as the API's batches (with any bad row every problem is reported by line and
/// column and nothing is written), then written with the prepared bulk INSERT (SqlBulkCopy on SQL Server) in one
/// transaction. Rows whose external id is already stored are skipped, and detractors and complaints get their
/// follow-ups. This is the one place imported feedback is written.
/// </summary>
public sealed class FeedbackImporter(IDbContextFactory<CxDbContext> dbFactory, TimeProvider clock, FeedbackService feedback,
    AppMetrics metrics)
{
    public const long MaxFileBytes = ImportFile.MaxBytes;

    /// <summary>Problems listed one by one; past this many the rest are counted, since a wrong mapping has one on every line.</summary>
    public const int MaxProblemsShown = 100;

    /// <summary>The rows a preview shows as they will be stored.</summary>
    public const int PreviewRows = 20;

    /// <summary>Rows handed to the follow-up rules and the bulk writer at a time: the file is never held whole.</summary>
    private const int WriteBatch = 2000;

    /// <summary>The survey source an import names when the person names none.</summary>
    public const string DefaultSource = "CSV import";

    public const int MaxSourceLength = 100;

    /// <summary>Whom an import's external ids belong to: kept apart from the API's sources, so an import never claims a key's ids.</summary>
    public static string SourceOf(string? surveySource) =>
        $"Import: {(string.IsNullOrWhiteSpace(surveySource) ? DefaultSource : surveySource.Trim())}";

    /// <summary>
    /// Imports a file in one step, mapped by <see cref="ImportMapping.Guess"/>: CX Dashboard's own column names
    /// (ReceivedAt, Channel, Source, Category, Verbatim, …) map themselves.
    /// </summary>
    /// <param name="surveySource">The survey tool the file was exported from; its external ids are unique within it.</param>
    public async Task<FeedbackImportResult> ImportAsync(Caller caller, string fileName, Stream content, string? surveySource = null,
        CancellationToken ct = default)
    {
        RequireMayImport(caller);
        try
        {
            await using var file = await ImportFile.SpoolAsync(content, fileName, ct: ct);
            var mapping = ImportMapping.Guess(ReadLayout(file));
            return await ImportAsync(caller, file, null, mapping, surveySource, null, ct);
        }
        catch (ImportRefusedException ex)
        {
            return FeedbackImportResult.Refused(ex.Message);
        }
    }

    /// <summary>The layout of the start of a sheet: recognised, or with the header rows the person chose.</summary>
    /// <exception cref="ImportRefusedException">The file cannot be read as what its name says it is.</exception>
    public static SheetLayout ReadLayout(ImportFile file, string? sheet = null, int? headerRows = null, int? nameRow = null)
    {
        using var reader = SheetReader.Open(file, sheet);
        return SheetLayout.Read(reader, headerRows, nameRow);
    }

    /// <summary>Checks the whole file as <paramref name="mapping"/> reads it and shows its first rows as they will be stored; writes nothing.</summary>
    public async Task<FeedbackImportPreview> PreviewAsync(Caller caller, ImportFile file, string? sheet, ImportMapping mapping, string? surveySource,
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        using var activity = AppActivities.Source.StartActivity("Preview feedback import");
        RequireMayImport(caller);
        if (SourceProblem(surveySource) is { } sourceProblem)
        {
            return FeedbackImportPreview.Refused(sourceProblem);
        }
        try
        {
            var lookups = await feedback.GetLookupsAsync(ct);
            var personId = caller.RequirePersonId();
            var now = clock.GetUtcNow().UtcDateTime;
            using var ids = new ExternalIdLedger();
            // Off the caller's thread: a page's circuit keeps answering (and showing the progress) while a large file is read.
            var check = await Task.Run(() => Check(file, sheet, mapping, Lookup.Of(lookups), personId, now, SourceOf(surveySource), ids,
                progress is null ? null : new InlineProgress<double>(f => progress.Report(new ImportProgress("Checking", f))), ct), ct);
            if (check.Problems.Count > 0)
            {
                return new FeedbackImportPreview(check.Rows, 0, [], check.Problems, check.ProblemsNotShown);
            }
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var alreadyImported = 0;
            foreach (var chunk in ids.Chunks(FeedbackService.ExternalIdsPerLookup))
            {
                alreadyImported += (await FeedbackService.StoredIdsAsync(db, SourceOf(surveySource), chunk, ct)).Count;
            }
            var shownStored = await FeedbackService.StoredIdsAsync(db, SourceOf(surveySource),
                check.FirstItems.Select(x => x.Item.ExternalKey).OfType<string>(), ct);
            var channelNames = lookups.Channels.ToDictionary(c => c.Id, c => c.Name);
            var stageNames = lookups.Stages.ToDictionary(s => s.Id, s => s.Name);
            var rows = check.FirstItems.Select(x => new PreviewRow(x.Line, x.Item.ReceivedAt, channelNames[x.Item.ChannelId],
                x.Item.JourneyStageId is { } stage ? stageNames[stage] : null, x.Item.Source.ToString(), x.Item.Category.ToString(),
                x.Item.Sentiment.ToString(), x.Item.ScoreScale is null ? null : FeedbackLabels.Score(x.Item.ScoreScale, x.Item.Score, x.Item.ScoreBand), x.Item.Verbatim,
                x.Item.CustomerRef, x.Item.ExternalId, x.Item.NeedsFollowUp && (x.Item.ExternalKey is null || !shownStored.ContainsKey(x.Item.ExternalKey)))).ToList();
            return new FeedbackImportPreview(check.Rows, alreadyImported, rows, [], 0);
        }
        catch (ImportRefusedException ex)
        {
            return FeedbackImportPreview.Refused(ex.Message);
        }
    }

    /// <summary>Checks the whole file, then, only if every row is good, writes it in one transaction.</summary>
    public async Task<FeedbackImportResult> ImportAsync(Caller caller, ImportFile file, string? sheet, ImportMapping mapping, string? surveySource,
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        using var activity = AppActivities.Source.StartActivity("Import feedback");
        RequireMayImport(caller);
        var personId = caller.RequirePersonId();
        if (SourceProblem(surveySource) is { } sourceProblem)
        {
            return FeedbackImportResult.Refused(sourceProblem);
        }
        var source = SourceOf(surveySource);
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            var lookup = Lookup.Of(await feedback.GetLookupsAsync(ct));
            FileCheck check;
            using (var ids = new ExternalIdLedger())
            {
                check = await Task.Run(() => Check(file, sheet, mapping, lookup, personId, now, source, ids,
                    progress is null ? null : new InlineProgress<double>(f => progress.Report(new ImportProgress("Checking", f))), ct), ct);
            }
            if (check.Problems.Count > 0)
            {
                return FeedbackImportResult.Refused(check.Problems, check.ProblemsNotShown);
            }
            if (check.Rows == 0)
            {
                return FeedbackImportResult.Refused("The file has a header row but no feedback.");
            }

            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var write = new Written();
            try
            {
                // A commit whose acknowledgement is lost is recognised by the import's id on its audit entry, so a
                // retry never imports the file a second time.
                await db.Database.CreateExecutionStrategy().ExecuteAsync(Guid.NewGuid(),
                    async (_, importId, token) =>
                    {
                        await using var attempt = await dbFactory.CreateDbContextAsync(token);
                        write = new Written();
                        await WriteAsync(attempt, caller, file, sheet, mapping, lookup, now, source, importId, write,
                            progress is null ? null : new InlineProgress<double>(f => progress.Report(new ImportProgress("Importing", f))), token);
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
            var imported = write.Rows;
            metrics.FeedbackIngested(FeedbackArrival.Import, imported);
            activity?.SetTag("cxdashboard.feedback.imported", imported);
            return new FeedbackImportResult(true, imported, write.Skipped, write.FollowUpsOpened, write.WithoutOwner, [], 0);
        }
        catch (ImportRefusedException ex)
        {
            return FeedbackImportResult.Refused(ex.Message);
        }
    }

    private static void RequireMayImport(Caller caller)
    {
        if (!FeedbackService.MayRecord(caller))
        {
            throw new NotAllowedException("Only a CX lead, a channel lead or a contributor imports feedback.");
        }
    }

    private static string? SourceProblem(string? surveySource) => surveySource?.Trim().Length > MaxSourceLength
        ? string.Create(CultureInfo.InvariantCulture, $"The survey source's name is longer than {MaxSourceLength} characters. Shorten it.")
        : null;

    /// <summary>What an attempt wrote, counted as it goes: an attempt whose commit went through but was not acknowledged has still counted it.</summary>
    private sealed class Written
    {
        public int Rows { get; set; }
        public int Skipped { get; set; }
        public int FollowUpsOpened { get; set; }
        public int WithoutOwner { get; set; }
        public Dictionary<int, int> FollowUpsByOwner { get; } = [];
        public Dictionary<(int ChannelId, int? OwnerId), int> DetractorsByChannel { get; } = [];
    }

    private async Task WriteAsync(CxDbContext db, Caller caller, ImportFile file, string? sheet, ImportMapping mapping, Lookup lookup, DateTime now,
        string source, Guid importId, Written written, IProgress<double>? progress, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            int? firstId = null, lastId = null;
            await using (var writer = new FeedbackBulkWriter(db, transaction.GetDbTransaction(), returnIds: true))
            {
                var batch = new List<FeedbackItem>(WriteBatch);
                // Which rows were imported before is looked up a batch at a time, inside the transaction, rather than held
                // for the whole file beforehand.
                async Task FlushAsync()
                {
                    var stored = await FeedbackService.StoredIdsAsync(db, source, batch.Select(i => i.ExternalKey).OfType<string>(), ct);
                    written.Skipped += batch.RemoveAll(i => i.ExternalKey is { } key && stored.ContainsKey(key));
                    var followUps = await feedback.OpenFollowUpsAsync(batch, db, ct);
                    written.FollowUpsOpened += followUps.Opened;
                    foreach (var owner in batch.Where(i => i.FollowUpStatus is FollowUpStatus.Open).Select(i => i.FollowUpOwnerPersonId))
                    {
                        if (owner is { } ownerId)
                        {
                            written.FollowUpsByOwner[ownerId] = written.FollowUpsByOwner.GetValueOrDefault(ownerId) + 1;
                        }
                    }
                    written.WithoutOwner += followUps.WithoutOwner.Count;
                    foreach (var item in batch.Where(i => i.NeedsFollowUp))
                    {
                        var key = (item.ChannelId, item.FollowUpOwnerPersonId);
                        written.DetractorsByChannel[key] = written.DetractorsByChannel.GetValueOrDefault(key) + 1;
                    }
                    foreach (var item in batch)
                    {
                        await writer.WriteAsync(item, ct);
                    }
                    written.Rows += batch.Count;
                    batch.Clear();
                }
                // The file was checked whole a moment ago and is the app's own copy: every row reads again as it did then.
                foreach (var item in Items(file, sheet, mapping, lookup, caller.PersonId, now, source, progress, ct))
                {
                    batch.Add(item);
                    if (batch.Count == WriteBatch)
                    {
                        await FlushAsync();
                    }
                }
                await FlushAsync();
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
            var name = file.Name.Length > 120 ? file.Name[..120] : file.Name;
            var range = firstId is { } first && lastId is { } last ? string.Create(CultureInfo.InvariantCulture, $"{first}–{last}") : "none";
            db.AddAuditEntry(importId, new AuditEntry(now, caller.PersonId, caller.Name, nameof(FeedbackItem), range, AuditAction.Created,
                string.Create(CultureInfo.InvariantCulture,
                    $"Imported {written.Rows:N0} feedback items from '{name}' (ids {range}); {written.Skipped:N0} already imported were skipped."),
                null,
                JsonSerializer.Serialize(new { File = name, Imported = written.Rows, Skipped = written.Skipped, FirstId = firstId, LastId = lastId })));
            // Through the same bulk write as an API batch's: a channel's team of thousands is told of an import in one go.
            await NotificationBulkWriter.WriteAsync(db, transaction.GetDbTransaction(),
            [
                .. NotificationRecorder.ImportedFollowUps(written.FollowUpsByOwner, name, caller.ToAuditActor(), now, db.NotifiesByEmail),
                .. await NotificationEvents.ImportedDetractorsAsync(db, written.DetractorsByChannel, name, caller.ToAuditActor(), now, db.NotifiesByEmail, ct),
            ], ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Channel and journey stage ids by code and by name.</summary>
    private sealed record Lookup(Dictionary<string, int> Channels, Dictionary<string, int> Stages)
    {
        public static Lookup Of(FeedbackLookups lookups) => new(CodesAndNames(lookups.Channels), CodesAndNames(lookups.Stages));
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

    private sealed record FileCheck(int Rows, List<(int Line, FeedbackItem Item)> FirstItems, List<ImportProblem> Problems, int ProblemsNotShown);

    /// <summary>
    /// Reads every row of the file as <paramref name="mapping"/> says, keeping only the problems and the first rows;
    /// the external ids go to <paramref name="ids"/>, on disk.
    /// </summary>
    private static FileCheck Check(ImportFile file, string? sheet, ImportMapping mapping, Lookup lookup, int personId, DateTime now, string source,
        ExternalIdLedger ids, IProgress<double>? progress, CancellationToken ct)
    {
        var layout = ReadLayout(file, sheet, mapping.HeaderRows, mapping.NameRow);
        if (layout.Columns.Count == 0 || layout.Columns.All(c => c.Name.StartsWith("Column ", StringComparison.Ordinal) && c.Samples.Count == 0))
        {
            return new FileCheck(0, [], [new ImportProblem(0, null, "The file is empty.")], 0);
        }
        if (mapping.ProblemsWith(layout) is { Count: > 0 } mappingProblems)
        {
            return new FileCheck(0, [], mappingProblems.Select(p => new ImportProblem(0, null, p)).ToList(), 0);
        }
        var bound = mapping.Bind(layout);
        var problems = new List<ImportProblem>();
        var problemCount = 0;
        var firstItems = new List<(int, FeedbackItem)>();
        var rows = 0;
        using var reader = SheetReader.Open(file, sheet);
        SkipHeader(reader, bound);
        var width = layout.Columns.Count;
        var line = 0;
        var reported = new List<string?>();
        void Problem(string field, string message)
        {
            var column = field.Length == 0 ? null : bound.ColumnOf(field);
            // A value that could not be read is also missing to the shared rules (and a score that is not a
            // number leaves its scale alone): one message per cell, and none about the row on top, is enough.
            if (reported.Count > 0 && (column is null || reported.Contains(column)))
            {
                return;
            }
            reported.Add(column);
            problemCount++;
            if (problems.Count < MaxProblemsShown)
            {
                problems.Add(new ImportProblem(line, column, message));
            }
        }

        while (reader.Read())
        {
            line = reader.Line;
            reported.Clear();
            if (file.Kind == ImportFileKind.Csv && reader.FieldCount != width)
            {
                rows++;
                Problem(FeedbackInputReader.Whole, string.Create(CultureInfo.InvariantCulture,
                    $"The line has {reader.FieldCount} fields where the header names {width}: check its quotes and separators."));
                continue;
            }
            if (bound.Read(reader, Problem) is not { } input)
            {
                continue;
            }
            rows++;
            if (input.ExternalId is { } externalId)
            {
                if (ids.Add(FeedbackItem.KeyOf(externalId), line) is { } firstLine)
                {
                    Problem(FeedbackInputReader.ExternalId,
                        string.Create(CultureInfo.InvariantCulture, $"The external id '{externalId}' appears twice in the file (also line {firstLine})."));
                }
            }
            if (FeedbackInputReader.Read(input, lookup.Channels, lookup.Stages, Problem, personId, now, source) is { } item
                && reported.Count == 0 && firstItems.Count < PreviewRows)
            {
                firstItems.Add((line, item));
            }
            if (rows % 4096 == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Report(reader.Progress);
            }
        }
        progress?.Report(1);
        return new FileCheck(rows, firstItems, problems, problemCount - problems.Count);
    }

    /// <summary>The file's rows as feedback items, read again after <see cref="Check"/> found every one of them good.</summary>
    private static IEnumerable<FeedbackItem> Items(ImportFile file, string? sheet, ImportMapping mapping, Lookup lookup, int? personId, DateTime now,
        string source, IProgress<double>? progress, CancellationToken ct)
    {
        var bound = mapping.Bind(ReadLayout(file, sheet, mapping.HeaderRows, mapping.NameRow));
        using var reader = SheetReader.Open(file, sheet);
        SkipHeader(reader, bound);
        var rows = 0;
        while (reader.Read())
        {
            if (bound.Read(reader, Unexpected) is { } input
                && FeedbackInputReader.Read(input, lookup.Channels, lookup.Stages, Unexpected, personId, now, source) is { } item)
            {
                yield return item;
                if (++rows % 4096 == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    progress?.Report(reader.Progress);
                }
            }
        }
        progress?.Report(1);
    }

    private static void Unexpected(string field, string message) =>
        throw new InvalidOperationException($"A row that was checked a moment ago no longer reads ({field}: {message}).");

    private static void SkipHeader(SheetReader reader, BoundMapping bound)
    {
        for (var skipped = 0; skipped < bound.HeaderRows && reader.Read(); skipped++)
        {
        }
    }
}
