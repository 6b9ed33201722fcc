using CxDashboard.Domain.Common;

namespace CxDashboard.Domain.Governance;

/// <summary>A governance meeting that breaks silos: a monthly CX council or a quarterly executive review.</summary>
public sealed class Review : Entity
{
    private readonly List<ReviewAttendee> _attendees = [];
    private readonly List<Decision> _decisions = [];

    private Review() { Title = string.Empty; }

    public Review(ReviewKind kind, string title, DateOnly heldOn, IEnumerable<int> attendeeTeamIds, int chairPersonId)
    {
        Title = string.Empty;
        Describe(kind, title, heldOn);
        ChairPersonId = Guard.Id(chairPersonId, "The chair");
        SetAttendees(attendeeTeamIds);
    }

    public ReviewKind Kind { get; private set; }
    public string Title { get; private set; }
    public DateOnly HeldOn { get; private set; }
    public int ChairPersonId { get; private set; }
    public string? Notes { get; private set; }

    public IReadOnlyList<ReviewAttendee> Attendees => _attendees;
    public IReadOnlyList<Decision> Decisions => _decisions;

    /// <summary>Sets what kind of review it is, its title and the day it is held.</summary>
    public void Describe(ReviewKind kind, string title, DateOnly heldOn)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Choose the kind of review.");
        }
        var checkedTitle = Guard.Text(title, "A review's title", 200);
        Kind = kind;
        Title = checkedTitle;
        HeldOn = heldOn;
    }

    public void SetAttendees(IEnumerable<int> teamIds)
    {
        var ids = teamIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            throw new DomainException("Name at least one team attending the review.");
        }
        _attendees.RemoveAll(a => !ids.Contains(a.TeamId));
        _attendees.AddRange(ids.Where(id => _attendees.All(a => a.TeamId != id)).Select(id => new ReviewAttendee(id)));
    }

    /// <summary>Takes a customer's words out of the review's notes and decision log: an erasure request overrides the record.</summary>
    public void EraseWords(Redaction redaction)
    {
        Title = redaction.Apply(Title, 200)!;
        Notes = redaction.Apply(Notes, 8000);
        foreach (var decision in _decisions)
        {
            decision.EraseWords(redaction);
        }
    }

    public void WriteNotes(string? notes) => Notes = Guard.OptionalText(notes, "The notes", 8000);

    public Decision RecordDecision(string text, int byPersonId, DateTime at)
    {
        var decision = new Decision(Guard.Text(text, "A decision", 2000), Guard.Id(byPersonId, "Who recorded the decision"), Guard.Utc(at));
        _decisions.Add(decision);
        return decision;
    }
}
