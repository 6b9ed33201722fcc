using CxDashboard.Domain.Common;

namespace CxDashboard.Domain.Actions;

/// <summary>
/// Owned work with a person, a team and a due date: on a friction issue, from a review, or on its own.
/// </summary>
public sealed class ActionItem : Entity
{
    private readonly List<ActionNote> _notes = [];

    private ActionItem() { Title = string.Empty; }

    public ActionItem(string title, string? description, int ownerPersonId, int teamId, DateOnly dueDate,
        int impact, int effort, bool quickWin, int createdByPersonId, DateTime createdAt,
        int? frictionIssueId = null, int? reviewId = null)
    {
        Title = Guard.Text(title, "An action's title", 200);
        Description = Guard.OptionalText(description, "The description", 4000);
        OwnerPersonId = Guard.Id(ownerPersonId, "The action's owner");
        TeamId = Guard.Id(teamId, "The action's team");
        DueDate = dueDate;
        Impact = Guard.Range(impact, "Impact", 1, 3);
        Effort = Guard.Range(effort, "Effort", 1, 3);
        QuickWin = quickWin;
        CreatedByPersonId = Guard.Id(createdByPersonId, "Who created the action");
        CreatedAt = Guard.Utc(createdAt);
        FrictionIssueId = frictionIssueId;
        ReviewId = reviewId;
        Status = ActionStatus.Open;
    }

    public string Title { get; private set; }
    public string? Description { get; private set; }
    public int OwnerPersonId { get; private set; }
    public int TeamId { get; private set; }
    public DateOnly DueDate { get; private set; }
    public ActionStatus Status { get; private set; }
    public string? BlockedReason { get; private set; }
    public bool QuickWin { get; private set; }
    public int Impact { get; private set; }
    public int Effort { get; private set; }
    public int? FrictionIssueId { get; private set; }
    public int? ReviewId { get; private set; }
    public int CreatedByPersonId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? CompletedAt { get; private set; }

    public IReadOnlyList<ActionNote> Notes => _notes;

    public bool IsOpen => IsOpenStatus(Status);

    public static bool IsOpenStatus(ActionStatus status) => status is not (ActionStatus.Done or ActionStatus.Cancelled);

    public bool IsOverdue(DateOnly today) => IsOpen && DueDate < today;

    /// <summary>Takes a customer's words out of the action and its notes, open or finished: an erasure request overrides the record.</summary>
    public void EraseWords(Redaction redaction)
    {
        Title = redaction.Apply(Title, 200)!;
        Description = redaction.Apply(Description, 4000);
        BlockedReason = redaction.Apply(BlockedReason, 1000);
        foreach (var note in _notes)
        {
            note.EraseWords(redaction);
        }
    }

    public void Plan(string title, string? description, DateOnly dueDate, int impact, int effort, bool quickWin)
    {
        EnsureOpen("changed");
        Title = Guard.Text(title, "An action's title", 200);
        Description = Guard.OptionalText(description, "The description", 4000);
        DueDate = dueDate;
        Impact = Guard.Range(impact, "Impact", 1, 3);
        Effort = Guard.Range(effort, "Effort", 1, 3);
        QuickWin = quickWin;
    }

    public void Reassign(int ownerPersonId, int teamId)
    {
        EnsureOpen("reassigned");
        OwnerPersonId = Guard.Id(ownerPersonId, "The action's owner");
        TeamId = Guard.Id(teamId, "The action's team");
    }

    public void AddNote(int personId, string text, DateTime at) =>
        _notes.Add(new ActionNote(Guard.Id(personId, "Who wrote the note"), Guard.Text(text, "A progress note", 2000), null, Guard.Utc(at)));

    /// <summary>The statuses an action may move to from <paramref name="status"/>, in the order a list offers them.</summary>
    public static IReadOnlyList<ActionStatus> AllowedMoves(ActionStatus status) => status switch
    {
        ActionStatus.Open => [ActionStatus.InProgress, ActionStatus.Blocked, ActionStatus.Done, ActionStatus.Cancelled],
        ActionStatus.InProgress => [ActionStatus.Blocked, ActionStatus.Done, ActionStatus.Cancelled],
        ActionStatus.Blocked => [ActionStatus.InProgress, ActionStatus.Cancelled],
        _ => [ActionStatus.Open],
    };

    public void Start(int byPersonId, DateTime at, string? note = null)
    {
        if (!AllowedMoves(Status).Contains(ActionStatus.InProgress))
        {
            throw Refused(ActionStatus.InProgress);
        }
        Move(ActionStatus.InProgress, byPersonId, note, at);
        BlockedReason = null;
    }

    public void Block(string reason, int byPersonId, DateTime at)
    {
        if (!AllowedMoves(Status).Contains(ActionStatus.Blocked))
        {
            throw Refused(ActionStatus.Blocked);
        }
        var why = Guard.Text(reason, "The reason the action is blocked", 1000);
        Move(ActionStatus.Blocked, byPersonId, why, at);
        BlockedReason = why;
    }

    public void Complete(int byPersonId, DateTime at, string? note = null)
    {
        if (!AllowedMoves(Status).Contains(ActionStatus.Done))
        {
            throw Status == ActionStatus.Blocked
                ? new DomainException("A blocked action must be unblocked before it is done.")
                : Refused(ActionStatus.Done);
        }
        Move(ActionStatus.Done, byPersonId, note, at);
        CompletedAt = Guard.Utc(at);
    }

    public void Cancel(string reason, int byPersonId, DateTime at)
    {
        EnsureOpen("cancelled");
        Move(ActionStatus.Cancelled, byPersonId, Guard.Text(reason, "The reason for cancelling", 1000), at);
        BlockedReason = null;
        CompletedAt = Guard.Utc(at);
    }

    public void Reopen(string reason, int byPersonId, DateTime at)
    {
        if (!AllowedMoves(Status).Contains(ActionStatus.Open))
        {
            throw new DomainException("The action is still open.");
        }
        Move(ActionStatus.Open, byPersonId, Guard.Text(reason, "The reason for reopening", 1000), at);
        CompletedAt = null;
    }

    // Callers change their own fields only after Move, so a refused change leaves the action as it was.
    private void Move(ActionStatus to, int byPersonId, string? note, DateTime at)
    {
        var entry = new ActionNote(Guard.Id(byPersonId, "Who changed the action"),
            Guard.OptionalText(note, "A progress note", 2000) ?? $"Status changed to {Describe(to)}.", to, Guard.Utc(at));
        Status = to;
        _notes.Add(entry);
    }

    private void EnsureOpen(string what)
    {
        if (!IsOpen)
        {
            throw new DomainException($"A {Status.ToString().ToLowerInvariant()} action cannot be {what}; reopen it first.");
        }
    }

    private DomainException Refused(ActionStatus to) =>
        new($"An action that is {Describe(Status)} cannot become {Describe(to)}.");

    private static string Describe(ActionStatus status) => status switch
    {
        ActionStatus.InProgress => "in progress",
        _ => status.ToString().ToLowerInvariant(),
    };
}
