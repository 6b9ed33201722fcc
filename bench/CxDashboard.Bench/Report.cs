using System.Globalization;
using System.Text;

namespace CxDashboard.Bench;

/// <summary>One line of the results table: what was measured, its floor, the target and whether it was met.</summary>
internal sealed record ReportLine(string Area, string What, string Measured, string Floor, string Target, bool? Pass)
{
    /// <summary>The line's median and p95 in milliseconds, for its growth from one scale to the next (none for lines that do not grow with the data).</summary>
    public Growth? Growth { get; init; }
}

/// <summary>
/// A median and p95 to compare across scales: <paramref name="Key"/> names the line the same at every scale, and
/// <paramref name="Expected"/> is the exponent k (time ∝ n^k) its work needs: 0 for a counted tile or a keyset
/// page, 1 for work on every row (an export, a seed, an index build).
/// </summary>
internal sealed record Growth(string Key, double MedianMs, double P95Ms, double Expected);

internal sealed class Report
{
    private readonly List<ReportLine> _lines = [];
    private readonly List<string> _notes = [];

    public void Add(ReportLine line)
    {
        _lines.Add(line);
        Console.WriteLine($"  {line.Area} | {line.What} | {line.Measured} | {line.Floor} | {Verdict(line.Pass)}");
    }

    public void Note(string note)
    {
        _notes.Add(note);
        Console.WriteLine($"  note: {note}");
    }

    public IReadOnlyList<ReportLine> Lines => _lines;

    public static string Ms(Timings t) => Inv($"median {Ms(t.Median)} ms, p95 {Ms(t.P95)} ms");

    private static string Ms(double ms) => ms.ToString(ms < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);

    public static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| Area | What | Measured | Floor | Target | Result |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var l in _lines)
        {
            text.AppendLine(Inv($"| {l.Area} | {l.What} | {l.Measured} | {l.Floor} | {l.Target} | {Verdict(l.Pass)} |"));
        }
        if (_notes.Count > 0)
        {
            text.AppendLine();
            foreach (var note in _notes)
            {
                text.AppendLine("- " + note);
            }
        }
        return text.ToString();
    }

    private static string Verdict(bool? pass) => pass switch { true => "PASS", false => "MISS", null => "—" };
}
