using CxDashboard.Domain.Metrics;

namespace CxDashboard.Domain.Statistics;

/// <summary>The change of a figure between two periods and whether it is significant at 95%.</summary>
public sealed record Change
{
    private Change(double delta, bool enoughAnswers, double? statistic, bool isReal)
    {
        Delta = delta;
        EnoughAnswers = enoughAnswers;
        Statistic = statistic;
        IsReal = isReal;
    }

    /// <summary>Later figure less earlier figure, in the figure's own unit.</summary>
    public double Delta { get; }

    public bool EnoughAnswers { get; }

    /// <summary>The test's z or t; null when the change could not be tested.</summary>
    public double? Statistic { get; }

    public bool IsTested => Statistic is not null;

    public bool IsReal { get; }

    /// <param name="testedDifference">The difference the test statistic is built on (adjusted, or as a share of 1).</param>
    /// <param name="critical">The statistic's two-sided 95% critical value.</param>
    public static Change Tested(double delta, double testedDifference, double standardError, double critical)
    {
        // Identical answers with no spread on either side: any difference at all is real.
        if (standardError == 0)
        {
            var statistic = testedDifference == 0 ? 0 : Math.CopySign(double.PositiveInfinity, testedDifference);
            return new Change(delta, true, statistic, testedDifference != 0);
        }
        var z = testedDifference / standardError;
        return new Change(delta, true, z, Math.Abs(z) > critical);
    }

    public static Change TooFewAnswers(double delta) => new(delta, false, null, false);

    /// <summary>
    /// The change between two figures known only by their intervals (typed in or imported): each
    /// half-width is taken as 1.96 standard errors and the difference tested with a z-test.
    /// </summary>
    public static Change Between(Estimate before, Estimate after, int minimumSampleSize)
    {
        var delta = after.Value - before.Value;
        if (before.HasTooFewAnswers(minimumSampleSize) || after.HasTooFewAnswers(minimumSampleSize))
        {
            return TooFewAnswers(delta);
        }
        if (before.MarginOfError is not { } thenMargin || after.MarginOfError is not { } nowMargin)
        {
            return new Change(delta, true, null, false);
        }
        var standardError = Math.Sqrt(Math.Pow(thenMargin / StudentT.Z95, 2) + Math.Pow(nowMargin / StudentT.Z95, 2));
        return Tested(delta, delta, standardError, StudentT.Z95);
    }

    public ChangeVerdict Verdict(Direction direction)
    {
        if (!EnoughAnswers)
        {
            return ChangeVerdict.TooFewAnswers;
        }
        if (!IsTested)
        {
            return ChangeVerdict.Untested;
        }
        if (!IsReal)
        {
            return ChangeVerdict.WithinNoise;
        }
        var better = direction == Direction.HigherIsBetter ? Delta > 0 : Delta < 0;
        return better ? ChangeVerdict.RealImprovement : ChangeVerdict.RealDecline;
    }
}
