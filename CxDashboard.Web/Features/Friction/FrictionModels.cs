using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Friction;
using CxDashboard.Domain.Metrics;
using CxDashboard.Web.Features.Common;

namespace CxDashboard.Web.Features.Friction;

/// <summary>What the friction list and board are narrowed to; every field is optional.</summary>
public sealed record FrictionFilter
{
    public int? TeamId { get; init; }
    public int? ContributingTeamId { get; init; }
    public int? StageId { get; init; }
    public int? ChannelId { get; init; }
    public FrictionStatus? Status { get; init; }
    public int? Severity { get; init; }
    public bool OpenOnly { get; init; }
    public bool OverdueOnly { get; init; }
    public string? Search { get; init; }
}

public enum FrictionSort
{
    Newest = 1,
    Severity = 2,
    DueDate = 3,
    Title = 4,
    Status = 5,
}

public sealed record FrictionRow(
    int Id,
    string Title,
    FrictionStatus Status,
    int Severity,
    int OwningTeamId,
    string OwningTeam,
    string JourneyStage,
    string Owner,
    bool IsCrossChannel,
    int LinkedFeedback,
    DateOnly? DueDate,
    DateTime CreatedAt,
    bool IsOverdue)
{
    public IReadOnlyList<string> Channels { get; init; } = [];
}

public sealed record BoardColumn(FrictionStatus Status, int Count, IReadOnlyList<FrictionRow> Cards)
{
    public int More => Math.Max(0, Count - Cards.Count);
}

public sealed record FrictionBoard(IReadOnlyList<BoardColumn> Columns);

/// <summary>The lists a friction or action form chooses from.</summary>
public sealed record FrictionChoices(
    IReadOnlyList<NamedItem> Teams,
    IReadOnlyList<PersonChoice> People,
    IReadOnlyList<NamedItem> Channels,
    IReadOnlyList<NamedItem> Stages,
    IReadOnlyList<NamedItem> Metrics);

public sealed record PersonChoice(int Id, string Name, int TeamId);

/// <summary>The lists the friction board's and list's filters choose from.</summary>
public sealed record FrictionFilterChoices(IReadOnlyList<NamedItem> Teams, IReadOnlyList<NamedItem> Channels, IReadOnlyList<NamedItem> Stages);

/// <summary>A new friction issue as the create form collects it.</summary>
public sealed record FrictionDraft(FrictionDetails Details, IReadOnlyList<MetricLink> Metrics, IReadOnlyList<int> FeedbackIds);

public sealed record MetricLink(int MetricId, double? Before);

public sealed record FeedbackPreview(
    int Id, DateTime ReceivedAt, string Channel, string? JourneyStage, Sentiment Sentiment, FeedbackCategory Category,
    string Verbatim, int? FrictionIssueId);

public sealed record FrictionIssueDetail(
    int Id,
    int Version,
    string Title,
    string? Description,
    FrictionStatus Status,
    int Severity,
    FeedbackCategory Category,
    NamedItem JourneyStage,
    IReadOnlyList<NamedItem> Channels,
    bool IsCrossChannel,
    NamedItem OwningTeam,
    NamedItem Owner,
    IReadOnlyList<NamedItem> ContributingTeams,
    int CustomersAffected,
    int LinkedFeedback,
    string? RootCause,
    DateOnly? DueDate,
    bool IsOverdue,
    string? Resolution,
    string? WontFixReason,
    ToldAudience Told,
    string? ToldHow,
    DateTime? ToldAt,
    string CreatedBy,
    DateTime CreatedAt,
    DateTime? ResolvedAt,
    DateTime? ClosedAt,
    IReadOnlyList<LinkedMetricView> Metrics,
    IReadOnlyList<StatusChangeView> Timeline,
    IReadOnlyList<ClosingCheck> Checklist,
    IReadOnlyList<IssueActionRow> Actions)
{
    public bool IsOpen => Status is not (FrictionStatus.Closed or FrictionStatus.WontFix);

    public FrictionDetails ToDetails() => new(Title, Description, JourneyStage.Id, Channels.Select(c => c.Id).ToList(),
        Category, Severity, CustomersAffected, RootCause, OwningTeam.Id, Owner.Id, ContributingTeams.Select(t => t.Id).ToList(), DueDate);
}

/// <summary>
/// A linked metric as the issue page shows it: the figures of its check, with their periods, sample
/// sizes and intervals, what the change amounts to, and any reason given to close without an improvement.
/// </summary>
public sealed record LinkedMetricView(
    int MetricId,
    string Code,
    string Name,
    MetricUnit Unit,
    PeriodKind Cadence,
    double? Before,
    double? After,
    DateTime? CheckedAt,
    MetricReading? BeforeReading,
    MetricReading? AfterReading,
    string? Finding,
    bool AllowsClosing,
    string? Reason,
    string? ReasonBy,
    DateTime? ReasonAt)
{
    public bool IsChecked => After is not null && CheckedAt is not null;
}

public sealed record StatusChangeView(DateTime At, FrictionStatus? From, FrictionStatus To, string Person, string? Note);

/// <summary>One condition of closing the loop; <see cref="Done"/> false means it is still missing.</summary>
public sealed record ClosingCheck(ClosingGapKind Kind, string Text, bool Done, string? MetricName = null);

public sealed record IssueActionRow(
    int Id, string Title, ActionStatus Status, string Owner, string Team, DateOnly DueDate, bool QuickWin, bool IsOverdue);

public sealed record AuditRow(DateTime At, string Actor, string Summary);

public enum HeatmapMeasure
{
    OpenFriction = 1,
    NegativeShare = 2,
}

/// <summary>
/// One stage × channel cell. For open friction, <see cref="Value"/> is the summed severity of
/// <see cref="Count"/> open issues; for negative share it is <see cref="Count"/> negative out of <see cref="Total"/>.
/// </summary>
public sealed record HeatCell(int StageId, int ChannelId, double Value, int Count, int Total);

public sealed record Heatmap(HeatmapMeasure Measure, IReadOnlyList<NamedItem> Stages, IReadOnlyList<NamedItem> Channels, IReadOnlyList<HeatCell> Cells)
{
    public double Max => Cells.Count == 0 ? 0 : Cells.Max(c => c.Value);

    public HeatCell? Cell(int stageId, int channelId) => Cells.FirstOrDefault(c => c.StageId == stageId && c.ChannelId == channelId);
}

/// <summary>Open issues <see cref="OwnerTeamId"/> owns that need <see cref="ContributingTeamId"/>'s work.</summary>
public sealed record SiloCell(int OwnerTeamId, int ContributingTeamId, int Open, int Overdue);

public sealed record SiloMap(IReadOnlyList<NamedItem> Teams, IReadOnlyList<SiloCell> Cells)
{
    public SiloCell? Cell(int owner, int contributor) => Cells.FirstOrDefault(c => c.OwnerTeamId == owner && c.ContributingTeamId == contributor);
}
