namespace CxDashboard.Domain.Statistics;

/// <summary>How many answers a figure needs before it is given a RAG, a trend or a place in a headline.</summary>
public static class MinimumSample
{
    public const int Default = 30;

    public const int Largest = 100_000;

    public static string? Problem(int minimumSampleSize) =>
        minimumSampleSize is < 1 or > Largest
            ? $"The minimum number of answers must be between 1 and {Largest:N0}."
            : null;
}
