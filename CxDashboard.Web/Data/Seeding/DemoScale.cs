namespace CxDashboard.Web.Data.Seeding;

/// <summary>
/// How big the demo retailer is: feedback items to generate, and the totals of friction issues, actions
/// and metrics to reach (the retailer's own few dozen are topped up with generated ones; 0 keeps just
/// those). Each extra metric has weekly values per channel and in total for five years.
/// </summary>
public sealed record DemoScale(int Feedback, int FrictionIssues = 0, int Actions = 0, int Metrics = 0)
{
    /// <summary>The scale the app is built for, and the benchmark's default.</summary>
    public static DemoScale Full => new(1_000_000, 50_000, 200_000, 500);
}

/// <summary>What the top-up to <see cref="DemoScale"/> added, and how long it took (inside the seeding's time).</summary>
public sealed record DemoVolume(int FrictionIssues, int Actions, int Metrics, int MetricValues, TimeSpan Took)
{
    /// <summary>How long SQLite's search index of the verbatims took to build from the table after the bulk load.</summary>
    public TimeSpan SearchIndexTook { get; init; }

    /// <summary>How long SQLite's feedback counts per day took to count from the table after the bulk load.</summary>
    public TimeSpan DayCountsTook { get; init; }

    public static readonly DemoVolume None = new(0, 0, 0, 0, TimeSpan.Zero);
}
