using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;

namespace CxDashboard.Web.Features.Feedback;

/// <summary>One line of the inbox. <see cref="CustomerRef"/> is null unless the reader may see it.</summary>
public sealed record FeedbackRow(
    int Id,
    DateTime ReceivedAt,
    int ChannelId,
    int? JourneyStageId,
    FeedbackSource Source,
    FeedbackCategory Category,
    Sentiment Sentiment,
    ScoreScale? ScoreScale,
    int? Score,
    ScoreBand? ScoreBand,
    string VerbatimStart,
    bool VerbatimIsLonger,
    string? CustomerRef,
    FollowUpStatus FollowUpStatus,
    DateTime? FollowUpDueAt,
    bool IsFollowUpOverdue,
    int? FrictionIssueId)
{
    public FeedbackCursor Cursor => new(ReceivedAt, Id, Score);

    /// <summary>The themes the item mentions, by their full names ("Delivery › Late").</summary>
    public IReadOnlyList<string> Themes { get; init; } = [];
}

/// <summary>
/// A page of the inbox. The total is counted only up to <see cref="FeedbackPage.CountCap"/> so that
/// a page turn never counts a million rows; <see cref="TotalIsAtLeast"/> says the cap was reached.
/// </summary>
public sealed record FeedbackPage(
    IReadOnlyList<FeedbackRow> Rows,
    bool HasNext,
    bool HasPrevious,
    int Total,
    bool TotalIsAtLeast)
{
    public const int CountCap = 10_000;

    public static FeedbackPage Empty { get; } = new([], false, false, 0, false);
}

public sealed record NamedItem(int Id, string Code, string Name);

public sealed record PersonItem(int Id, string DisplayName, int TeamId);

/// <summary>The small lists the feedback pages choose from: channels and journey stages.</summary>
/// <param name="SearchMatchesWords">
/// True where the search box finds words and word beginnings through a full-text index (SQLite's, or SQL
/// Server's where the server has Full-Text Search); false where it finds the text anywhere (SQL Server's LIKE).
/// </param>
public sealed record FeedbackLookups(IReadOnlyList<NamedItem> Channels, IReadOnlyList<NamedItem> Stages, bool SearchMatchesWords = true)
{
    public string ChannelName(int id) => Channels.FirstOrDefault(c => c.Id == id)?.Name ?? $"Channel {id}";

    public string StageName(int? id) => id is null ? "—" : Stages.FirstOrDefault(s => s.Id == id)?.Name ?? $"Stage {id}";

    /// <summary>The active themes the inbox filters by, by their full names.</summary>
    public IReadOnlyList<NamedItem> Themes { get; init; } = [];
}

/// <summary>Everything about one feedback item, with what the reader may do to it.</summary>
public sealed record FeedbackDetail(
    int Id,
    int Version,
    DateTime ReceivedAt,
    DateTime RecordedAt,
    string? RecordedBy,
    string ChannelName,
    int? JourneyStageId,
    string? StageName,
    FeedbackSource Source,
    FeedbackCategory Category,
    Sentiment Sentiment,
    ScoreScale? ScoreScale,
    int? Score,
    ScoreBand? ScoreBand,
    string Verbatim,
    string? CustomerRef,
    string? ExternalId,
    int? FrictionIssueId,
    string? FrictionIssueTitle,
    FollowUpView FollowUp,
    bool CanReclassify);

/// <summary>The inner loop of one feedback item, as the detail page shows it.</summary>
public sealed record FollowUpView(
    FollowUpStatus Status,
    int? OwnerPersonId,
    string? OwnerName,
    string? OwnerTeam,
    DateTime? DueAt,
    bool IsOverdue,
    DateTime? ContactedAt,
    DateTime? ResolvedAt,
    string? Note,
    bool CanUpdate,
    bool CanReassign);

/// <summary>One open or contacted follow-up in "My follow-ups".</summary>
public sealed record FollowUpRow(
    int FeedbackId,
    DateTime ReceivedAt,
    int ChannelId,
    Sentiment Sentiment,
    ScoreScale? ScoreScale,
    int? Score,
    FeedbackSource Source,
    string VerbatimStart,
    FollowUpStatus Status,
    int? OwnerPersonId,
    string? OwnerName,
    DateTime? DueAt,
    bool IsOverdue);

public enum FollowUpScope
{
    /// <summary>The follow-ups the signed-in person owns.</summary>
    Mine = 1,
    /// <summary>The follow-ups of the channels the person's team owns (leads).</summary>
    MyTeam = 2,
    /// <summary>Every follow-up (head of CX).</summary>
    Everyone = 3,
}

/// <summary>Open and contacted follow-ups, overdue first, with counts made by the database.</summary>
public sealed record FollowUpList(IReadOnlyList<FollowUpRow> Rows, int Total, int Overdue)
{
    public const int MaxRows = 200;
}

/// <summary>What recording a feedback item did: its id and, when it opened one, the follow-up's owner and due time.</summary>
public sealed record RecordedFeedback(int Id, string? FollowUpOwner, DateTime? FollowUpDueAt, string? FollowUpWarning);

/// <summary>The follow-ups opened for a batch of feedback; feedback whose channel's team has no lead is listed apart.</summary>
public sealed record FollowUpsOpened(int Opened, IReadOnlyList<FeedbackItem> WithoutOwner);

/// <summary>Feedback volume by sentiment for one period and channel, counted by the database.</summary>
public sealed record FeedbackVolumePoint(Period Period, int ChannelId, int Positive, int Neutral, int Negative)
{
    public int Total => Positive + Neutral + Negative;
}

/// <summary>A new feedback item as the form or an importer gives it. Times are UTC.</summary>
public sealed record RecordFeedbackCommand(
    DateTime ReceivedAt,
    int ChannelId,
    int? JourneyStageId,
    FeedbackSource Source,
    FeedbackCategory Category,
    Sentiment Sentiment,
    ScoreScale? ScoreScale,
    int? Score,
    string? Verbatim,
    string? CustomerRef);
