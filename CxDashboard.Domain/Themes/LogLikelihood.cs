namespace CxDashboard.Domain.Themes;

/// <summary>
/// Dunning's log-likelihood ratio (G²) for a term seen in <c>a</c> of <c>n1</c> documents of one window and
/// <c>b</c> of <c>n2</c> of another (Dunning, "Accurate Methods for the Statistics of Surprise and Coincidence",
/// Computational Linguistics 19(1), 1993): G² = 2 Σ O ln(O / E) over the 2×2 table. Above 10.83 the difference
/// is significant at p &lt; 0.001 (χ² with one degree of freedom).
/// </summary>
public static class LogLikelihood
{
    public const double P001 = 10.83;

    public static double G2(long a, long n1, long b, long n2)
    {
        if (n1 <= 0 || n2 <= 0 || a < 0 || b < 0 || a > n1 || b > n2)
        {
            throw new ArgumentOutOfRangeException(nameof(a), "Counts must lie between 0 and their window's size, and each window must have documents.");
        }
        var total = (double)(n1 + n2);
        var withTerm = (double)(a + b);
        return 2 * (Term(a, n1 * withTerm / total) + Term(n1 - a, n1 * (total - withTerm) / total)
                    + Term(b, n2 * withTerm / total) + Term(n2 - b, n2 * (total - withTerm) / total));
    }

    private static double Term(double observed, double expected) => observed == 0 ? 0 : observed * Math.Log(observed / expected);
}
