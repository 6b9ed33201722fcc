using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Statistics;
using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Metrics;

/// <summary>How a metric's values are found: recorded per cadence and rolled up, or computed from feedback scores.</summary>
internal sealed record SeriesSource(int MetricId, PeriodKind Cadence, Aggregation Aggregation, ScoreScale? ComputedFrom, IReadOnlyList<int> ChannelIds)
{
    public static SeriesSource Of(MetricRevision revision) => new(
        revision.MetricDefinitionId, revision.Cadence, revision.Aggregation, revision.ComputedFrom, revision.ChannelIds);
}

/// <summary>Which values to read: every channel and the total, or only one channel (null: the total).</summary>
internal readonly record struct ChannelScope(bool AllChannels, int? ChannelId)
{
    public static readonly ChannelScope Everything = new(true, null);

    public static ChannelScope Only(int? channelId) => new(false, channelId);

    public bool Includes(int? channelId) => AllChannels || channelId == ChannelId;
}

/// <summary>
/// A metric's value for one period at the grain asked for, on a channel or (null) in total, with the
/// answers behind it and its 95% interval when known. A computed value keeps its counts
/// (<see cref="Sample"/>) so that a change between two periods is tested on them.
/// </summary>
internal sealed record SeriesValue(int MetricId, int? ChannelId, Period Period, double Value, int? SampleSize,
    double? Low = null, double? High = null, Sample? Sample = null)
{
    public Estimate Figure => new(Value, SampleSize, Low, High);

    /// <summary>The change from an earlier value: tested on the counts when both have them, else on the intervals.</summary>
    public Change ChangeFrom(SeriesValue before, int minimumSampleSize) =>
        Sample is { } now && before.Sample is { } then && now.GetType() == then.GetType()
            ? now.ChangeFrom(then, minimumSampleSize)
            : Change.Between(before.Figure, Figure, minimumSampleSize);
}

/// <summary>
/// Reads metric values per period, aggregated by the database: recorded values are grouped per
/// period of the grain asked for and rolled up by each metric's <see cref="Aggregation"/>; computed
/// metrics sum the feedback's daily score counts (<see cref="FeedbackDayCounts"/>) per channel and day
/// or month, and the sums are combined with the Domain's <see cref="Scores"/> formulas.
/// </summary>
internal static class MetricValueSeries
{
    /// <param name="grain">At least as coarse as every recorded metric's cadence: values are never split.</param>
    public static async Task<List<SeriesValue>> LoadAsync(CxDbContext db, IReadOnlyList<SeriesSource> sources, ChannelScope scope,
        PeriodKind grain, DateOnly from, DateOnly toExclusive, CancellationToken ct)
    {
        var result = new List<SeriesValue>();
        var recorded = sources.Where(s => s.ComputedFrom is null).ToList();
        if (recorded.Count > 0)
        {
            result.AddRange(await RecordedAsync(db, recorded, scope, grain, from, toExclusive, ct));
        }
        var computed = sources.Where(s => s.ComputedFrom is not null).ToList();
        if (computed.Count > 0)
        {
            result.AddRange(await ComputedAsync(db, computed, scope, grain, from, toExclusive, ct));
        }
        return result;
    }

    /// <summary>The most recent recorded value of each metric, at its cadence, for the channel in scope.</summary>
    public static async Task<Dictionary<int, SeriesValue>> LatestRecordedAsync(CxDbContext db, IReadOnlyList<SeriesSource> sources,
        int? channelId, CancellationToken ct)
    {
        var recorded = sources.Where(s => s.ComputedFrom is null).ToDictionary(s => s.MetricId);
        if (recorded.Count == 0)
        {
            return [];
        }
        var ids = recorded.Keys.ToList();
        var scoped = InScope(db.MetricValues.AsNoTracking().Where(v => ids.Contains(v.MetricDefinitionId)), ChannelScope.Only(channelId));
        var latestStarts = await scoped
            .GroupBy(v => new { v.MetricDefinitionId, v.PeriodKind })
            .Select(g => new { g.Key.MetricDefinitionId, g.Key.PeriodKind, Start = g.Max(v => v.PeriodStart) })
            .ToListAsync(ct);
        var wanted = latestStarts
            .Where(l => recorded[l.MetricDefinitionId].Cadence == l.PeriodKind)
            .ToDictionary(l => l.MetricDefinitionId, l => l.Start);
        if (wanted.Count == 0)
        {
            return [];
        }
        var starts = wanted.Values.Distinct().ToList();
        var rows = await scoped
            .Where(v => starts.Contains(v.PeriodStart))
            .Select(v => new { v.MetricDefinitionId, v.ChannelId, v.Period, v.PeriodKind, v.PeriodStart, v.Value, v.SampleSize, v.Low, v.High })
            .ToListAsync(ct);
        return rows
            .Where(r => wanted.TryGetValue(r.MetricDefinitionId, out var start) && start == r.PeriodStart
                        && recorded[r.MetricDefinitionId].Cadence == r.PeriodKind)
            .ToDictionary(r => r.MetricDefinitionId, r => new SeriesValue(r.MetricDefinitionId, r.ChannelId, r.Period, r.Value, r.SampleSize, r.Low, r.High));
    }

    private static IQueryable<MetricValue> InScope(IQueryable<MetricValue> values, ChannelScope scope)
    {
        if (scope.AllChannels)
        {
            return values;
        }
        var channelId = scope.ChannelId;
        return channelId is null ? values.Where(v => v.ChannelId == null) : values.Where(v => v.ChannelId == channelId);
    }

    private static async Task<IEnumerable<SeriesValue>> RecordedAsync(CxDbContext db, List<SeriesSource> sources, ChannelScope scope,
        PeriodKind grain, DateOnly from, DateOnly toExclusive, CancellationToken ct)
    {
        var byId = sources.ToDictionary(s => s.MetricId);
        // A roll-up to the latest value needs the values' dates, which the kept sums do not have.
        var kept = db.Database.IsSqlite() && KeptFiguresServe(scope, grain, from, toExclusive)
            ? byId.Values.Where(s => s.Aggregation != Aggregation.Latest).ToDictionary(s => s.MetricId)
            : [];
        var summed = byId.Values.Where(s => !kept.ContainsKey(s.MetricId)).ToDictionary(s => s.MetricId);
        var totals = new List<RecordedTotals>();
        if (kept.Count > 0)
        {
            totals.AddRange(await KeptTotalsAsync(db, kept, scope.ChannelId, from, toExclusive, ct));
        }
        if (summed.Count > 0)
        {
            totals.AddRange(await SummedTotalsAsync(db, summed, scope, grain, from, toExclusive, ct));
        }

        var latest = await LatestInBucketsAsync(db, totals.Where(t => t.Count > 1 && byId[t.MetricId].Aggregation == Aggregation.Latest).ToList(), scope, ct);

        return totals.Select(t =>
        {
            var period = BucketPeriod(grain, t.Year, t.Part, t.Day);
            return byId[t.MetricId].Aggregation switch
            {
                Aggregation.Sum => WithInterval(new SeriesValue(t.MetricId, t.ChannelId, period, t.Sum, t.Answers), t, t.SpreadSquares, 1),
                Aggregation.WeightedBySample => WithInterval(new SeriesValue(t.MetricId, t.ChannelId, period, t.WeightedSum / t.WeightSum, t.Answers),
                    t, t.WeightedSpreadSquares, t.WeightSum),
                Aggregation.Latest when t.Count > 1 => latest[(t.MetricId, t.ChannelId, t.LatestStart)] with { Period = period },
                _ => WithInterval(new SeriesValue(t.MetricId, t.ChannelId, period, t.Sum / t.Count, t.Answers), t, t.SpreadSquares, t.Count),
            };
        });
    }

    /// <summary>
    /// Whole quarters on one channel (or the total), as the dashboard and the scorecard ask for every agreed metric: on
    /// SQLite the sums kept per quarter (<see cref="MetricQuarterFigures"/>) serve them, one row per metric and quarter
    /// instead of every value grouped.
    /// </summary>
    private static bool KeptFiguresServe(ChannelScope scope, PeriodKind grain, DateOnly from, DateOnly toExclusive) =>
        grain == PeriodKind.Quarter && !scope.AllChannels
        && Period.Containing(from, PeriodKind.Quarter).Start == from && Period.Containing(toExclusive, PeriodKind.Quarter).Start == toExclusive;

    private static async Task<List<RecordedTotals>> KeptTotalsAsync(CxDbContext db, Dictionary<int, SeriesSource> byId, int? channelId,
        DateOnly from, DateOnly toExclusive, CancellationToken ct) =>
        (await MetricQuarterFigures.ReadAsync(db, channelId, from, toExclusive, ct))
            .Where(f => byId.TryGetValue(f.MetricDefinitionId, out var source) && (int)source.Cadence == f.PeriodKind)
            .Select(f => new RecordedTotals(f.MetricDefinitionId, channelId, (PeriodKind)f.PeriodKind, f.Year, f.QuarterOfYear, 0,
                (int)f.Count, f.Sum, f.WeightedSum, f.WeightSum, (int)f.SampleSum, default, f.WithInterval,
                f.SpreadSquares, f.WeightedSpreadSquares, f.LowSum, f.HighSum, f.WithSampleSize))
            .ToList();

    private static async Task<List<RecordedTotals>> SummedTotalsAsync(CxDbContext db, Dictionary<int, SeriesSource> byId, ChannelScope scope,
        PeriodKind grain, DateOnly from, DateOnly toExclusive, CancellationToken ct)
    {
        var ids = byId.Keys.ToList();
        var kinds = byId.Values.Select(s => s.Cadence).Distinct().ToList();
        var values = InScope(db.MetricValues.AsNoTracking()
            .Where(v => ids.Contains(v.MetricDefinitionId) && kinds.Contains(v.PeriodKind) && v.PeriodStart >= from && v.PeriodStart < toExclusive), scope);

        // Each value falls in the period of the grain that contains its first day.
        var bucketed = grain switch
        {
            PeriodKind.Quarter => values.Select(v => new RecordedBucket
            {
                MetricId = v.MetricDefinitionId, ChannelId = v.ChannelId, Kind = v.PeriodKind, Year = v.PeriodStart.Year,
                Part = (v.PeriodStart.Month + 2) / 3, Day = 0, Start = v.PeriodStart, Value = v.Value, SampleSize = v.SampleSize, Low = v.Low, High = v.High,
            }),
            PeriodKind.Month => values.Select(v => new RecordedBucket
            {
                MetricId = v.MetricDefinitionId, ChannelId = v.ChannelId, Kind = v.PeriodKind, Year = v.PeriodStart.Year,
                Part = v.PeriodStart.Month, Day = 0, Start = v.PeriodStart, Value = v.Value, SampleSize = v.SampleSize, Low = v.Low, High = v.High,
            }),
            _ => values.Select(v => new RecordedBucket
            {
                MetricId = v.MetricDefinitionId, ChannelId = v.ChannelId, Kind = v.PeriodKind, Year = v.PeriodStart.Year,
                Part = v.PeriodStart.Month, Day = v.PeriodStart.Day, Start = v.PeriodStart, Value = v.Value, SampleSize = v.SampleSize, Low = v.Low, High = v.High,
            }),
        };
        return (await bucketed
            .GroupBy(b => new { b.MetricId, b.ChannelId, b.Kind, b.Year, b.Part, b.Day })
            .Select(g => new RecordedTotals(
                g.Key.MetricId, g.Key.ChannelId, g.Key.Kind, g.Key.Year, g.Key.Part, g.Key.Day,
                g.Count(),
                g.Sum(b => b.Value),
                g.Sum(b => b.Value * (b.SampleSize ?? 1)),
                g.Sum(b => (double)(b.SampleSize ?? 1)),
                g.Sum(b => b.SampleSize),
                g.Max(b => b.Start),
                g.Sum(b => b.Low != null && b.High != null ? 1 : 0),
                g.Sum(b => (b.High - b.Low) * (b.High - b.Low)),
                g.Sum(b => (b.High - b.Low) * (b.High - b.Low) * (b.SampleSize ?? 1) * (b.SampleSize ?? 1)),
                g.Min(b => b.Low),
                g.Max(b => b.High),
                g.Sum(b => b.SampleSize != null ? 1 : 0)))
            .ToListAsync(ct))
            .Where(t => byId[t.MetricId].Cadence == t.Kind)
            .ToList();
    }

    /// <summary>
    /// The interval of recorded values rolled up into one, when every one of them has an interval. A single
    /// value keeps its own. For several, each half-width is taken as 1.96 standard errors of an independent
    /// reading, so the roll-up's half-width is the root of the sum of their (weighted) squared widths, halved,
    /// over the roll-up's divisor.
    /// </summary>
    private static SeriesValue WithInterval(SeriesValue value, RecordedTotals totals, double? squaredWidths, double divisor)
    {
        if (totals.WithInterval != totals.Count || squaredWidths is not { } squares)
        {
            return value;
        }
        if (totals.Count == 1)
        {
            return value with { Low = totals.LowestLow, High = totals.HighestHigh };
        }
        var halfWidth = Math.Sqrt(squares) / 2 / divisor;
        return value with { Low = value.Value - halfWidth, High = value.Value + halfWidth };
    }

    /// <summary>The value at the last recorded start of each bucket, for metrics whose roll-up is the latest value.</summary>
    private static async Task<Dictionary<(int, int?, DateOnly), SeriesValue>> LatestInBucketsAsync(CxDbContext db,
        List<RecordedTotals> buckets, ChannelScope scope, CancellationToken ct)
    {
        if (buckets.Count == 0)
        {
            return [];
        }
        var ids = buckets.Select(b => b.MetricId).Distinct().ToList();
        var starts = buckets.Select(b => b.LatestStart).Distinct().ToList();
        var rows = await InScope(db.MetricValues.AsNoTracking()
                .Where(v => ids.Contains(v.MetricDefinitionId) && starts.Contains(v.PeriodStart)), scope)
            .Select(v => new { v.MetricDefinitionId, v.ChannelId, v.PeriodKind, v.PeriodStart, v.Period, v.Value, v.SampleSize, v.Low, v.High })
            .ToListAsync(ct);
        var kinds = buckets.ToDictionary(b => (b.MetricId, b.ChannelId, b.LatestStart), b => b.Kind);
        return rows
            .Where(r => kinds.TryGetValue((r.MetricDefinitionId, r.ChannelId, r.PeriodStart), out var kind) && kind == r.PeriodKind)
            .ToDictionary(r => (r.MetricDefinitionId, r.ChannelId, r.PeriodStart),
                r => new SeriesValue(r.MetricDefinitionId, r.ChannelId, r.Period, r.Value, r.SampleSize, r.Low, r.High));
    }

    private static Period BucketPeriod(PeriodKind grain, int year, int part, int day) => grain switch
    {
        PeriodKind.Quarter => Period.Quarter(year, part),
        PeriodKind.Month => Period.Month(year, part),
        _ => Period.Containing(new DateOnly(year, part, day), PeriodKind.Week),
    };

    private static async Task<IEnumerable<SeriesValue>> ComputedAsync(CxDbContext db, List<SeriesSource> sources, ChannelScope scope,
        PeriodKind grain, DateOnly from, DateOnly toExclusive, CancellationToken ct)
    {
        var scales = sources.Select(s => s.ComputedFrom!.Value).Distinct().ToList();
        var channelIds = sources.SelectMany(s => s.ChannelIds).Distinct()
            .Where(c => scope.AllChannels || scope.ChannelId is null || scope.ChannelId == c)
            .ToList();
        // The database's daily counts per scale, channel and score (FeedbackDayCounts), never the feedback itself.
        var scored = db.FeedbackDailyScores.AsNoTracking().Where(s =>
            scales.Contains(s.ScoreScale) && s.Day >= from && s.Day < toExclusive && channelIds.Contains(s.ChannelId));

        // Months are enough for months and quarters; weeks need days, since a month holds parts of several weeks.
        List<ScoreCounts> counts;
        if (grain == PeriodKind.Week)
        {
            counts = await scored
                .GroupBy(s => new { s.ScoreScale, s.ChannelId, s.Day })
                .Select(g => new ScoreCounts(
                    g.Key.ScoreScale, g.Key.ChannelId, g.Key.Day,
                    g.Sum(s => s.Count),
                    g.Sum(s => s.Score >= 9 ? s.Count : 0),
                    g.Sum(s => s.Score <= 6 ? s.Count : 0),
                    g.Sum(s => s.Score >= 4 ? s.Count : 0),
                    g.Sum(s => s.Score * s.Count),
                    g.Sum(s => (long)s.Score * s.Score * s.Count)))
                .ToListAsync(ct);
        }
        else
        {
            var byMonth = await scored
                .GroupBy(s => new { s.ScoreScale, s.ChannelId, s.Day.Year, s.Day.Month })
                .Select(g => new
                {
                    g.Key.ScoreScale, g.Key.ChannelId, g.Key.Year, g.Key.Month,
                    Responses = g.Sum(s => s.Count),
                    Promoters = g.Sum(s => s.Score >= 9 ? s.Count : 0),
                    Detractors = g.Sum(s => s.Score <= 6 ? s.Count : 0),
                    Satisfied = g.Sum(s => s.Score >= 4 ? s.Count : 0),
                    ScoreSum = g.Sum(s => s.Score * s.Count),
                    SquareSum = g.Sum(s => (long)s.Score * s.Score * s.Count),
                })
                .ToListAsync(ct);
            counts = byMonth.Select(m => new ScoreCounts(m.ScoreScale, m.ChannelId, new DateOnly(m.Year, m.Month, 1),
                m.Responses, m.Promoters, m.Detractors, m.Satisfied, m.ScoreSum, m.SquareSum)).ToList();
        }

        var byPeriod = counts
            .GroupBy(c => (c.Scale, c.ChannelId, Period: Period.Containing(c.Day, grain)))
            .ToDictionary(g => g.Key, g => g.Aggregate(ScoreCounts.Zero, (sum, c) => sum.Plus(c)));
        var periods = byPeriod.Keys.Select(k => k.Period).Distinct().ToList();

        var result = new List<SeriesValue>();
        foreach (var source in sources)
        {
            var scale = source.ComputedFrom!.Value;
            foreach (var period in periods)
            {
                var perChannel = source.ChannelIds
                    .Select(c => (Channel: c, Counts: byPeriod.GetValueOrDefault((scale, c, period))))
                    .Where(x => x.Counts is not null)
                    .ToList();
                foreach (var (channel, channelCounts) in perChannel.Where(x => scope.Includes(x.Channel)))
                {
                    AddComputed(result, source.MetricId, channel, period, scale, channelCounts!);
                }
                if (scope.Includes(null) && perChannel.Count > 0)
                {
                    var total = perChannel.Aggregate(ScoreCounts.Zero, (sum, x) => sum.Plus(x.Counts!));
                    AddComputed(result, source.MetricId, null, period, scale, total);
                }
            }
        }
        return result;
    }

    private static void AddComputed(List<SeriesValue> result, int metricId, int? channelId, Period period, ScoreScale scale, ScoreCounts counts)
    {
        Sample? sample = scale switch
        {
            ScoreScale.Nps => new NpsSample((int)counts.Promoters, (int)(counts.Responses - counts.Promoters - counts.Detractors), (int)counts.Detractors),
            ScoreScale.Csat => new ProportionSample((int)counts.Satisfied, (int)counts.Responses),
            ScoreScale.Ces => new MeanSample((int)counts.Responses, counts.ScoreSum, counts.SquareSum),
            _ => null,
        };
        if (sample?.Estimate() is { } figure)
        {
            result.Add(new SeriesValue(metricId, channelId, period, figure.Value, figure.SampleSize, figure.Low, figure.High, sample));
        }
    }

    private sealed class RecordedBucket
    {
        public int MetricId { get; init; }
        public int? ChannelId { get; init; }
        public PeriodKind Kind { get; init; }
        public int Year { get; init; }
        public int Part { get; init; }
        public int Day { get; init; }
        public DateOnly Start { get; init; }
        public double Value { get; init; }
        public int? SampleSize { get; init; }
        public double? Low { get; init; }
        public double? High { get; init; }
    }

    private sealed record RecordedTotals(int MetricId, int? ChannelId, PeriodKind Kind, int Year, int Part, int Day,
        int Count, double Sum, double WeightedSum, double WeightSum, int? SampleSum, DateOnly LatestStart,
        int WithInterval, double? SpreadSquares, double? WeightedSpreadSquares, double? LowestLow, double? HighestHigh,
        int WithSampleSize)
    {
        /// <summary>
        /// The answers behind the bucket; null unless every value in it gave a sample size (a part would understate
        /// them, and the database sums none as 0).
        /// </summary>
        public int? Answers => WithSampleSize == Count ? SampleSum : null;
    }

    /// <summary>
    /// Counts of one scale's scores: NPS needs promoters (9–10) and detractors (0–6), CSAT the satisfied (4–5),
    /// CES the sum and, for its interval, the sum of squares.
    /// </summary>
    private sealed record ScoreCounts(ScoreScale Scale, int ChannelId, DateOnly Day,
        long Responses, long Promoters, long Detractors, long Satisfied, long ScoreSum, long SquareSum)
    {
        public static readonly ScoreCounts Zero = new(default, 0, default, 0, 0, 0, 0, 0, 0);

        public ScoreCounts Plus(ScoreCounts other) => this with
        {
            Responses = Responses + other.Responses,
            Promoters = Promoters + other.Promoters,
            Detractors = Detractors + other.Detractors,
            Satisfied = Satisfied + other.Satisfied,
            ScoreSum = ScoreSum + other.ScoreSum,
            SquareSum = SquareSum + other.SquareSum,
        };
    }
}
