namespace CxDashboard.Domain.Statistics;

/// <summary>
/// The counts behind a figure computed from answers, as the database sums them per period: enough
/// to give the figure, its 95% interval and a test of its change against another period.
/// </summary>
public abstract record Sample
{
    public abstract int Size { get; }

    /// <summary>The figure with its interval; null without answers.</summary>
    public abstract Estimate? Estimate();

    /// <summary>The change from an earlier sample of the same kind, tested at 95% by the test that fits the statistic.</summary>
    public Change ChangeFrom(Sample before, int minimumSampleSize)
    {
        if (before.GetType() != GetType())
        {
            throw new ArgumentException($"A {GetType().Name} cannot be compared with a {before.GetType().Name}.", nameof(before));
        }
        if (Size < minimumSampleSize || before.Size < minimumSampleSize || Size == 0 || before.Size == 0)
        {
            var delta = Estimate() is { } now && before.Estimate() is { } then ? now.Value - then.Value : double.NaN;
            return Change.TooFewAnswers(delta);
        }
        return TestChangeFrom(before);
    }

    protected abstract Change TestChangeFrom(Sample before);
}
