using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Statistics;

namespace CxDashboard.Domain.Friction;

/// <summary>
/// Where customers are let down in the journey, owned by one team with others contributing.
/// New → Triaged → InProgress → Resolved → Closed, or WontFix with a reason. Closed only when the
/// outer loop is proven: actions finished, resolution written, people told, and each linked metric
/// significantly improved (or a reason given to close without it).
/// </summary>
public sealed class FrictionIssue : Entity
{
    private readonly List<FrictionChannel> _channels = [];
    private readonly List<ContributingTeam> _contributingTeams = [];
    private readonly List<LinkedMetric> _linkedMetrics = [];
    private readonly List<FrictionStatusChange> _history = [];

    private FrictionIssue() { Title = string.Empty; }

    public FrictionIssue(FrictionDetails details, int createdByPersonId, DateTime createdAt)
    {
        Title = string.Empty;
        Describe(details);
        CreatedByPersonId = Guard.Id(createdByPersonId, "Who raised the issue");
        CreatedAt = Guard.Utc(createdAt);
        Status = FrictionStatus.New;
        _history.Add(new FrictionStatusChange(null, FrictionStatus.New, createdByPersonId, null, CreatedAt));
    }

    public string Title { get; private set; }
    public string? Description { get; private set; }
    public int JourneyStageId { get; private set; }
    public FeedbackCategory Category { get; private set; }

    /// <summary>1 (cosmetic) to 4 (customers cannot complete the journey).</summary>
    public int Severity { get; private set; }

    /// <summary>The owner's estimate of customers affected; linked feedback is counted separately.</summary>
    public int CustomersAffected { get; private set; }

    public string? RootCause { get; private set; }
    public int OwningTeamId { get; private set; }
    public int OwnerPersonId { get; private set; }
    public DateOnly? DueDate { get; private set; }
    public FrictionStatus Status { get; private set; }
    public bool IsCrossChannel { get; private set; }
    public string? WontFixReason { get; private set; }
    public string? Resolution { get; private set; }
    public ToldAudience Told { get; private set; }
    public string? ToldHow { get; private set; }
    public DateTime? ToldAt { get; private set; }
    public int CreatedByPersonId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? ResolvedAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }

    public IReadOnlyList<FrictionChannel> Channels => _channels;
    public IReadOnlyList<ContributingTeam> ContributingTeams => _contributingTeams;
    public IReadOnlyList<LinkedMetric> LinkedMetrics => _linkedMetrics;
    public IReadOnlyList<FrictionStatusChange> History => _history;

    public bool IsOpen => Status is not (FrictionStatus.Closed or FrictionStatus.WontFix);

    /// <summary>Takes a customer's words out of the issue and its timeline, open or closed: an erasure request overrides the record.</summary>
    public void EraseWords(Redaction redaction)
    {
        Title = redaction.Apply(Title, 200)!;
        Description = redaction.Apply(Description, 4000);
        RootCause = redaction.Apply(RootCause, 2000);
        WontFixReason = redaction.Apply(WontFixReason, 1000);
        Resolution = redaction.Apply(Resolution, 4000);
        ToldHow = redaction.Apply(ToldHow, 500);
        foreach (var change in _history)
        {
            change.EraseWords(redaction);
        }
        foreach (var metric in _linkedMetrics)
        {
            metric.EraseWords(redaction);
        }
    }

    public void Describe(FrictionDetails details)
    {
        EnsureOpen();
        // Everything is checked before anything changes, so a refused edit leaves the issue as it was.
        var title = Guard.Text(details.Title, "A friction issue's title", 200);
        var description = Guard.OptionalText(details.Description, "The description", 4000);
        var journeyStageId = Guard.Id(details.JourneyStageId, "The journey stage");
        if (!Enum.IsDefined(details.Category))
        {
            throw new DomainException("Choose whether the friction is about product, service or experience.");
        }
        var severity = Guard.Range(details.Severity, "Severity", 1, 4);
        if (details.CustomersAffected < 0)
        {
            throw new DomainException("Customers affected cannot be negative.");
        }
        var rootCause = Guard.OptionalText(details.RootCause, "The root cause", 2000);
        var owningTeamId = Guard.Id(details.OwningTeamId, "The owning team");
        var ownerPersonId = Guard.Id(details.OwnerPersonId, "The owner");
        var channels = details.ChannelIds.Distinct().ToList();
        if (channels.Count == 0)
        {
            throw new DomainException("Name at least one channel the friction appears in.");
        }

        Title = title;
        Description = description;
        JourneyStageId = journeyStageId;
        Category = details.Category;
        Severity = severity;
        CustomersAffected = details.CustomersAffected;
        RootCause = rootCause;
        OwningTeamId = owningTeamId;
        OwnerPersonId = ownerPersonId;
        DueDate = details.DueDate;

        _channels.RemoveAll(c => !channels.Contains(c.ChannelId));
        _channels.AddRange(channels.Where(id => _channels.All(c => c.ChannelId != id)).Select(id => new FrictionChannel(id)));
        IsCrossChannel = channels.Count > 1;

        var contributors = details.ContributingTeamIds.Where(t => t != OwningTeamId).Distinct().ToList();
        _contributingTeams.RemoveAll(t => !contributors.Contains(t.TeamId));
        _contributingTeams.AddRange(contributors.Where(id => _contributingTeams.All(t => t.TeamId != id)).Select(id => new ContributingTeam(id)));
    }

    public void LinkMetric(int metricId, double? before)
    {
        EnsureOpen();
        if (_linkedMetrics.Any(m => m.MetricDefinitionId == metricId))
        {
            throw new DomainException("That metric is already linked to this issue.");
        }
        _linkedMetrics.Add(new LinkedMetric(Guard.Id(metricId, "The metric"), before));
    }

    public void UnlinkMetric(int metricId)
    {
        EnsureOpen();
        _linkedMetrics.RemoveAll(m => m.MetricDefinitionId == metricId);
    }

    /// <summary>
    /// Records the linked metric's figures before and after the fix, as the data gives them, with the
    /// change between them as tested on their answers; the metric's direction says whether it is better.
    /// </summary>
    public void RecordMetricCheck(int metricId, MetricReading before, MetricReading after, Change change, Direction direction, MetricUnit unit, DateTime at)
    {
        EnsureOpen();
        Linked(metricId).RecordCheck(before, after, change, direction, unit, Guard.Utc(at));
    }

    /// <summary>
    /// Lets the loop close although the metric shows no significant improvement: the reason is kept
    /// on the issue, with who gave it and when, for anyone who later asks why.
    /// </summary>
    public void GiveReasonToCloseWithoutImprovement(int metricId, string reason, int byPersonId, DateTime at)
    {
        EnsureOpen();
        var link = Linked(metricId);
        if (link.ShowsRealImprovement)
        {
            throw new DomainException("The after-check already shows a significant improvement; no reason is needed.");
        }
        link.GiveReasonToCloseWithoutImprovement(reason, byPersonId, at);
    }

    private LinkedMetric Linked(int metricId) =>
        _linkedMetrics.SingleOrDefault(m => m.MetricDefinitionId == metricId)
        ?? throw new DomainException("That metric is not linked to this issue.");

    /// <summary>
    /// The statuses an issue may move to from <paramref name="status"/>, in the order a menu offers them.
    /// Closing is also refused while the loop is not closed (see <see cref="ClosingGaps"/>).
    /// </summary>
    public static IReadOnlyList<FrictionStatus> AllowedMoves(FrictionStatus status) => status switch
    {
        FrictionStatus.New => [FrictionStatus.Triaged, FrictionStatus.WontFix],
        FrictionStatus.Triaged => [FrictionStatus.InProgress, FrictionStatus.WontFix],
        FrictionStatus.InProgress => [FrictionStatus.Resolved, FrictionStatus.WontFix],
        FrictionStatus.Resolved => [FrictionStatus.Closed, FrictionStatus.InProgress],
        _ => [],
    };

    public void Triage(int byPersonId, DateTime at, string? note = null) =>
        Move(FrictionStatus.New, FrictionStatus.Triaged, byPersonId, note, at);

    public void Start(int byPersonId, DateTime at, string? note = null) =>
        Move(FrictionStatus.Triaged, FrictionStatus.InProgress, byPersonId, note, at);

    public void Resolve(string resolution, int byPersonId, DateTime at)
    {
        var text = Guard.Text(resolution, "The resolution", 4000);
        Move(FrictionStatus.InProgress, FrictionStatus.Resolved, byPersonId, null, at);
        Resolution = text;
        ResolvedAt = Guard.Utc(at);
    }

    /// <summary>A resolved issue that did not hold goes back to work.</summary>
    public void Reopen(string reason, int byPersonId, DateTime at)
    {
        var why = Guard.Text(reason, "The reason for reopening", 1000);
        Move(FrictionStatus.Resolved, FrictionStatus.InProgress, byPersonId, why, at);
        ResolvedAt = null;
    }

    public void WriteResolution(string resolution)
    {
        EnsureOpen();
        Resolution = Guard.Text(resolution, "The resolution", 4000);
    }

    /// <summary>Records that those who raised the friction (customers, front-line staff) were told.</summary>
    public void RecordPeopleTold(ToldAudience who, string how, DateTime when)
    {
        EnsureOpen();
        if (who == ToldAudience.None || (who & ~(ToldAudience.Customers | ToldAudience.FrontLineStaff)) != 0)
        {
            throw new DomainException("Say who was told: customers, front-line staff, or both.");
        }
        Told = who;
        ToldHow = Guard.Text(how, "How they were told", 500);
        ToldAt = Guard.Utc(when);
    }

    public void WontFix(string reason, int byPersonId, DateTime at)
    {
        if (!AllowedMoves(Status).Contains(FrictionStatus.WontFix))
        {
            throw new DomainException($"An issue that is {Describe(Status)} cannot be marked won't fix.");
        }
        var why = Guard.Text(reason, "The reason it won't be fixed", 1000);
        WontFixReason = why;
        AddStep(FrictionStatus.WontFix, byPersonId, why, at);
        ClosedAt = Guard.Utc(at);
    }

    /// <summary>Everything still missing before the loop can be closed; empty when it can be.</summary>
    public IReadOnlyList<ClosingGap> ClosingGaps(IEnumerable<ActionStatus> actionStatuses)
    {
        var gaps = new List<ClosingGap>();
        if (Status != FrictionStatus.Resolved)
        {
            gaps.Add(new(ClosingGapKind.NotResolved, $"The issue is {Describe(Status)}; it must be resolved first."));
        }
        var open = actionStatuses.Count(ActionItem.IsOpenStatus);
        if (open > 0)
        {
            gaps.Add(new(ClosingGapKind.OpenActions, open == 1
                ? "1 action is still open: finish or cancel it."
                : $"{open} actions are still open: finish or cancel them."));
        }
        if (string.IsNullOrWhiteSpace(Resolution))
        {
            gaps.Add(new(ClosingGapKind.NoResolution, "The resolution is not written down."));
        }
        if (Told == ToldAudience.None || ToldAt is null)
        {
            gaps.Add(new(ClosingGapKind.NobodyTold, "Nobody has recorded telling the customers or front-line staff who raised it."));
        }
        gaps.AddRange(_linkedMetrics.Where(m => !m.AllowsClosing).Select(MetricGap));
        return gaps;
    }

    private static ClosingGap MetricGap(LinkedMetric metric)
    {
        const string remedy = "Close with a significant improvement, or give a reason to close without one.";
        var finding = metric.IsChecked
            ? metric.Verdict switch
            {
                ChangeVerdict.WithinNoise => "The after-check of a linked metric shows a change within the noise.",
                ChangeVerdict.RealDecline => "The after-check of a linked metric shows a real decline.",
                ChangeVerdict.TooFewAnswers => "The after-check of a linked metric has too few answers to tell whether it improved.",
                _ => "The after-check of a linked metric has no margin of error to tell whether it improved.",
            }
            : "The after-check of a linked metric is not recorded.";
        return new ClosingGap(metric.IsChecked ? ClosingGapKind.MetricNotImproved : ClosingGapKind.MetricNotChecked,
            $"{finding} {remedy}", metric.MetricDefinitionId);
    }

    /// <summary>Closes the loop, or refuses with everything that is still missing.</summary>
    public void Close(IEnumerable<ActionStatus> actionStatuses, int byPersonId, DateTime at)
    {
        EnsureOpen();
        // A resolved issue is the only one that may close; anything else is reported among the gaps.
        var gaps = ClosingGaps(actionStatuses);
        if (gaps.Count > 0)
        {
            throw new DomainException("The loop cannot be closed yet: " + string.Join(" ", gaps.Select(g => g.Message)));
        }
        AddStep(FrictionStatus.Closed, byPersonId, null, at);
        ClosedAt = Guard.Utc(at);
    }

    private void Move(FrictionStatus from, FrictionStatus to, int byPersonId, string? note, DateTime at)
    {
        // Both starting and reopening lead to in progress, so the step names where it must come from too.
        if (Status != from || !AllowedMoves(from).Contains(to))
        {
            throw new DomainException($"An issue that is {Describe(Status)} cannot become {Describe(to)}.");
        }
        AddStep(to, byPersonId, note, at);
    }

    private void AddStep(FrictionStatus to, int byPersonId, string? note, DateTime at)
    {
        _history.Add(new FrictionStatusChange(Status, to, Guard.Id(byPersonId, "Who changed the issue"),
            Guard.OptionalText(note, "The note", 1000), Guard.Utc(at)));
        Status = to;
    }

    private void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw new DomainException($"The issue is {Describe(Status)} and can no longer change.");
        }
    }

    public static string Describe(FrictionStatus status) => status switch
    {
        FrictionStatus.InProgress => "in progress",
        FrictionStatus.WontFix => "won't fix",
        _ => status.ToString().ToLowerInvariant(),
    };
}
