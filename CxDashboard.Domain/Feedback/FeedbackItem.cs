using CxDashboard.Domain.Common;

namespace CxDashboard.Domain.Feedback;

/// <summary>
/// Feedback from a customer or an observation from front-line staff. A detractor or a complaint
/// opens a follow-up (the inner loop) owned by a named person with a due time.
/// </summary>
public sealed class FeedbackItem : Entity
{
    public const int MaxVerbatimLength = 4000;
    public const int MaxExternalSourceLength = 200;

    /// <summary>
    /// How an external id is compared. Survey tools differ in the case they send an id in, and SQL Server's
    /// collation ignores case while SQLite's folds only ASCII; a key folded here is compared the same on both.
    /// </summary>
    public static string KeyOf(string externalId) => externalId.Trim().ToUpperInvariant();

    public const string VerbatimMissing = "Write what was said: only a survey answer with a score may come without words.";

    /// <summary>How far ahead of the app's clock a receipt time may be: a survey tool's clock may run a little fast.</summary>
    public static readonly TimeSpan ReceivedAheadTolerance = TimeSpan.FromMinutes(5);

    public const string ReceivedInTheFuture = "Feedback cannot be received in the future.";

    /// <summary>Only a survey answer with a score may come without words.</summary>
    public static bool IsVerbatimRequired(FeedbackSource source, bool hasScore) => !(source == FeedbackSource.Survey && hasScore);

    public static bool IsReceivedInTheFuture(DateTime receivedAt, DateTime now) =>
        Guard.Utc(receivedAt) > Guard.Utc(now) + ReceivedAheadTolerance;

    private FeedbackItem() { Verbatim = string.Empty; }

    public FeedbackItem(FeedbackDetails details, int? recordedByPersonId, DateTime recordedAt)
    {
        Verbatim = string.Empty;
        if (!Enum.IsDefined(details.Source) || !Enum.IsDefined(details.Category) || !Enum.IsDefined(details.Sentiment))
        {
            throw new DomainException("Choose the source, category and sentiment.");
        }
        Guard.Id(details.ChannelId, "The channel");
        if ((details.ScoreScale is null) != (details.Score is null))
        {
            throw new DomainException("A score needs its scale, and a scale needs a score.");
        }
        if (details.ScoreScale is { } scale && details.Score is { } score)
        {
            ScoreBand = Scores.Band(scale, score);
        }
        var received = Guard.Utc(details.ReceivedAt);
        if (IsReceivedInTheFuture(received, recordedAt))
        {
            throw new DomainException(ReceivedInTheFuture);
        }
        ReceivedAt = received;
        ChannelId = details.ChannelId;
        JourneyStageId = details.JourneyStageId;
        Source = details.Source;
        Category = details.Category;
        Sentiment = details.Sentiment;
        ScoreScale = details.ScoreScale;
        Score = details.Score;
        if (string.IsNullOrWhiteSpace(details.Verbatim) && IsVerbatimRequired(details.Source, details.Score is not null))
        {
            throw new DomainException(VerbatimMissing);
        }
        Verbatim = string.IsNullOrWhiteSpace(details.Verbatim)
            ? string.Empty
            : Guard.Text(details.Verbatim, "What was said", MaxVerbatimLength);
        CustomerRef = Guard.OptionalText(details.CustomerRef, "The customer reference", 64);
        ExternalId = Guard.OptionalText(details.ExternalId, "The external id", 100);
        if (ExternalId is not null)
        {
            ExternalSource = Guard.Text(details.ExternalSource, "The source of the external id", MaxExternalSourceLength);
            ExternalKey = KeyOf(ExternalId);
        }
        RecordedByPersonId = recordedByPersonId;
        RecordedAt = Guard.Utc(recordedAt);
    }

    public string? ExternalId { get; private set; }

    /// <summary>Who the external id belongs to: ids are unique within a source, and two sources may use the same id.</summary>
    public string? ExternalSource { get; private set; }

    /// <summary>The external id as it is compared: one case rule, the same on every database.</summary>
    public string? ExternalKey { get; private set; }
    public DateTime ReceivedAt { get; private set; }
    public DateTime RecordedAt { get; private set; }
    public int ChannelId { get; private set; }
    public int? JourneyStageId { get; private set; }
    public FeedbackSource Source { get; private set; }
    public FeedbackCategory Category { get; private set; }
    public Sentiment Sentiment { get; private set; }
    public ScoreScale? ScoreScale { get; private set; }
    public int? Score { get; private set; }
    public ScoreBand? ScoreBand { get; private set; }
    public string Verbatim { get; private set; }

    /// <summary>A pseudonymous reference to the customer (never a name or e-mail); optional.</summary>
    public string? CustomerRef { get; private set; }

    public int? RecordedByPersonId { get; private set; }

    /// <summary>The friction issue this feedback is evidence for, if any.</summary>
    public int? FrictionIssueId { get; private set; }

    public FollowUpStatus FollowUpStatus { get; private set; }
    public int? FollowUpOwnerPersonId { get; private set; }
    public DateTime? FollowUpDueAt { get; private set; }
    public DateTime? ContactedAt { get; private set; }
    public DateTime? FollowUpResolvedAt { get; private set; }
    public string? FollowUpNote { get; private set; }

    /// <summary>A detractor (NPS 0–6, CSAT 1–2) or a complaint needs someone to get back to the customer.</summary>
    public bool NeedsFollowUp =>
        Source == FeedbackSource.Complaint
        || (ScoreScale is { } scale && Score is { } score && Scores.NeedsFollowUp(scale, score));

    public bool IsFollowUpOverdue(DateTime now) =>
        FollowUpStatus == FollowUpStatus.Open && FollowUpDueAt is { } due && now > due;

    /// <summary>The shortest SLA a follow-up may be given, whatever the configuration was when it opened.</summary>
    public const int ShortestFollowUpSlaHours = 1;

    public static readonly TimeSpan ShortestFollowUpSla = TimeSpan.FromHours(ShortestFollowUpSlaHours);

    /// <summary>
    /// A follow-up can be overdue at <paramref name="now"/> only if its feedback was received before this instant. It
    /// opens when its feedback is recorded or later, so it is due at least the shortest SLA after receipt, less the
    /// tolerance for a receipt time ahead of the clock. Follow-ups keep the SLA they opened with, so this bound holds
    /// for every one of them however the configured SLA changed since; a bound on the configured SLA would not.
    /// </summary>
    public static DateTime OverdueOnlyIfReceivedBefore(DateTime now) => now - ShortestFollowUpSla + ReceivedAheadTolerance;

    public void Reclassify(FeedbackCategory category, Sentiment sentiment, int? journeyStageId)
    {
        if (!Enum.IsDefined(category) || !Enum.IsDefined(sentiment))
        {
            throw new DomainException("Choose the category and sentiment.");
        }
        Category = category;
        Sentiment = sentiment;
        JourneyStageId = journeyStageId;
    }

    /// <summary>Opens the follow-up: a named owner must contact the customer within the SLA.</summary>
    public void OpenFollowUp(int ownerPersonId, TimeSpan sla, DateTime now)
    {
        if (FollowUpStatus != FollowUpStatus.None)
        {
            throw new DomainException("This feedback already has a follow-up.");
        }
        if (sla < ShortestFollowUpSla)
        {
            throw new DomainException($"The follow-up SLA must be at least {ShortestFollowUpSlaHours} hour.");
        }
        FollowUpOwnerPersonId = Guard.Id(ownerPersonId, "The follow-up's owner");
        FollowUpDueAt = new SlaClock(ReceivedAt > now ? now : ReceivedAt, sla).DueAt;
        FollowUpStatus = FollowUpStatus.Open;
    }

    public void ReassignFollowUp(int ownerPersonId)
    {
        if (FollowUpStatus is FollowUpStatus.None or FollowUpStatus.Resolved)
        {
            throw new DomainException("Only an open follow-up can be reassigned.");
        }
        FollowUpOwnerPersonId = Guard.Id(ownerPersonId, "The follow-up's owner");
    }

    public void MarkContacted(string note, DateTime at)
    {
        if (FollowUpStatus != FollowUpStatus.Open)
        {
            throw new DomainException(FollowUpStatus == FollowUpStatus.None
                ? "This feedback has no follow-up."
                : "The customer has already been contacted.");
        }
        FollowUpNote = Guard.Text(note, "A note on the contact", 2000);
        ContactedAt = Guard.Utc(at);
        FollowUpStatus = FollowUpStatus.Contacted;
    }

    public void ResolveFollowUp(string note, DateTime at)
    {
        if (FollowUpStatus is FollowUpStatus.None or FollowUpStatus.Resolved)
        {
            throw new DomainException(FollowUpStatus == FollowUpStatus.None
                ? "This feedback has no follow-up."
                : "The follow-up is already resolved.");
        }
        FollowUpNote = Guard.Text(note, "A note on the resolution", 2000);
        ContactedAt ??= Guard.Utc(at);
        FollowUpResolvedAt = Guard.Utc(at);
        FollowUpStatus = FollowUpStatus.Resolved;
    }

    public void LinkTo(int frictionIssueId)
    {
        if (FrictionIssueId is { } existing && existing != frictionIssueId)
        {
            throw new DomainException($"This feedback is already evidence for friction issue #{existing}.");
        }
        FrictionIssueId = Guard.Id(frictionIssueId, "The friction issue");
    }

    public void Unlink() => FrictionIssueId = null;

    /// <summary>
    /// Removes everything personal: what the customer said, who they are and the id their survey answer
    /// had in the tool it came from. The scores stay.
    /// </summary>
    public void ErasePersonalData()
    {
        Verbatim = Redaction.Marker;
        CustomerRef = null;
        ExternalId = null;
        ExternalKey = null;
        FollowUpNote = FollowUpNote is null ? null : Redaction.Marker;
    }
}
