namespace CxDashboard.Domain.Feedback;

/// <summary>The question a customer's score answers.</summary>
public enum ScoreScale
{
    /// <summary>"How likely are you to recommend us?" 0–10.</summary>
    Nps = 1,
    /// <summary>"How satisfied were you?" 1–5.</summary>
    Csat = 2,
    /// <summary>"How easy was it?" 1–7, higher is easier.</summary>
    Ces = 3,
    /// <summary>A review's star rating, 1–5.</summary>
    StarRating = 4,
}
