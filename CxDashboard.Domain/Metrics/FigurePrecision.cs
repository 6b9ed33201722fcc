namespace CxDashboard.Domain.Metrics;

/// <summary>How many decimals a change and a margin of error are read to in each unit.</summary>
public static class FigurePrecision
{
    /// <summary>
    /// One more than a whole-number score shows, so that "+0" never hides a movement; two for ratings. The
    /// rule the metric pages read through MetricText.Decimals, and the words the Domain freezes use.
    /// </summary>
    public static int Decimals(MetricUnit unit) => unit is MetricUnit.RatingOutOf5 or MetricUnit.RatingOutOf7 ? 2 : 1;
}
