namespace CxDashboard.Domain.Metrics;

public enum MetricUnit
{
    /// <summary>Net Promoter Score, −100 to 100.</summary>
    NpsScore = 1,
    /// <summary>A share, 0 to 100.</summary>
    Percent = 2,
    /// <summary>A rating on a 1–5 scale (reviews, CSAT averages).</summary>
    RatingOutOf5 = 3,
    /// <summary>A rating on a 1–7 scale (customer effort).</summary>
    RatingOutOf7 = 4,
    /// <summary>A count or amount, zero or more.</summary>
    Number = 5,
    /// <summary>Money, zero or more.</summary>
    Currency = 6,
    /// <summary>A duration in hours, zero or more.</summary>
    Hours = 7,
}
