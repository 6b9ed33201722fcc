namespace CxDashboard.Domain.Statistics;

/// <summary>
/// A figure with the number of answers behind it and its 95% interval. Recorded figures may
/// carry neither; a computed figure with a single answer has no interval.
/// </summary>
public readonly record struct Estimate(double Value, int? SampleSize, double? Low, double? High)
{
    public bool HasInterval => Low is not null && High is not null;

    /// <summary>Half the interval's width: the "±" read out beside the figure.</summary>
    public double? MarginOfError => HasInterval ? (High!.Value - Low!.Value) / 2 : null;

    /// <summary>
    /// Whether the figure rests on fewer answers than the metric asks for. A figure whose sample
    /// size is not known (typed in without one) is taken at its word.
    /// </summary>
    public bool HasTooFewAnswers(int minimumSampleSize) => SampleSize is { } n && n < minimumSampleSize;
}
