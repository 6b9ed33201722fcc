namespace CxDashboard.Domain.Statistics;

/// <summary>What a change between two periods amounts to, in the metric's direction.</summary>
public enum ChangeVerdict
{
    RealImprovement = 1,
    RealDecline = 2,
    WithinNoise = 3,
    /// <summary>One of the periods has fewer answers than the metric's minimum.</summary>
    TooFewAnswers = 4,
    /// <summary>Recorded figures without a sample size or interval: nothing to test the change against.</summary>
    Untested = 5,
}
