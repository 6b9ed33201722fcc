using System.Globalization;
using CxDashboard.Domain.Feedback;

namespace CxDashboard.Web.Features.Feedback;

/// <summary>The follow-up states the inbox filters on; overdue is an open follow-up past its due time.</summary>
public enum FollowUpFilter
{
    None = 1,
    Open = 2,
    Overdue = 3,
    Contacted = 4,
    Resolved = 5,
}

public enum FeedbackSort
{
    NewestFirst = 0,
    OldestFirst = 1,
    HighestScoreFirst = 2,
    LowestScoreFirst = 3,
}

/// <summary>What the inbox narrows to. Dates are UTC; <see cref="ToUtc"/> is exclusive.</summary>
public sealed record FeedbackFilter
{
    public DateTime? FromUtc { get; init; }
    public DateTime? ToUtc { get; init; }
    public int? ChannelId { get; init; }
    public FeedbackSource? Source { get; init; }
    public int? JourneyStageId { get; init; }
    public FeedbackCategory? Category { get; init; }
    public Sentiment? Sentiment { get; init; }
    public ScoreBand? Band { get; init; }

    /// <summary>True: only feedback that is evidence for a friction issue; false: only feedback that is not.</summary>
    public bool? Linked { get; init; }

    public int? FrictionIssueId { get; init; }
    public FollowUpFilter? FollowUp { get; init; }

    /// <summary>Words to find in what was said.</summary>
    public string? Text { get; init; }

    /// <summary>Only feedback tagged with this theme.</summary>
    public int? ThemeId { get; init; }

    public static FeedbackFilter All { get; } = new();
}

/// <summary>
/// Where a page starts: the first page, or the rows just after (older, in the display order) or just
/// before a row already shown. Keyset paging keeps deep pages as fast as the first one.
/// </summary>
public sealed record FeedbackPageRequest(FeedbackSort Sort, int PageSize, FeedbackCursor? After = null, FeedbackCursor? Before = null)
{
    public const int MaxPageSize = 200;

    public static FeedbackPageRequest First(FeedbackSort sort = FeedbackSort.NewestFirst, int pageSize = 50) => new(sort, pageSize);
}

/// <summary>The sort keys of one row: enough to find the rows either side of it.</summary>
public sealed record FeedbackCursor(DateTime ReceivedAt, int Id, int? Score)
{
    /// <summary>
    /// The keys as they go in the inbox's address (ticks.id, then .score when scored), so that a link to a deep
    /// page seeks straight to it as the Next button does, rather than counting its way past the pages before.
    /// </summary>
    public string ToToken() => Score is { } score
        ? string.Create(CultureInfo.InvariantCulture, $"{ReceivedAt.Ticks}.{Id}.{score}")
        : string.Create(CultureInfo.InvariantCulture, $"{ReceivedAt.Ticks}.{Id}");

    public static FeedbackCursor? FromToken(string? token)
    {
        var parts = token?.Split('.');
        if (parts is not { Length: 2 or 3 }
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTime.MaxValue.Ticks
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id < 1)
        {
            return null;
        }
        int? score = null;
        if (parts.Length == 3)
        {
            if (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var scored))
            {
                return null;
            }
            score = scored;
        }
        return new FeedbackCursor(new DateTime(ticks, DateTimeKind.Utc), id, score);
    }
}
