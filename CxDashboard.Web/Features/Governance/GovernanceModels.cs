using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Governance;
using CxDashboard.Domain.Metrics;
using CxDashboard.Web.Features.Common;

namespace CxDashboard.Web.Features.Governance;

/// <summary>One line of the reviews list.</summary>
public sealed record ReviewRow(
    int Id,
    DateOnly HeldOn,
    ReviewKind Kind,
    string Title,
    IReadOnlyList<string> AttendeeTeams,
    int Decisions,
    int Actions);

/// <summary>A review's details as its form collects them.</summary>
public sealed record ReviewDraft(ReviewKind Kind, string Title, DateOnly HeldOn, IReadOnlyList<int> AttendeeTeamIds, string? Notes);

/// <summary>A review with its decision log and the actions it handed out.</summary>
public sealed record ReviewDetail(
    int Id,
    int Version,
    ReviewKind Kind,
    string Title,
    DateOnly HeldOn,
    string Chair,
    IReadOnlyList<NamedItem> AttendeeTeams,
    string? Notes,
    IReadOnlyList<DecisionView> Decisions,
    IReadOnlyList<ReviewActionView> Actions)
{
    public ReviewDraft ToDraft() => new(Kind, Title, HeldOn, AttendeeTeams.Select(t => t.Id).ToList(), Notes);
}

public sealed record DecisionView(int Id, string Text, string RecordedBy, DateTime At);

public sealed record ReviewActionView(int Id, string Title, string Owner, string Team, DateOnly DueDate, ActionStatus Status, bool QuickWin, bool IsOverdue);

/// <summary>What the review should look at, drawn from the data when the page opens.</summary>
public sealed record ReviewAgenda(
    string Quarter,
    IReadOnlyList<AgendaMetric> RedMetrics,
    IReadOnlyList<AgendaAction> OverdueActions,
    IReadOnlyList<AgendaIssue> EscalatedIssues);

public sealed record AgendaMetric(int MetricId, string Code, string Name, MetricUnit Unit, double? Value, double? Target);

public sealed record AgendaAction(int Id, string Title, string Owner, string Team, DateOnly DueDate, int DaysOverdue);

public sealed record AgendaIssue(int Id, string Title, int Severity, string OwningTeam, DateOnly? DueDate, bool IsOverdue);

/// <summary>The teams and people a review form offers.</summary>
public sealed record GovernanceChoices(IReadOnlyList<NamedItem> Teams, IReadOnlyList<GovernancePerson> People);

public sealed record GovernancePerson(int Id, string Name, int TeamId);
