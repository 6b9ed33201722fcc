using CxDashboard.Domain.Statistics;

namespace CxDashboard.Domain.Metrics;

/// <summary>
/// Green when the value meets the target in the metric's direction; amber when it misses by no
/// more than the tolerance; red beyond that; none without a value or a target.
/// </summary>
public static class RagRule
{
    /// <summary>As <see cref="Evaluate(double?, double?, Direction, double)"/>, but a figure on fewer answers than the minimum gets no RAG.</summary>
    public static Rag Evaluate(Estimate? figure, double? target, Direction direction, double tolerance, int minimumSampleSize) =>
        figure is { } f && f.HasTooFewAnswers(minimumSampleSize)
            ? Rag.None
            : Evaluate(figure?.Value, target, direction, tolerance);

    public static Rag Evaluate(double? value, double? target, Direction direction, double tolerance)
    {
        if (value is null || target is null || double.IsNaN(value.Value) || double.IsNaN(target.Value))
        {
            return Rag.None;
        }
        var shortfall = direction == Direction.HigherIsBetter
            ? target.Value - value.Value
            : value.Value - target.Value;
        // Values come from division and averages; a hair's difference is not a miss.
        const double epsilon = 1e-9;
        if (shortfall <= epsilon)
        {
            return Rag.Green;
        }
        return shortfall <= Math.Abs(tolerance) + epsilon ? Rag.Amber : Rag.Red;
    }
}
