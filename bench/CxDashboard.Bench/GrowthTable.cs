using System.Text;

namespace CxDashboard.Bench;

/// <summary>
/// How each line's median grows with the data: the medians at each scale and, between each scale and the next, the
/// exponent k of time ∝ n^k, k = log(t2/t1) / log(n2/n1). A k above what the line's work needs (plus a margin for
/// the noise of a shared machine) is flagged.
/// </summary>
internal static class GrowthTable
{
    /// <summary>Medians under this many milliseconds are mostly the cost of asking at all; their ratio says little.</summary>
    private const double NoiseFloorMs = 2;

    /// <summary>How far above its expected exponent a line may measure before it is flagged.</summary>
    private const double Margin = 0.3;

    public static double Exponent(double t1, double n1, double t2, double n2) =>
        Math.Log(Math.Max(t2, NoiseFloorMs) / Math.Max(t1, NoiseFloorMs)) / Math.Log(n2 / n1);

    public static string ToMarkdown(IReadOnlyList<(int Feedback, Report Report)> runs)
    {
        var text = new StringBuilder();
        var steps = runs.Zip(runs.Skip(1)).ToList();
        text.Append("| Line |");
        foreach (var (feedback, _) in runs)
        {
            text.Append(Report.Inv($" median at {Scale(feedback)} |"));
        }
        foreach (var (a, b) in steps)
        {
            text.Append(Report.Inv($" k {Scale(a.Feedback)}→{Scale(b.Feedback)} |"));
        }
        text.AppendLine(" needs k | |");
        text.AppendLine("|" + string.Concat(Enumerable.Repeat(" --- |", runs.Count + steps.Count + 3)));

        var keys = runs.SelectMany(r => r.Report.Lines).Select(l => l.Growth).OfType<Growth>().Select(g => g.Key).Distinct().ToList();
        foreach (var key in keys)
        {
            var medians = runs.Select(r => r.Report.Lines.Select(l => l.Growth).FirstOrDefault(g => g?.Key == key)).ToList();
            var expected = medians.First(g => g is not null)!.Expected;
            text.Append(Report.Inv($"| {key} |"));
            foreach (var growth in medians)
            {
                text.Append(growth is null ? " — |" : Report.Inv($" {Time(growth.MedianMs)} |"));
            }
            var flagged = false;
            foreach (var (a, b) in runs.Zip(medians).Zip(runs.Skip(1).Zip(medians.Skip(1))))
            {
                if (a.Second is null || b.Second is null)
                {
                    text.Append(" — |");
                    continue;
                }
                var k = Exponent(a.Second.MedianMs, a.First.Feedback, b.Second.MedianMs, b.First.Feedback);
                var above = k > expected + Margin;
                flagged |= above;
                text.Append(Report.Inv($" {k:0.00}{(above ? " ▲" : "")} |"));
            }
            text.AppendLine(Report.Inv($" {expected:0} | {(flagged ? "above what it needs" : "")} |"));
        }
        return text.ToString();
    }

    private static string Scale(int feedback) => feedback switch
    {
        >= 1_000_000 when feedback % 1_000_000 == 0 => Report.Inv($"{feedback / 1_000_000}M"),
        >= 1_000 when feedback % 1_000 == 0 => Report.Inv($"{feedback / 1_000}k"),
        _ => Report.Inv($"{feedback:N0}"),
    };

    private static string Time(double ms) => ms switch
    {
        >= 10_000 => Report.Inv($"{ms / 1000:0} s"),
        >= 1_000 => Report.Inv($"{ms / 1000:0.0} s"),
        >= 10 => Report.Inv($"{ms:0} ms"),
        _ => Report.Inv($"{ms:0.00} ms"),
    };
}
