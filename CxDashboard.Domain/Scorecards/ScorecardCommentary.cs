namespace CxDashboard.Domain.Scorecards;

/// <summary>What a metric's owner says about the quarter.</summary>
public sealed class ScorecardCommentary
{
    private ScorecardCommentary() { Text = string.Empty; }

    internal ScorecardCommentary(int metricId, string text, int authorPersonId, DateTime at)
    {
        MetricDefinitionId = metricId;
        Text = text;
        AuthorPersonId = authorPersonId;
        At = at;
    }

    public int ScorecardId { get; private set; }
    public int MetricDefinitionId { get; private set; }
    public string Text { get; private set; }
    public int AuthorPersonId { get; private set; }
    public DateTime At { get; private set; }

    internal void Rewrite(string text, int authorPersonId, DateTime at)
    {
        Text = text;
        AuthorPersonId = authorPersonId;
        At = at;
    }
}
