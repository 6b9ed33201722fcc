namespace CxDashboard.Domain.Feedback;

public enum Sentiment
{
    Positive = 1,
    Neutral = 2,
    Negative = 3,
}
