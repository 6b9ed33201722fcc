using CxDashboard.Domain.Common;

namespace CxDashboard.Domain.Metrics;

/// <summary>A stakeholder team's answer to a proposed revision, given by one of its leads.</summary>
public sealed class MetricSignOff : Entity
{
    private MetricSignOff() { }

    internal MetricSignOff(int teamId, int personId, SignOffDecision decision, string? comment, DateTime at)
    {
        TeamId = teamId;
        PersonId = personId;
        Decision = decision;
        Comment = comment;
        At = at;
    }

    public int MetricRevisionId { get; private set; }
    public int TeamId { get; private set; }
    public int PersonId { get; private set; }
    public SignOffDecision Decision { get; private set; }
    public string? Comment { get; private set; }
    public DateTime At { get; private set; }
}
