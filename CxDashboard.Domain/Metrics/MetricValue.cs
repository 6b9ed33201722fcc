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

    public int RecordedByPersonId { get; private set; }
    public DateTime RecordedAt { get; private set; }

    /// <summary>Records a value after checking it against the metric's rules.</summary>
    public static MetricValue Record(MetricDefinition metric, Period period, int? channelId, double value, int? sampleSize,
        int byPersonId, DateTime at, DateOnly today)
    {
        Check(metric, period, channelId, value, sampleSize, today);
        var recorded = new MetricValue(metric.Id, period, channelId);
        recorded.Set(value, sampleSize, byPersonId, at);
        return recorded;
    }

    public void Correct(MetricDefinition metric, double value, int? sampleSize, int byPersonId, DateTime at, DateOnly today)
    {
        Check(metric, Period, ChannelId, value, sampleSize, today);
        Set(value, sampleSize, byPersonId, at);
    }

    /// <summary>Null when the value may be recorded, otherwise the reason it may not.</summary>
    public static string? Problem(MetricDefinition metric, Period period, int? channelId, double value, int? sampleSize, DateOnly today)
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
        return MetricUnitRules.Problem(revision.Unit, value);
    }

    private static void Check(MetricDefinition metric, Period period, int? channelId, double value, int? sampleSize, DateOnly today)
    {
        if (Problem(metric, period, channelId, value, sampleSize, today) is { } problem)
        {
            throw new DomainException(problem);
        }
    }

    private void Set(double value, int? sampleSize, int byPersonId, DateTime at)
    {
        Value = value;
        SampleSize = sampleSize;
        RecordedByPersonId = Guard.Id(byPersonId, "Who recorded the value");
        RecordedAt = Guard.Utc(at);
    }
}
