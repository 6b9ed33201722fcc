using CxDashboard.Domain.Common;

namespace CxDashboard.Domain.Friction;

/// <summary>One step on a friction issue's timeline.</summary>
public sealed class FrictionStatusChange : Entity
{
    private FrictionStatusChange() { }

    internal FrictionStatusChange(FrictionStatus? from, FrictionStatus to, int personId, string? note, DateTime at)
    {
        From = from;
        To = to;
        PersonId = personId;
        Note = note;
        At = at;
    }

    public int FrictionIssueId { get; private set; }
    public FrictionStatus? From { get; private set; }
    public FrictionStatus To { get; private set; }
    public int PersonId { get; private set; }
    public string? Note { get; private set; }
    public DateTime At { get; private set; }

    internal void EraseWords(Redaction redaction) => Note = redaction.Apply(Note, 1000);
}
