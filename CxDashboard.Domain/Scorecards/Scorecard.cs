using CxDashboard.Domain.Common;

namespace CxDashboard.Domain.Scorecards;

/// <summary>
/// The quarter's scorecard. Draft while owners write their commentary; publishing freezes a
/// snapshot of values, targets, RAG and commentary that later changes to the data never alter.
/// </summary>
public sealed class Scorecard : Entity
{
    private readonly List<ScorecardLine> _lines = [];
    private readonly List<ScorecardCommentary> _commentary = [];

    private Scorecard() { }

    public Scorecard(Period quarter, int createdByPersonId, DateTime createdAt)
    {
        if (quarter.Kind != PeriodKind.Quarter)
        {
            throw new DomainException($"A scorecard covers a quarter; {quarter} is not one.");
        }
        Quarter = quarter;
        CreatedByPersonId = Guard.Id(createdByPersonId, "Who started the scorecard");
        CreatedAt = Guard.Utc(createdAt);
        Status = ScorecardStatus.Draft;
    }

    public Period Quarter { get; private set; }
    public ScorecardStatus Status { get; private set; }
    public string? Headline { get; private set; }
    public int CreatedByPersonId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public int? PublishedByPersonId { get; private set; }
    public DateTime? PublishedAt { get; private set; }

    public IReadOnlyList<ScorecardLine> Lines => _lines;
    public IReadOnlyList<ScorecardCommentary> Commentary => _commentary;

    public bool IsPublished => Status == ScorecardStatus.Published;

    public void WriteHeadline(string? headline)
    {
        EnsureDraft();
        Headline = Guard.OptionalText(headline, "The headline", 2000);
    }

    public void WriteCommentary(int metricId, string? text, int authorPersonId, DateTime at)
    {
        EnsureDraft();
        var value = Guard.OptionalText(text, "The commentary", 2000);
        var existing = _commentary.SingleOrDefault(c => c.MetricDefinitionId == metricId);
        if (value is null)
        {
            if (existing is not null)
            {
                _commentary.Remove(existing);
            }
            return;
        }
        if (existing is null)
        {
            _commentary.Add(new ScorecardCommentary(Guard.Id(metricId, "The metric"), value, Guard.Id(authorPersonId, "The author"), Guard.Utc(at)));
        }
        else
        {
            existing.Rewrite(value, Guard.Id(authorPersonId, "The author"), Guard.Utc(at));
        }
    }

    public string? CommentaryFor(int metricId) => _commentary.SingleOrDefault(c => c.MetricDefinitionId == metricId)?.Text;

    /// <summary>Freezes the given lines (computed from the data at this moment) as the published scorecard.</summary>
    public void Publish(IEnumerable<ScorecardLine> lines, int byPersonId, DateTime at)
    {
        EnsureDraft();
        var snapshot = lines.ToList();
        if (snapshot.Count == 0)
        {
            throw new DomainException("A scorecard with no agreed metrics cannot be published.");
        }
        PublishedByPersonId = Guard.Id(byPersonId, "Who published the scorecard");
        _lines.AddRange(snapshot);
        PublishedAt = Guard.Utc(at);
        Status = ScorecardStatus.Published;
    }

    private void EnsureDraft()
    {
        if (IsPublished)
        {
            throw new DomainException($"The {Quarter} scorecard is published and can no longer change.");
        }
    }
}
