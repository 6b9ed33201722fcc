using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Metrics;

namespace CxDashboard.Tests.Domain.Builders;

/// <summary>
/// A conversion-rate metric owned by the CX team, measured monthly on store, website and app, with a
/// total target for 2026-Q3. Left as a draft unless told to propose, agree or retire it.
/// </summary>
public sealed class MetricBuilder
{
    private string _code = "CONV";
    private string _name = "Conversion rate";
    private MetricDimension _dimension = MetricDimension.Operational;
    private int _owningTeamId = Known.Teams.CustomerExperience;
    private MetricSpec _spec = DefaultSpec();
    private List<TargetSpec> _targets = [new(Period.Quarter(2026, 3), null, 40, 5)];
    private int[]? _stakeholders;
    private bool _agreed;
    private string? _retiredBecause;
    private int _id;

    public static MetricSpec DefaultSpec() => new(
        "Share of visits that end in a purchase",
        "orders / visits × 100",
        "Web analytics and store footfall counters",
        MetricUnit.Percent,
        Direction.HigherIsBetter,
        Aggregation.Average,
        PeriodKind.Month,
        [Known.Channels.Store, Known.Channels.Website, Known.Channels.App]);

    public MetricBuilder WithCode(string code) { _code = code; return this; }

    public MetricBuilder Named(string name) { _name = name; return this; }

    public MetricBuilder OwnedBy(int teamId) { _owningTeamId = teamId; return this; }

    public MetricBuilder WithSpec(Func<MetricSpec, MetricSpec> change) { _spec = change(_spec); return this; }

    public MetricBuilder WithUnit(MetricUnit unit) => WithSpec(s => s with { Unit = unit });

    public MetricBuilder WithChannels(params int[] channelIds) => WithSpec(s => s with { ChannelIds = channelIds });

    public MetricBuilder ComputedFrom(ScoreScale scale) =>
        WithSpec(s => s with { Unit = MetricUnit.NpsScore, ComputedFrom = scale });

    public MetricBuilder WithTargets(params TargetSpec[] targets) { _targets = [.. targets]; return this; }

    /// <summary>Proposes the draft to these teams (the owning team is added by the metric itself).</summary>
    public MetricBuilder WithStakeholders(params int[] teamIds) { _stakeholders = teamIds; return this; }

    /// <summary>Proposes to these teams and has every stakeholder sign off, so the metric is agreed.</summary>
    public MetricBuilder AgreedBy(params int[] teamIds) { _stakeholders = teamIds; _agreed = true; return this; }

    public MetricBuilder Retired(string because = "Replaced by a journey-level conversion metric")
    {
        _retiredBecause = because;
        return this;
    }

    /// <summary>Sets the identity the store would assign, for code that refers to the metric by id.</summary>
    public MetricBuilder WithId(int id) { _id = id; return this; }

    public MetricDefinition Build()
    {
        var at = Known.Now.AddDays(-30);
        var metric = MetricDefinition.Draft(_code, _name, _dimension, Known.People.HeadOfCx, _owningTeamId,
            _spec, _targets, Known.People.HeadOfCx, at);
        if (_stakeholders is not null)
        {
            metric.Propose(_stakeholders, Known.People.HeadOfCx, at.AddDays(1));
        }
        if (_agreed)
        {
            foreach (var team in metric.Pending!.StakeholderTeamIds)
            {
                metric.SignOff(team, Known.LeadOf(team), null, at.AddDays(2));
            }
        }
        if (_retiredBecause is not null)
        {
            metric.Retire(_retiredBecause, Known.People.HeadOfCx, at.AddDays(3));
        }
        if (_id != 0)
        {
            typeof(MetricDefinition).GetProperty(nameof(MetricDefinition.Id))!.SetValue(metric, _id);
        }
        return metric;
    }
}
