using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Friction;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Statistics;

namespace CxDashboard.Tests.Domain.Builders;

/// <summary>
/// "Click &amp; collect orders not visible in store": a new issue at the collection stage spanning website
/// and store, owned by Stores with Digital contributing. Can be walked along the state machine.
/// </summary>
public sealed class FrictionIssueBuilder
{
    public const int CollectionStage = 4;

    private FrictionDetails _details = new(
        Title: "Click & collect orders not visible in store",
        Description: "Store staff cannot find web orders on the till, so customers wait or leave.",
        JourneyStageId: CollectionStage,
        ChannelIds: [Known.Channels.Website, Known.Channels.Store],
        Category: FeedbackCategory.Experience,
        Severity: 3,
        CustomersAffected: 120,
        RootCause: null,
        OwningTeamId: Known.Teams.Stores,
        OwnerPersonId: Known.People.StoresLead,
        ContributingTeamIds: [Known.Teams.Digital],
        DueDate: null);

    private FrictionStatus _status = FrictionStatus.New;
    private readonly List<(int MetricId, bool Checked)> _metrics = [];
    private bool _told;
    private string? _resolution;

    public FrictionIssueBuilder With(Func<FrictionDetails, FrictionDetails> change) { _details = change(_details); return this; }

    public FrictionIssueBuilder OnChannels(params int[] channelIds) => With(d => d with { ChannelIds = channelIds });

    public FrictionIssueBuilder OwnedBy(int teamId) => With(d => d with { OwningTeamId = teamId });

    public FrictionIssueBuilder WithContributors(params int[] teamIds) => With(d => d with { ContributingTeamIds = teamIds });

    /// <summary>Walks the issue through the usual steps until it reaches this status (New, Triaged, InProgress or Resolved).</summary>
    public FrictionIssueBuilder In(FrictionStatus status) { _status = status; return this; }

    public FrictionIssueBuilder Resolved(string resolution = "Web orders now show on store tills within a minute.")
    {
        _status = FrictionStatus.Resolved;
        _resolution = resolution;
        return this;
    }

    public FrictionIssueBuilder WithPeopleTold() { _told = true; return this; }

    public FrictionIssueBuilder WithLinkedMetric(int metricId, bool checkedAfterwards = false)
    {
        _metrics.Add((metricId, checkedAfterwards));
        return this;
    }

    /// <summary>An NPS of 30 from 400 answers in 2026-Q2, and of 42 from 410 in 2026-Q3: a real improvement at 95%.</summary>
    public static (MetricReading Before, MetricReading After) RealImprovement =>
        (Reading("2026-Q2", 30, 400, 4.5), Reading("2026-Q3", 42, 410, 4.4));

    /// <summary>An NPS of 30 from 400 answers, then 31 from 410: within the noise.</summary>
    public static (MetricReading Before, MetricReading After) Noise =>
        (Reading("2026-Q2", 30, 400, 4.5), Reading("2026-Q3", 31, 410, 4.5));

    /// <summary>Records the check with its change tested from the two intervals, as the metric pages would for figures typed in with them.</summary>
    public static void Check(FrictionIssue issue, int metricId, (MetricReading Before, MetricReading After) readings, Direction direction, DateTime at,
        int minimumSampleSize = MinimumSample.Default) =>
        issue.RecordMetricCheck(metricId, readings.Before, readings.After,
            Change.Between(readings.Before.Figure, readings.After.Figure, minimumSampleSize), direction, MetricUnit.NpsScore, at);

    public static MetricReading Reading(string period, double value, int sampleSize, double margin) =>
        new(Period.Parse(period), new Estimate(value, sampleSize, value - margin, value + margin));

    /// <summary>Resolved, resolution written, people told and every linked metric checked with a real improvement.</summary>
    public FrictionIssueBuilder ReadyToClose()
    {
        Resolved();
        _told = true;
        for (var i = 0; i < _metrics.Count; i++)
        {
            _metrics[i] = (_metrics[i].MetricId, true);
        }
        return this;
    }

    public FrictionDetails Details => _details;

    public FrictionIssue Build()
    {
        var at = Known.Now.AddDays(-20);
        var by = Known.People.StoresLead;
        var issue = new FrictionIssue(_details, by, at);
        foreach (var (metricId, _) in _metrics)
        {
            issue.LinkMetric(metricId, 30);
        }
        if (_status >= FrictionStatus.Triaged)
        {
            issue.Triage(Known.People.HeadOfCx, at.AddDays(1));
        }
        if (_status >= FrictionStatus.InProgress)
        {
            issue.Start(by, at.AddDays(2));
        }
        if (_status >= FrictionStatus.Resolved)
        {
            issue.Resolve(_resolution ?? "Web orders now show on store tills within a minute.", by, at.AddDays(10));
        }
        if (_told)
        {
            issue.RecordPeopleTold(ToldAudience.FrontLineStaff, "Store briefing and intranet note", at.AddDays(11));
        }
        foreach (var (metricId, _) in _metrics.Where(m => m.Checked))
        {
            Check(issue, metricId, RealImprovement, Direction.HigherIsBetter, at.AddDays(15));
        }
        return issue;
    }
}
