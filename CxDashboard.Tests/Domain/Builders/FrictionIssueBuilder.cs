using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Friction;

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

    /// <summary>Resolved, resolution written, people told and every linked metric checked.</summary>
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
            issue.RecordMetricCheck(metricId, 30, 36, at.AddDays(15));
        }
        return issue;
    }
}
