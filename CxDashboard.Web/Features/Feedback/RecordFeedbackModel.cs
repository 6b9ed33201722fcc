using CxDashboard.Domain.Feedback;

namespace CxDashboard.Web.Features.Feedback;

/// <summary>The record-feedback form's inputs as the person fills them in.</summary>
public sealed class RecordFeedbackModel
{
    public DateTime? ReceivedAt { get; set; }
    public int? ChannelId { get; set; }
    public int? JourneyStageId { get; set; }
    public FeedbackSource? Source { get; set; }
    public FeedbackCategory? Category { get; set; }
    public ScoreScale? ScoreScale { get; set; }
    public int? Score { get; set; }
    public string? Verbatim { get; set; }
    public string? CustomerRef { get; set; }
    public Sentiment Sentiment { get; set; } = Sentiment.Neutral;

    /// <summary>The command for the service; the form's validation has made sure the required parts are there.</summary>
    public RecordFeedbackCommand ToCommand() => new(
        DateTime.SpecifyKind(ReceivedAt ?? throw new InvalidOperationException("The form is not valid."), DateTimeKind.Utc),
        ChannelId ?? 0,
        JourneyStageId,
        Source ?? 0,
        Category ?? 0,
        Sentiment,
        ScoreScale,
        ScoreScale is null ? null : Score,
        Verbatim,
        CustomerRef);
}
