namespace CxDashboard.Domain.Metrics;

/// <summary>How many decimals a change and a margin of error are read to in each unit.</summary>
public static class FigurePrecision
{
    /// <summary>One more than a whole-number score shows, so that "+0" never hides a movement; two for ratings and money.</summary>
    public static int Decimals(MetricUnit unit) => unit switch
    {
        MetricUnit.RatingOutOf5 or MetricUnit.RatingOutOf7 or MetricUnit.Currency => 2,
        _ => 1,
    };
}
