using CxDashboard.Domain.Common;

namespace CxDashboard.Domain.Actions;

/// <summary>A dated progress note on an action, with the status change it came with, if any.</summary>
public sealed class ActionNote : Entity
{
    private ActionNote() { Text = string.Empty; }

    internal ActionNote(int personId, string text, ActionStatus? newStatus, DateTime at)
    {
        PersonId = personId;
        Text = text;
        NewStatus = newStatus;
        At = at;
    }

    public int ActionItemId { get; private set; }
    public int PersonId { get; private set; }
    public string Text { get; private set; }
    public ActionStatus? NewStatus { get; private set; }
    public DateTime At { get; private set; }

    internal void EraseWords(Redaction redaction) => Text = redaction.Apply(Text, 2000)!;
}
