using CxDashboard.Domain.Common;

namespace CxDashboard.Domain.Audit;

/// <summary>Who changed what, when, from what to what. Written once, never deleted; edited only to honour an erasure request.</summary>
public sealed class AuditEntry : Entity
{
    private AuditEntry() { ActorName = EntityType = EntityId = Summary = string.Empty; }

    public AuditEntry(DateTime at, int? actorPersonId, string actorName, string entityType, string entityId,
        AuditAction action, string summary, string? before, string? after)
    {
        At = Guard.Utc(at);
        ActorPersonId = actorPersonId;
        ActorName = Guard.Text(actorName, "Who made the change", 200);
        EntityType = Guard.Text(entityType, "What was changed", 100);
        EntityId = Guard.Text(entityId, "Which record was changed", 100);
        Action = action;
        Summary = Guard.Text(summary, "The summary", 500);
        Before = before;
        After = after;
    }

    public DateTime At { get; private set; }
    public int? ActorPersonId { get; private set; }
    public string ActorName { get; private set; }
    public string EntityType { get; private set; }
    public string EntityId { get; private set; }
    public AuditAction Action { get; private set; }
    public string Summary { get; private set; }

    /// <summary>The changed fields' values before, as JSON; null for a creation.</summary>
    public string? Before { get; private set; }

    /// <summary>The changed fields' values after, as JSON; null for a deletion.</summary>
    public string? After { get; private set; }

    /// <summary>
    /// The one change an entry allows: a customer's words quoted in the record it describes are taken out
    /// of it too. The summary quotes the start of changed texts, so it is reduced to what was done.
    /// </summary>
    public void EraseWords(Redaction redaction)
    {
        var before = redaction.ApplyToJson(Before);
        var after = redaction.ApplyToJson(After);
        if (before == Before && after == After && !redaction.Matches(Summary))
        {
            return;
        }
        (Before, After) = (before, after);
        Summary = $"{Action} {EntityType} #{EntityId}: {Redaction.Marker}";
    }
}
