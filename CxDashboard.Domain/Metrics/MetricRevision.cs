using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;

namespace CxDashboard.Domain.Metrics;

/// <summary>
/// One version of a metric's definition and targets. Stakeholder teams sign off a revision; the
/// agreed one is in force until a later revision is agreed.
/// </summary>
public sealed class MetricRevision : Entity
{
    private readonly List<MetricSignOff> _signOffs = [];
    private readonly List<MetricTarget> _targets = [];

    private MetricRevision()
    {
        Description = Formula = DataSource = string.Empty;
        ChannelIds = [];
        StakeholderTeamIds = [];
    }

    internal MetricRevision(int number, MetricSpec spec, IEnumerable<TargetSpec> targets, IEnumerable<int> stakeholderTeamIds)
        : this()
    {
        Number = number;
        Status = RevisionStatus.Draft;
        Apply(spec, targets);
        StakeholderTeamIds = stakeholderTeamIds.Distinct().Order().ToList();
    }

    public int MetricDefinitionId { get; private set; }
    public int Number { get; private set; }
    public RevisionStatus Status { get; private set; }
    public string Description { get; private set; }
    public string Formula { get; private set; }
    public string DataSource { get; private set; }
    public MetricUnit Unit { get; private set; }
    public Direction Direction { get; private set; }
    public Aggregation Aggregation { get; private set; }
    public PeriodKind Cadence { get; private set; }
    public ScoreScale? ComputedFrom { get; private set; }
    public List<int> ChannelIds { get; private set; }
    public List<int> StakeholderTeamIds { get; private set; }
    public DateTime? ProposedAt { get; private set; }
    public DateTime? AgreedAt { get; private set; }

    public IReadOnlyList<MetricSignOff> SignOffs => _signOffs;
    public IReadOnlyList<MetricTarget> Targets => _targets;

    public MetricSpec Spec => new(Description, Formula, DataSource, Unit, Direction, Aggregation, Cadence, ChannelIds, ComputedFrom);

    public bool IsPending => Status is RevisionStatus.Draft or RevisionStatus.Proposed;

    /// <summary>The latest answer of each stakeholder team, or null where the team has not answered.</summary>
    public IReadOnlyDictionary<int, MetricSignOff?> Answers => StakeholderTeamIds.ToDictionary(
        team => team,
        team => _signOffs.Where(s => s.TeamId == team).OrderBy(s => s.At).LastOrDefault());

    /// <summary>Stakeholder teams whose latest answer is not a sign-off.</summary>
    public IReadOnlyList<int> TeamsStillToSignOff => StakeholderTeamIds
        .Where(team => Answers[team]?.Decision != SignOffDecision.SignedOff)
        .ToList();

    /// <summary>The target for a quarter: the channel's own when set, otherwise the total one.</summary>
    public MetricTarget? TargetFor(Period quarter, int? channelId) =>
        _targets.FirstOrDefault(t => t.Quarter == quarter && t.ChannelId == channelId)
        ?? (channelId is null ? null : _targets.FirstOrDefault(t => t.Quarter == quarter && t.ChannelId is null));

    internal void Apply(MetricSpec spec, IEnumerable<TargetSpec> targets)
    {
        // Everything is checked before anything changes, so a refused edit leaves the revision as it was.
        var description = Guard.Text(spec.Description, "What the metric measures", 2000);
        var formula = Guard.Text(spec.Formula, "The formula", 1000);
        var dataSource = Guard.Text(spec.DataSource, "The data source", 500);
        if (!Enum.IsDefined(spec.Unit) || !Enum.IsDefined(spec.Direction) || !Enum.IsDefined(spec.Aggregation) || !Enum.IsDefined(spec.Cadence))
        {
            throw new DomainException("Choose the unit, direction, aggregation and cadence.");
        }
        if (spec.ChannelIds.Count == 0)
        {
            throw new DomainException("Name at least one channel the metric applies to.");
        }
        if (spec.ComputedFrom is { } scale && scale == ScoreScale.StarRating)
        {
            throw new DomainException("Only NPS, CSAT and CES can be computed from feedback.");
        }
        var channelIds = spec.ChannelIds.Distinct().Order().ToList();

        var targetList = targets.ToList();
        foreach (var target in targetList)
        {
            if (target.Quarter.Kind != PeriodKind.Quarter)
            {
                throw new DomainException($"Targets are set per quarter; {target.Quarter} is not a quarter.");
            }
            if (target.ChannelId is { } channel && !channelIds.Contains(channel))
            {
                throw new DomainException($"A target for {target.Quarter} names a channel the metric does not apply to.");
            }
            MetricUnitRules.Check(spec.Unit, target.Value);
        }
        var duplicate = targetList.GroupBy(t => (t.Quarter, t.ChannelId)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DomainException($"There are two targets for {duplicate.Key.Quarter}{(duplicate.Key.ChannelId is null ? " in total" : " on one channel")}.");
        }

        Description = description;
        Formula = formula;
        DataSource = dataSource;
        Unit = spec.Unit;
        Direction = spec.Direction;
        Aggregation = spec.Aggregation;
        Cadence = spec.Cadence;
        ComputedFrom = spec.ComputedFrom;
        ChannelIds = channelIds;
        _targets.Clear();
        _targets.AddRange(targetList.Select(t => new MetricTarget(t)));
        _signOffs.Clear();
    }

    internal void Propose(IEnumerable<int> stakeholderTeamIds, DateTime at)
    {
        StakeholderTeamIds = stakeholderTeamIds.Distinct().Order().ToList();
        _signOffs.Clear();
        Status = RevisionStatus.Proposed;
        ProposedAt = at;
    }

    internal void Answer(MetricSignOff answer) => _signOffs.Add(answer);

    internal void MarkAgreed(DateTime at)
    {
        Status = RevisionStatus.Agreed;
        AgreedAt = at;
    }

    internal void MarkSuperseded() => Status = RevisionStatus.Superseded;

    internal void Withdraw() => Status = RevisionStatus.Withdrawn;
}
