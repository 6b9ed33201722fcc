using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Statistics;

namespace CxDashboard.Web.Features.Metrics;

/// <summary>What the metric form edits: the metric, its definition and targets, and who is asked to agree.</summary>
public sealed class MetricForm
{
    public string Code { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public MetricDimension Dimension { get; set; } = MetricDimension.Advocacy;
    public int OwnerPersonId { get; set; }
    public int OwningTeamId { get; set; }
    public string Description { get; set; } = string.Empty;
    public string Formula { get; set; } = string.Empty;
    public string DataSource { get; set; } = string.Empty;
    public MetricUnit Unit { get; set; } = MetricUnit.Percent;
    public Direction Direction { get; set; } = Direction.HigherIsBetter;
    public Aggregation Aggregation { get; set; } = Aggregation.Average;
    public PeriodKind Cadence { get; set; } = PeriodKind.Month;
    public ScoreScale? ComputedFrom { get; set; }
    public IReadOnlyCollection<int> ChannelIds { get; set; } = [];
    public List<TargetRow> Targets { get; set; } = [];

    /// <summary>Fewer answers than this and a figure gets no RAG, trend or place in a headline.</summary>
    public int MinimumSampleSize { get; set; } = MinimumSample.Default;

    /// <summary>The teams asked to sign off when the draft is proposed (the owning team always is).</summary>
    public IReadOnlyCollection<int> StakeholderTeamIds { get; set; } = [];

    /// <summary>Why the definition or targets change; recorded with the revision.</summary>
    public string? Note { get; set; }

    public MetricSpec ToSpec() => new(Description, Formula, DataSource, Unit, Direction, Aggregation, Cadence, ChannelIds.ToList(), ComputedFrom);

    public IReadOnlyList<TargetSpec> ToTargets() => Targets.Select((t, i) => t.ToSpec(i + 1)).ToList();

    public static MetricForm From(MetricDefinition metric)
    {
        var revision = metric.Pending ?? metric.Current;
        return new MetricForm
        {
            Code = metric.Code,
            Name = metric.Name,
            Dimension = metric.Dimension,
            OwnerPersonId = metric.OwnerPersonId,
            OwningTeamId = metric.OwningTeamId,
            Description = revision.Description,
            Formula = revision.Formula,
            DataSource = revision.DataSource,
            Unit = revision.Unit,
            Direction = revision.Direction,
            Aggregation = revision.Aggregation,
            Cadence = revision.Cadence,
            ComputedFrom = revision.ComputedFrom,
            ChannelIds = revision.ChannelIds.ToList(),
            Targets = revision.Targets.OrderBy(t => t.Quarter).ThenBy(t => t.ChannelId)
                .Select(t => new TargetRow { Quarter = t.Quarter.ToString(), ChannelId = t.ChannelId, Value = t.Value, AmberTolerance = t.AmberTolerance })
                .ToList(),
            StakeholderTeamIds = revision.StakeholderTeamIds.ToList(),
            MinimumSampleSize = metric.MinimumSampleSize,
        };
    }
}

/// <summary>One target line of the form: a quarter, a channel or the total, the value and the amber tolerance.</summary>
public sealed class TargetRow
{
    public string Quarter { get; set; } = string.Empty;
    public int? ChannelId { get; set; }
    public double? Value { get; set; }
    public double? AmberTolerance { get; set; }

    internal TargetSpec ToSpec(int line)
    {
        if (!Period.TryParse(Quarter, out var quarter) || quarter.Kind != PeriodKind.Quarter)
        {
            throw new DomainException($"Target line {line}: write the quarter as 2026-Q3.");
        }
        if (Value is null)
        {
            throw new DomainException($"Target line {line}: enter the target value.");
        }
        return new TargetSpec(quarter, ChannelId, Value.Value, AmberTolerance ?? 0);
    }
}
