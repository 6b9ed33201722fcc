using CxDashboard.Domain.Common;

namespace CxDashboard.Domain.Governance;

/// <summary>An entry of a review's decision log.</summary>
public sealed class Decision : Entity
{
    private Decision() { Text = string.Empty; }

    internal Decision(string text, int recordedByPersonId, DateTime at)
    {
        Text = text;
        RecordedByPersonId = recordedByPersonId;
        At = at;
    }

    public int ReviewId { get; private set; }
    public string Text { get; private set; }
    public int RecordedByPersonId { get; private set; }
    public DateTime At { get; private set; }

    internal void EraseWords(Redaction redaction) => Text = redaction.Apply(Text, 2000)!;
}
