using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;

namespace CxDashboard.Domain.Statistics;

/// <summary>
/// Promoters, passives and detractors. The interval is the adjusted-Wald interval that Rocks
/// (The American Statistician 70(3), 2016) found the best of six and that MeasuringU recommends
/// (Sauro and Lewis, "Confidence Intervals for Net Promoter Scores", measuringu.com/nps-confidence-intervals):
/// add 3 to n and ¾ to each of promoters and detractors, then use the variance of a difference of two proportions.
/// </summary>
public sealed record NpsSample : Sample
{
    public NpsSample(int promoters, int passives, int detractors)
    {
        if (promoters < 0 || passives < 0 || detractors < 0)
        {
            throw new DomainException("Counts of promoters, passives and detractors cannot be negative.");
        }
        Promoters = promoters;
        Passives = passives;
        Detractors = detractors;
    }

    public int Promoters { get; }

    public int Passives { get; }

    public int Detractors { get; }

    public override int Size => Promoters + Passives + Detractors;

    public override Estimate? Estimate()
    {
        if (Size == 0)
        {
            return null;
        }
        var (adjusted, variance, n) = Adjusted();
        var margin = StudentT.Z95 * Math.Sqrt(variance / n);
        return new Estimate(
            Scores.Nps(Promoters, Passives, Detractors)!.Value,
            Size,
            100 * Math.Max(-1, adjusted - margin),
            100 * Math.Min(1, adjusted + margin));
    }

    /// <summary>The adjusted-Wald difference of two NPS (MeasuringU, "How to Compare Two Net Promoter Scores").</summary>
    protected override Change TestChangeFrom(Sample before)
    {
        var earlier = (NpsSample)before;
        var (nowAdjusted, nowVariance, nowN) = Adjusted();
        var (thenAdjusted, thenVariance, thenN) = earlier.Adjusted();
        var standardError = Math.Sqrt(nowVariance / nowN + thenVariance / thenN);
        var delta = Estimate()!.Value.Value - earlier.Estimate()!.Value.Value;
        return Change.Tested(delta, nowAdjusted - thenAdjusted, standardError, StudentT.Z95);
    }

    /// <summary>
    /// This NPS less <paramref name="other"/>'s, with the 95% adjusted-Wald interval of the difference of two
    /// independent NPS; the sample size is this sample's. Null when either has no answers.
    /// </summary>
    public Estimate? DifferenceFrom(NpsSample other)
    {
        if (Size == 0 || other.Size == 0)
        {
            return null;
        }
        var (adjusted, variance, n) = Adjusted();
        var (otherAdjusted, otherVariance, otherN) = other.Adjusted();
        var margin = StudentT.Z95 * Math.Sqrt(variance / n + otherVariance / otherN);
        var difference = adjusted - otherAdjusted;
        return new Estimate(
            Estimate()!.Value.Value - other.Estimate()!.Value.Value,
            Size,
            100 * Math.Max(-2, difference - margin),
            100 * Math.Min(2, difference + margin));
    }

    private (double Nps, double Variance, double N) Adjusted()
    {
        var n = Size + 3.0;
        var promoters = (Promoters + 0.75) / n;
        var detractors = (Detractors + 0.75) / n;
        var nps = promoters - detractors;
        return (nps, promoters + detractors - nps * nps, n);
    }
}
