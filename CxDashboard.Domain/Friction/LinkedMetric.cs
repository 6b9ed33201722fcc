namespace CxDashboard.Domain.Friction;

/// <summary>A metric the issue is expected to move, with the before/after check that proves it did.</summary>
public sealed class LinkedMetric
{
    private LinkedMetric() { }

    internal LinkedMetric(int metricId, double? before) { MetricDefinitionId = metricId; Before = before; }

    public int FrictionIssueId { get; private set; }
    public int MetricDefinitionId { get; private set; }
    public double? Before { get; private set; }
    public double? After { get; private set; }
    public DateTime? CheckedAt { get; private set; }

    public bool IsChecked => After is not null && CheckedAt is not null;

    internal void RecordCheck(double before, double after, DateTime at)
    {
        Before = before;
        After = after;
        CheckedAt = at;
    }
}
