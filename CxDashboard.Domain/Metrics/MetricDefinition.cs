using CxDashboard.Domain.Common;
using CxDashboard.Domain.Statistics;

namespace CxDashboard.Domain.Metrics;

/// <summary>
/// A shared customer-experience metric. It is only agreed when every stakeholder team has signed off
/// its definition and targets; changing an agreed metric opens a new revision that needs agreement
/// again, while the agreed one stays in force.
/// </summary>
public sealed class MetricDefinition : Entity
{
    private readonly List<MetricRevision> _revisions = [];
    private readonly List<MetricEvent> _events = [];

    private MetricDefinition() { Code = Name = string.Empty; }

    private MetricDefinition(string code, string name, MetricDimension dimension, int ownerPersonId, int owningTeamId)
    {
        Code = NormaliseCode(code);
        Name = Guard.Text(name, "A metric's name", 120);
        if (!Enum.IsDefined(dimension))
        {
            throw new DomainException("Choose the metric's dimension.");
        }
        Dimension = dimension;
        OwnerPersonId = Guard.Id(ownerPersonId, "The metric's owner");
        OwningTeamId = Guard.Id(owningTeamId, "The metric's owning team");
        Status = MetricStatus.Draft;
    }

    public string Code { get; private set; }
    public string Name { get; private set; }
    public MetricDimension Dimension { get; private set; }
    public int OwnerPersonId { get; private set; }
    public int OwningTeamId { get; private set; }
    public MetricStatus Status { get; private set; }
    public string? RetiredReason { get; private set; }
    public DateTime? RetiredAt { get; private set; }

    /// <summary>
    /// Below this many answers a figure is shown as too few answers: no RAG, no trend, no place in a
    /// headline. Not part of the agreed definition: it says how far a reading can be trusted, not what is measured.
    /// </summary>
    public int MinimumSampleSize { get; private set; } = MinimumSample.Default;

    public IReadOnlyList<MetricRevision> Revisions => _revisions;
    public IReadOnlyList<MetricEvent> Events => _events;

    /// <summary>The agreed revision in force, or null until the first one is agreed.</summary>
    public MetricRevision? InForce => _revisions.SingleOrDefault(r => r.Status == RevisionStatus.Agreed);

    /// <summary>The revision being drafted or waiting for sign-off, if any.</summary>
    public MetricRevision? Pending => _revisions.SingleOrDefault(r => r.IsPending);

    /// <summary>What a reader should see: the agreed definition, or the pending one before any agreement.</summary>
    public MetricRevision Current => InForce ?? Pending ?? _revisions.OrderBy(r => r.Number).Last();

    public static MetricDefinition Draft(
        string code, string name, MetricDimension dimension, int ownerPersonId, int owningTeamId,
        MetricSpec spec, IEnumerable<TargetSpec> targets, int byPersonId, DateTime at)
    {
        var metric = new MetricDefinition(code, name, dimension, ownerPersonId, owningTeamId);
        metric._revisions.Add(new MetricRevision(1, spec, targets, [owningTeamId]));
        metric.Record(MetricEventKind.Drafted, 1, byPersonId, null, null, at);
        return metric;
    }

    public static string NormaliseCode(string? code)
    {
        var value = Guard.Text(code, "A metric's code", 40).ToUpperInvariant();
        if (!value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new DomainException("A metric's code may contain only letters, digits, '-' and '_'.");
        }
        return value;
    }

    public void Rename(string name)
    {
        EnsureNotRetired();
        Name = Guard.Text(name, "A metric's name", 120);
    }

    public void RequireAnswers(int minimumSampleSize)
    {
        EnsureNotRetired();
        if (MinimumSample.Problem(minimumSampleSize) is { } problem)
        {
            throw new DomainException(problem);
        }
        MinimumSampleSize = minimumSampleSize;
    }

    public void HandOver(int ownerPersonId, int owningTeamId)
    {
        EnsureNotRetired();
        OwnerPersonId = Guard.Id(ownerPersonId, "The metric's owner");
        OwningTeamId = Guard.Id(owningTeamId, "The metric's owning team");
    }

    /// <summary>
    /// Changes the definition or targets. A pending revision is edited in place (sign-offs already
    /// given are cleared, since they agreed to something else); an agreed metric gets a new proposed
    /// revision for the same stakeholders, and the agreed one stays in force meanwhile.
    /// </summary>
    public MetricRevision Revise(MetricSpec spec, IEnumerable<TargetSpec> targets, int byPersonId, DateTime at, string? note = null)
    {
        EnsureNotRetired();
        if (Pending is { } pending)
        {
            pending.Apply(spec, targets);
            Record(MetricEventKind.Edited, pending.Number, byPersonId, null, note, at);
            return pending;
        }
        var agreed = InForce ?? throw new DomainException("This metric has no revision to change.");
        // The owning team may have changed hands since the last agreement; it is always a stakeholder.
        var stakeholders = agreed.StakeholderTeamIds.Append(OwningTeamId).Distinct().ToList();
        var revision = new MetricRevision(_revisions.Max(r => r.Number) + 1, spec, targets, stakeholders);
        revision.Propose(stakeholders, at);
        _revisions.Add(revision);
        Record(MetricEventKind.RevisionOpened, revision.Number, byPersonId, null, note, at);
        return revision;
    }

    /// <summary>Asks the stakeholder teams to agree the pending revision. The owning team is always one of them.</summary>
    public void Propose(IEnumerable<int> stakeholderTeamIds, int byPersonId, DateTime at)
    {
        EnsureNotRetired();
        var pending = Pending ?? throw new DomainException("There is no draft to propose: change the metric to open a new revision.");
        if (pending.Status == RevisionStatus.Proposed)
        {
            throw new DomainException($"Revision {pending.Number} is already proposed.");
        }
        var teams = stakeholderTeamIds.Append(OwningTeamId).Distinct().ToList();
        pending.Propose(teams, at);
        if (Status == MetricStatus.Draft)
        {
            Status = MetricStatus.Proposed;
        }
        Record(MetricEventKind.Proposed, pending.Number, byPersonId, null, null, at);
    }

    /// <summary>A lead of a stakeholder team agrees the proposed revision. When every team has, it is agreed.</summary>
    public void SignOff(int teamId, int personId, string? comment, DateTime at)
    {
        var revision = ProposedRevisionFor(teamId);
        revision.Answer(new MetricSignOff(teamId, personId, SignOffDecision.SignedOff, Guard.OptionalText(comment, "The comment", 1000), at));
        Record(MetricEventKind.SignedOff, revision.Number, personId, teamId, comment, at);

        if (revision.TeamsStillToSignOff.Count == 0)
        {
            InForce?.MarkSuperseded();
            revision.MarkAgreed(at);
            Status = MetricStatus.Agreed;
            Record(MetricEventKind.Agreed, revision.Number, personId, null, null, at);
        }
    }

    /// <summary>A lead of a stakeholder team refuses the proposed revision, saying why; it cannot be agreed until that team signs off.</summary>
    public void Object(int teamId, int personId, string comment, DateTime at)
    {
        var revision = ProposedRevisionFor(teamId);
        var reason = Guard.Text(comment, "The reason for objecting", 1000);
        revision.Answer(new MetricSignOff(teamId, personId, SignOffDecision.Objected, reason, at));
        Record(MetricEventKind.Objected, revision.Number, personId, teamId, reason, at);
    }

    public void Retire(string reason, int byPersonId, DateTime at)
    {
        EnsureNotRetired();
        var why = Guard.Text(reason, "The reason for retiring", 1000);
        Pending?.Withdraw();
        Status = MetricStatus.Retired;
        RetiredReason = why;
        RetiredAt = at;
        Record(MetricEventKind.Retired, Current.Number, byPersonId, null, why, at);
    }

    private MetricRevision ProposedRevisionFor(int teamId)
    {
        EnsureNotRetired();
        var revision = Pending;
        if (revision is null || revision.Status != RevisionStatus.Proposed)
        {
            throw new DomainException($"{Name} has no proposed revision waiting for sign-off.");
        }
        if (!revision.StakeholderTeamIds.Contains(teamId))
        {
            throw new DomainException($"That team is not a stakeholder of {Name} revision {revision.Number}.");
        }
        return revision;
    }

    private void EnsureNotRetired()
    {
        if (Status == MetricStatus.Retired)
        {
            throw new DomainException($"{Name} is retired and can no longer change.");
        }
    }

    private void Record(MetricEventKind kind, int revision, int personId, int? teamId, string? comment, DateTime at) =>
        _events.Add(new MetricEvent(kind, revision, personId, teamId, Guard.OptionalText(comment, "The comment", 1000), Guard.Utc(at)));
}
