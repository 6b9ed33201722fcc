using System.Globalization;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Metrics;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Feedback;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Hosting.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Api;

/// <summary>
/// Takes batches from survey tools and BI. A batch is checked as a whole first: with any bad item,
/// every problem is reported by the item's index and nothing is written; otherwise all of it is saved
/// in one transaction. Re-sending a batch is safe: feedback is matched on its external id, values on
/// their period and channel.
/// </summary>
public sealed class IngestionService(IDbContextFactory<CxDbContext> dbFactory, TimeProvider clock, FeedbackService feedback,
    AppMetrics metrics)
{
    public const int MaxItems = 1000;

    public async Task<Ingestion<FeedbackIngested>> IngestFeedbackAsync(FeedbackBatch batch, ApiClient client, CancellationToken ct = default)
    {
        var problems = new Problems();
        var inputs = batch.Items;
        if (BatchProblem(inputs, "items") is { } batchProblem)
        {
            problems.Add("items", batchProblem);
            return problems.Refusal<FeedbackIngested>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var channels = await db.Channels.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Id, StringComparer.OrdinalIgnoreCase, ct);
        var stages = await db.JourneyStages.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Id, StringComparer.OrdinalIgnoreCase, ct);
        var now = clock.GetUtcNow().UtcDateTime;

        var items = new List<(string ExternalId, FeedbackItem Item)>();
        var firstIndexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < inputs!.Count; index++)
        {
            var at = $"items[{index}]";
            if (inputs[index] is not { } input)
            {
                problems.Add(at, "The item is empty.");
                continue;
            }
            var externalId = input.ExternalId?.Trim();
            if (string.IsNullOrEmpty(externalId))
            {
                problems.Add($"{at}.externalId", "The external id is required.");
            }
            else if (!firstIndexOf.TryAdd(FeedbackItem.KeyOf(externalId), index))
            {
                problems.Add($"{at}.externalId",
                    $"The external id '{externalId}' appears twice in the batch (also item {firstIndexOf[FeedbackItem.KeyOf(externalId)]}).");
            }
            var item = FeedbackInputReader.Read(input, channels, stages,
                (field, problem) => problems.Add(field.Length == 0 ? at : $"{at}.{field}", problem), client.PersonId, now, client.Source);
            if (item is not null && !string.IsNullOrEmpty(externalId))
            {
                items.Add((externalId, item));
            }
        }
        if (problems.Any)
        {
            return problems.Refusal<FeedbackIngested>();
        }

        var present = await FeedbackService.StoredExternalIdsAsync(db, client.Source, items.Select(i => i.ExternalId), ct);
        var fresh = items.Where(i => !present.Contains(i.ExternalId)).Select(i => i.Item).ToList();
        db.Feedback.AddRange(fresh);
        var opened = await feedback.OpenFollowUpsAsync(fresh, db, ct);
        await ThemeTagging.TagAsync(fresh, db, ct);

        try
        {
            await db.SaveChangesAsync(client.Actor, clock, ct);
        }
        catch (DbUpdateException ex) when (DatabaseFailures.IsUniqueViolation(ex))
        {
            // The unique index on the external id refused an item another request stored at the same moment.
            throw new IngestionConflictException("Another request delivered some of these items at the same time. Nothing was saved: send the batch again.");
        }
        metrics.FeedbackIngested(FeedbackArrival.Api, fresh.Count);
        return Ingestion<FeedbackIngested>.Saved(new FeedbackIngested(fresh.Count, present.Count, opened.Opened,
            items.Select(i => i.ExternalId).Where(present.Contains).ToList()));
    }

    public async Task<Ingestion<MetricValuesIngested>> IngestMetricValuesAsync(string metricCode, MetricValueBatch batch, ApiClient client,
        CancellationToken ct = default)
    {
        var problems = new Problems();
        var inputs = batch.Values;
        if (BatchProblem(inputs, "values") is { } batchProblem)
        {
            problems.Add("values", batchProblem);
            return problems.Refusal<MetricValuesIngested>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var code = metricCode.Trim().ToUpperInvariant();
        var metricId = await db.Metrics.AsNoTracking().Where(m => m.Code == code).Select(m => (int?)m.Id).SingleOrDefaultAsync(ct);
        var metric = metricId is { } id ? await MetricsService.LoadAsync(db, id, ct) : null;
        if (metric is null)
        {
            problems.Add("code", $"There is no metric with the code '{metricCode}'.");
            return problems.Refusal<MetricValuesIngested>();
        }
        var channels = await db.Channels.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Id, StringComparer.OrdinalIgnoreCase, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var cadence = metric.Current.Cadence;

        var values = new List<(Period Period, int? ChannelId, double Value, int? SampleSize, double? Low, double? High)>();
        var firstIndexOf = new Dictionary<(Period, int?), int>();
        for (var index = 0; index < inputs!.Count; index++)
        {
            var at = $"values[{index}]";
            if (inputs[index] is not { } input)
            {
                problems.Add(at, "The value is empty.");
                continue;
            }
            var problemsBefore = problems.Count;
            if (!Period.TryParse(input.Period, out var period))
            {
                problems.Add($"{at}.period", $"'{input.Period}' is not a period: write a quarter as 2026-Q3, a month as 2026-09 or a week as 2026-W38.");
            }
            else if (period.Kind != cadence)
            {
                problems.Add($"{at}.period", $"{metric.Name} is recorded per {cadence.ToString().ToLowerInvariant()}; {period} is a {period.Kind.ToString().ToLowerInvariant()}.");
            }
            int? channelId = null;
            if (!string.IsNullOrWhiteSpace(input.Channel))
            {
                if (channels.TryGetValue(input.Channel.Trim(), out var found))
                {
                    channelId = found;
                }
                else
                {
                    problems.Add($"{at}.channel", $"There is no channel with the code '{input.Channel}'.");
                }
            }
            if (input.Value is not { } value || !double.IsFinite(value))
            {
                problems.Add($"{at}.value", "The value is required and must be a number.");
                continue;
            }
            if (problems.Count > problemsBefore)
            {
                continue;
            }
            if (!firstIndexOf.TryAdd((period, channelId), index))
            {
                problems.Add(at, $"{period} {(input.Channel ?? "total")} appears twice in the batch (also value {firstIndexOf[(period, channelId)]}).");
            }
            else if (MetricValue.Problem(metric, period, channelId, value, input.SampleSize, today, input.Low, input.High) is { } problem)
            {
                problems.Add(at, problem);
            }
            else
            {
                values.Add((period, channelId, value, input.SampleSize, input.Low, input.High));
            }
        }
        if (problems.Any)
        {
            return problems.Refusal<MetricValuesIngested>();
        }

        var recordedBy = client.ResponsiblePersonId ?? metric.OwnerPersonId;
        var starts = values.Select(v => v.Period.Start).Distinct().ToList();
        var existing = (await db.MetricValues
                .Where(v => v.MetricDefinitionId == metric.Id && v.PeriodKind == cadence && starts.Contains(v.PeriodStart))
                .ToListAsync(ct))
            .ToDictionary(v => (v.Period, v.ChannelId));
        int created = 0, updated = 0, unchanged = 0;
        foreach (var (period, channelId, value, sampleSize, low, high) in values)
        {
            if (!existing.TryGetValue((period, channelId), out var stored))
            {
                db.MetricValues.Add(MetricValue.Record(metric, period, channelId, value, sampleSize, recordedBy, now, today, low, high));
                created++;
            }
            else if (stored.Value.Equals(value) && stored.SampleSize == sampleSize && stored.Low == low && stored.High == high)
            {
                unchanged++;
            }
            else
            {
                stored.Correct(metric, value, sampleSize, recordedBy, now, today, low, high);
                updated++;
            }
        }

        try
        {
            await db.SaveChangesAsync(client.Actor, clock, ct);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || DatabaseFailures.IsUniqueViolation(ex))
        {
            // A value changed since it was read, or the same period's value was recorded by another request at the same moment.
            throw new IngestionConflictException($"Values of {metric.Name} were saved by someone else at the same moment. Nothing was saved: send the batch again.");
        }
        return Ingestion<MetricValuesIngested>.Saved(new MetricValuesIngested(created, updated, unchanged));
    }

    private static string? BatchProblem<T>(IReadOnlyList<T>? inputs, string name) => inputs switch
    {
        null or { Count: 0 } => $"Send at least one item in '{name}'.",
        { Count: > MaxItems } => string.Create(CultureInfo.InvariantCulture, $"A batch holds at most {MaxItems:N0} items; this one has {inputs.Count:N0}. Split it."),
        _ => null,
    };

    private sealed class Problems
    {
        private readonly Dictionary<string, List<string>> _byKey = new(StringComparer.Ordinal);

        public int Count { get; private set; }
        public bool Any => Count > 0;

        public void Add(string key, string problem)
        {
            if (!_byKey.TryGetValue(key, out var list))
            {
                _byKey[key] = list = [];
            }
            list.Add(problem);
            Count++;
        }

        public Ingestion<T> Refusal<T>() where T : class =>
            Ingestion<T>.Refused(_byKey.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal));
    }
}

/// <summary>Either what a batch saved, or every problem found in it by item (nothing saved).</summary>
public sealed record Ingestion<T>(T? Result, IReadOnlyDictionary<string, string[]> Problems) where T : class
{
    public static Ingestion<T> Saved(T result) => new(result, new Dictionary<string, string[]>());
    public static Ingestion<T> Refused(IReadOnlyDictionary<string, string[]> problems) => new(null, problems);
}

/// <summary>Another request saved some of the same data at the same moment; nothing was written.</summary>
public sealed class IngestionConflictException(string message) : Exception(message);
