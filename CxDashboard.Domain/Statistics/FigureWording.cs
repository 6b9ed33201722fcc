using System.Globalization;
using CxDashboard.Domain.Metrics;

namespace CxDashboard.Domain.Statistics;

/// <summary>The words a head of CX reads aloud about a figure, its change and its target.</summary>
public static class FigureWording
{
    public static string TooFewAnswers(int sampleSize) =>
        string.Create(CultureInfo.InvariantCulture, $"too few answers (n = {sampleSize})");

    /// <summary>"+6.8, a real improvement"; "+1.1, within the noise"; "−4.2, a real decline".</summary>
    public static string Change(Change change, Direction direction, int decimals)
    {
        var verdict = change.Verdict(direction);
        var delta = double.IsNaN(change.Delta) ? null : SignedNumber(change.Delta, decimals);
        var words = verdict switch
        {
            ChangeVerdict.RealImprovement => "a real improvement",
            ChangeVerdict.RealDecline => "a real decline",
            ChangeVerdict.WithinNoise => "within the noise",
            ChangeVerdict.TooFewAnswers => "too few answers to tell",
            _ => "not tested",
        };
        return delta is null ? words : $"{delta}, {words}";
    }

    public static string Target(TargetVerdict verdict, Direction direction) => verdict switch
    {
        TargetVerdict.OnTarget => "on target",
        TargetVerdict.WithinMargin => "target within the margin of error",
        _ => direction == Direction.HigherIsBetter ? "below target" : "above target",
    };

    /// <summary>"n = 412, ±4.8", or only the sample size when there is no interval.</summary>
    public static string SampleAndMargin(Estimate figure, int decimals)
    {
        var parts = new List<string>(2);
        if (figure.SampleSize is { } n)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"n = {n:#,0}"));
        }
        if (figure.MarginOfError is { } margin)
        {
            parts.Add("±" + margin.ToString(Fixed(decimals), CultureInfo.InvariantCulture));
        }
        return string.Join(", ", parts);
    }

    /// <summary>A signed number with a true minus sign, as the pages print changes.</summary>
    public static string SignedNumber(double value, int decimals)
    {
        var digits = Fixed(decimals);
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        // A change that rounds to nothing reads as 0.0, never as −0.0.
        rounded = rounded == 0 ? 0 : rounded;
        return rounded.ToString($"+{digits};−{digits};{digits}", CultureInfo.InvariantCulture);
    }

    private static string Fixed(int decimals) => decimals <= 0 ? "0" : "0." + new string('0', decimals);
}
