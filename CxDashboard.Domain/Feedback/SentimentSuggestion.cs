namespace CxDashboard.Domain.Feedback;

/// <summary>A suggested sentiment and the reason for it, shown to the person who records the feedback.</summary>
public sealed record SentimentSuggestion(Sentiment Sentiment, string Reason);
