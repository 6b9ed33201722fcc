using CxDashboard.Domain.Common;

namespace CxDashboard.Domain.Metrics;

/// <summary>One step of a metric's life: who did what to which revision, when, and why.</summary>
public sealed class MetricEvent : Entity
{
    private MetricEvent() { }

    internal MetricEvent(MetricEventKind kind, int revisionNumber, int personId, int? teamId, string? comment, DateTime at)
    {
        Kind = kind;
        RevisionNumber = revisionNumber;
        PersonId = personId;
        TeamId = teamId;
        Comment = comment;
        At = at;
    }

    public int MetricDefinitionId { get; private set; }
    public MetricEventKind Kind { get; private set; }
    public int RevisionNumber { get; private set; }
    public int PersonId { get; private set; }
    public int? TeamId { get; private set; }
    public string? Comment { get; private set; }
    public DateTime At { get; private set; }
}
