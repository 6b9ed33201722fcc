namespace CxDashboard.Domain.Themes;

/// <summary>
/// A word or phrase that customers use significantly more in the recent window than in the baseline before it.
/// Counts are of documents (verbatims) holding the phrase at least once.
/// </summary>
public sealed record EmergingPhrase(string Phrase, int Recent, int RecentDocuments, int Baseline, int BaselineDocuments, double G2,
    IReadOnlyList<int> RecentIds)
{
    public double RecentShare => RecentDocuments == 0 ? 0 : (double)Recent / RecentDocuments;

    public double BaselineShare => BaselineDocuments == 0 ? 0 : (double)Baseline / BaselineDocuments;

    /// <summary>A theme rule that finds the phrase: the phrase in quotes.</summary>
    public string Rule => "\"" + Phrase + "\"";
}
