using CxDashboard.Domain.Common;

namespace CxDashboard.Domain.Metrics;

/// <summary>A metric's value for one period, on one channel or (no channel) in total.</summary>
public sealed class MetricValue : Entity
{
    private MetricValue() { }

    private MetricValue(int metricId, Period period, int? channelId)
    {
        MetricDefinitionId = metricId;
        Period = period;
        PeriodKind = period.Kind;
        PeriodStart = period.Start;
        ChannelId = channelId;
    }

    public int MetricDefinitionId { get; private set; }
    public Period Period { get; private set; }
    public PeriodKind PeriodKind { get; private set; }

    /// <summary>The period's first day, kept beside it so ranges and ordering happen in the database.</summary>
    public DateOnly PeriodStart { get; private set; }

    public int? ChannelId { get; private set; }
    public double Value { get; private set; }

    /// <summary>How many responses a survey-based value stands on.</summary>
    public int? SampleSize { get; private set; }

    /// <summary>The lower end of the value's 95% interval, when the source gives one.</summary>
    public double? Low { get; private set; }

    public double? High { get; private set; }

    public int RecordedByPersonId { get; private set; }
    public DateTime RecordedAt { get; private set; }

    /// <summary>Records a value after checking it against the metric's rules.</summary>
    public static MetricValue Record(MetricDefinition metric, Period period, int? channelId, double value, int? sampleSize,
        int byPersonId, DateTime at, DateOnly today, double? low = null, double? high = null)
    {
        Check(metric, period, channelId, value, sampleSize, today, low, high);
        var recorded = new MetricValue(metric.Id, period, channelId);
        recorded.Set(value, sampleSize, low, high, byPersonId, at);
        return recorded;
    }

    public void Correct(MetricDefinition metric, double value, int? sampleSize, int byPersonId, DateTime at, DateOnly today,
        double? low = null, double? high = null)
    {
        Check(metric, Period, ChannelId, value, sampleSize, today, low, high);
        Set(value, sampleSize, low, high, byPersonId, at);
    }

    /// <summary>Null when the value may be recorded, otherwise the reason it may not.</summary>
    public static string? Problem(MetricDefinition metric, Period period, int? channelId, double value, int? sampleSize, DateOnly today,
        double? low = null, double? high = null)
    {
        if (metric.Status == MetricStatus.Retired)
        {
            return $"{metric.Name} is retired; no new values are recorded.";
        }
        var revision = metric.Current;
        if (revision.ComputedFrom is not null)
        {
            return $"{metric.Name} is computed from feedback scores; its values cannot be typed in.";
        }
        if (period.Start > today)
        {
            return $"{period} has not started yet; values cannot be recorded for future periods.";
        }
        if (channelId is { } channel && !revision.ChannelIds.Contains(channel))
        {
            return $"{metric.Name} is not measured on that channel.";
        }
        if (sampleSize is < 1)
        {
            return "The sample size must be at least 1.";
        }
        return MetricUnitRules.Problem(revision.Unit, value) ?? IntervalProblem(revision.Unit, value, low, high);
    }

    /// <summary>Null when the interval (both ends or neither) fits the value and its unit, otherwise the reason it does not.</summary>
    public static string? IntervalProblem(MetricUnit unit, double value, double? low, double? high)
    {
        if (low is null && high is null)
        {
            return null;
        }
        if (low is not { } l || high is not { } h)
        {
            return "Give both ends of the interval, low and high, or neither.";
        }
        if (MetricUnitRules.Problem(unit, l) is { } lowProblem)
        {
            return $"The interval's low end: {lowProblem}";
        }
        if (MetricUnitRules.Problem(unit, h) is { } highProblem)
        {
            return $"The interval's high end: {highProblem}";
        }
        return l <= value && value <= h ? null : "The interval must run from a low at or below the value to a high at or above it.";
    }

    private static void Check(MetricDefinition metric, Period period, int? channelId, double value, int? sampleSize, DateOnly today,
        double? low, double? high)
    {
        if (Problem(metric, period, channelId, value, sampleSize, today, low, high) is { } problem)
        {
            throw new DomainException(problem);
        }
    }

    private void Set(double value, int? sampleSize, double? low, double? high, int byPersonId, DateTime at)
    {
        Value = value;
        SampleSize = sampleSize;
        Low = low;
        High = high;
        RecordedByPersonId = Guard.Id(byPersonId, "Who recorded the value");
        RecordedAt = Guard.Utc(at);
    }
}
