using CxDashboard.Domain.Common;

namespace CxDashboard.Domain.Statistics;

/// <summary>
/// A share of answers, such as CSAT's top two boxes, in percent. The interval is Wilson's score
/// interval (Wilson 1927; method 3 in Newcombe, Statistics in Medicine 17, 1998), which keeps
/// its coverage near 95% for small samples and shares near 0 or 100%.
/// </summary>
public sealed record ProportionSample : Sample
{
    public ProportionSample(int successes, int total)
    {
        if (total < 0 || successes < 0 || successes > total)
        {
            throw new DomainException("The number of answers counted must be between zero and the number of answers.");
        }
        Successes = successes;
        Total = total;
    }

    public int Successes { get; }

    public int Total { get; }

    public override int Size => Total;

    public override Estimate? Estimate()
    {
        if (Total == 0)
        {
            return null;
        }
        const double z = StudentT.Z95;
        double n = Total;
        var p = Successes / n;
        var centre = p + z * z / (2 * n);
        var spread = z * Math.Sqrt(p * (1 - p) / n + z * z / (4 * n * n));
        var scale = 1 + z * z / n;
        return new Estimate(
            100 * p,
            Total,
            100 * Math.Max(0, (centre - spread) / scale),
            100 * Math.Min(1, (centre + spread) / scale));
    }

    /// <summary>The pooled two-proportion z-test.</summary>
    protected override Change TestChangeFrom(Sample before)
    {
        var earlier = (ProportionSample)before;
        double now = Successes, then = earlier.Successes;
        var pooled = (now + then) / (Total + earlier.Total);
        var standardError = Math.Sqrt(pooled * (1 - pooled) * (1.0 / Total + 1.0 / earlier.Total));
        var difference = now / Total - then / earlier.Total;
        return Change.Tested(100 * difference, difference, standardError, StudentT.Z95);
    }
}
