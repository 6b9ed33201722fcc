using CxDashboard.Domain.Common;

namespace CxDashboard.Domain.Statistics;

/// <summary>
/// A mean score (CES, star ratings) from the number of answers, their sum and the sum of their
/// squares, which the database adds up per day. The interval is Student's t interval.
/// </summary>
public sealed record MeanSample : Sample
{
    public MeanSample(int count, double sum, double sumOfSquares)
    {
        if (count < 0 || sumOfSquares < 0)
        {
            throw new DomainException("A count of answers and a sum of squares cannot be negative.");
        }
        Count = count;
        Sum = sum;
        SumOfSquares = sumOfSquares;
    }

    public int Count { get; }

    public double Sum { get; }

    public double SumOfSquares { get; }

    public override int Size => Count;

    public double Mean => Sum / Count;

    /// <summary>The sample variance; rounding can make a true zero slightly negative, so it is floored at zero.</summary>
    public double Variance => Math.Max(0, (SumOfSquares - Sum * Sum / Count) / (Count - 1));

    public override Estimate? Estimate()
    {
        if (Count == 0)
        {
            return null;
        }
        if (Count == 1)
        {
            return new Estimate(Mean, 1, null, null);
        }
        var margin = StudentT.Quantile(0.975, Count - 1) * Math.Sqrt(Variance / Count);
        return new Estimate(Mean, Count, Mean - margin, Mean + margin);
    }

    /// <summary>Welch's t-test, which does not assume the two periods' spreads are equal.</summary>
    protected override Change TestChangeFrom(Sample before)
    {
        var earlier = (MeanSample)before;
        var delta = Mean - earlier.Mean;
        if (Count < 2 || earlier.Count < 2)
        {
            return Change.TooFewAnswers(delta);
        }
        var nowShare = Variance / Count;
        var thenShare = earlier.Variance / earlier.Count;
        var standardError = Math.Sqrt(nowShare + thenShare);
        var degreesOfFreedom = standardError == 0
            ? Count + earlier.Count - 2
            : Math.Pow(nowShare + thenShare, 2)
              / (nowShare * nowShare / (Count - 1) + thenShare * thenShare / (earlier.Count - 1));
        return Change.Tested(delta, delta, standardError, StudentT.Quantile(0.975, degreesOfFreedom));
    }
}
