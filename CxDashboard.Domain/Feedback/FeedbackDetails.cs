namespace CxDashboard.Domain.Feedback;

/// <summary>
/// What someone tells us, as recorded by a person or received from a survey tool. An external id is the
/// answer's id in the tool it came from, so it comes with that source (an API key, a token's person, an import).
/// </summary>
public sealed record FeedbackDetails(
    DateTime ReceivedAt,
    int ChannelId,
    int? JourneyStageId,
    FeedbackSource Source,
    FeedbackCategory Category,
    Sentiment Sentiment,
    ScoreScale? ScoreScale,
    int? Score,
    string Verbatim,
    string? CustomerRef = null,
    string? ExternalId = null,
    string? ExternalSource = null);
