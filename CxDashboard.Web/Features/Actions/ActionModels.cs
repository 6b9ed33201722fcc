using CxDashboard.Domain.Actions;

namespace CxDashboard.Web.Features.Actions;

public enum ActionScope
{
    /// <summary>The signed-in person's actions.</summary>
    Mine = 1,
    /// <summary>The signed-in person's team's actions.</summary>
    Team = 2,
    All = 3,
}

public sealed record ActionFilter
{
    public ActionScope Scope { get; init; } = ActionScope.All;
    public ActionStatus? Status { get; init; }
    public bool OpenOnly { get; init; }
    public int? TeamId { get; init; }
    public int? OwnerPersonId { get; init; }
    public bool OverdueOnly { get; init; }
    public bool QuickWinsOnly { get; init; }
    public int? FrictionIssueId { get; init; }
}

public enum ActionSort
{
    DueDate = 1,
    Title = 2,
    Status = 3,
    Impact = 4,
    Newest = 5,
}

public sealed record ActionRow(
    int Id,
    int Version,
    string Title,
    ActionStatus Status,
    string? BlockedReason,
    int OwnerPersonId,
    string Owner,
    int TeamId,
    string Team,
    DateOnly DueDate,
    bool QuickWin,
    int Impact,
    int Effort,
    int? FrictionIssueId,
    string? FrictionIssue,
    bool IsOverdue);

/// <summary>A new action as a form collects it.</summary>
public sealed record ActionDraft(
    string Title,
    string? Description,
    int OwnerPersonId,
    int TeamId,
    DateOnly DueDate,
    int Impact,
    int Effort,
    bool QuickWin,
    int? FrictionIssueId = null,
    int? ReviewId = null);

/// <summary>The plan and owner of an existing action as its edit form collects them.</summary>
public sealed record ActionPlan(
    string Title,
    string? Description,
    int OwnerPersonId,
    int TeamId,
    DateOnly DueDate,
    int Impact,
    int Effort,
    bool QuickWin);

public sealed record ActionDetail(
    int Id,
    int Version,
    string Title,
    string? Description,
    ActionStatus Status,
    string? BlockedReason,
    int OwnerPersonId,
    string Owner,
    int TeamId,
    string Team,
    DateOnly DueDate,
    bool QuickWin,
    int Impact,
    int Effort,
    int? FrictionIssueId,
    string? FrictionIssue,
    int? ReviewId,
    string? Review,
    string CreatedBy,
    DateTime CreatedAt,
    DateTime? CompletedAt,
    bool IsOverdue,
    IReadOnlyList<ActionNoteView> Notes)
{
    public ActionPlan ToPlan() => new(Title, Description, OwnerPersonId, TeamId, DueDate, Impact, Effort, QuickWin);
}

public sealed record ActionNoteView(DateTime At, string Person, string Text, ActionStatus? NewStatus);

public sealed record TeamOverdue(int TeamId, string Team, int Overdue);

public sealed record QuickWinDelivered(int Id, string Title, string Team, DateTime CompletedAt, int? FrictionIssueId);
