using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Hosting.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Features.Feedback;

/// <summary>
/// Voice of the customer: the feedback inbox, recording feedback and observations, and the inner
/// loop (a named person follows up a detractor or a complaint within the SLA).
/// </summary>
public sealed partial class FeedbackService(
    IDbContextFactory<CxDbContext> factory,
    TimeProvider clock,
    IOptions<FollowUpOptions> followUpOptions,
    AppMetrics metrics,
    VerbatimSearch search)
{
    private const int VerbatimPreviewLength = 160;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<FeedbackLookups> GetLookupsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var channels = await db.Channels.AsNoTracking()
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new NamedItem(c.Id, c.Code, c.Name))
            .ToListAsync(cancellationToken);
        var stages = await db.JourneyStages.AsNoTracking()
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Name)
            .Select(s => new NamedItem(s.Id, s.Code, s.Name))
            .ToListAsync(cancellationToken);
        var themes = await ThemeTagging.ActiveThemeNamesAsync(db, cancellationToken);
        return new FeedbackLookups(channels, stages, await search.MatchesWordsAsync(db, cancellationToken))
        {
            Themes = themes.OrderBy(t => t.Value, StringComparer.CurrentCultureIgnoreCase)
                .Select(t => new NamedItem(t.Key, t.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), t.Value)).ToList(),
        };
    }

    /// <summary>People whose name starts a word with <paramref name="text"/>, for choosing a follow-up's new owner.</summary>
    public async Task<IReadOnlyList<PersonItem>> FindPeopleAsync(string? text, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = db.People.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = LikePattern.Containing(text);
            query = query.Where(p => EF.Functions.Like(p.DisplayName, pattern, LikePattern.Escape));
        }
        return await query.OrderBy(p => p.DisplayName).Take(20)
            .Select(p => new PersonItem(p.Id, p.DisplayName, p.TeamId))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Records what a customer or a member of staff said; opens the follow-up a detractor or complaint needs.</summary>
    public async Task<RecordedFeedback> RecordAsync(RecordFeedbackCommand command, Caller caller, CancellationToken cancellationToken = default)
    {
        RequireContributor(caller, "record feedback");
        var personId = caller.RequirePersonId();
        if (CustomerReference.Problem(command.CustomerRef) is { } refProblem)
        {
            throw new DomainException(refProblem);
        }
        if (string.IsNullOrWhiteSpace(command.Verbatim) && FeedbackItem.IsVerbatimRequired(command.Source, command.ScoreScale is not null && command.Score is not null))
        {
            // Before the lookups below: the missing words are the person's to fix, whatever else is wrong.
            throw new DomainException(FeedbackItem.VerbatimMissing);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!await db.Channels.AnyAsync(c => c.Id == command.ChannelId, cancellationToken))
        {
            throw new DomainException("Choose a channel.");
        }
        if (command.JourneyStageId is { } stageId && !await db.JourneyStages.AnyAsync(s => s.Id == stageId, cancellationToken))
        {
            throw new DomainException("Choose a journey stage from the list.");
        }
        var now = Now;
        var item = new FeedbackItem(
            new FeedbackDetails(command.ReceivedAt, command.ChannelId, command.JourneyStageId, command.Source, command.Category,
                command.Sentiment, command.ScoreScale, command.Score, command.Verbatim ?? string.Empty, command.CustomerRef),
            personId, now);
        db.Feedback.Add(item);
        var opened = await OpenFollowUpsAsync([item], db, cancellationToken);
        await ThemeTagging.TagAsync([item], db, cancellationToken);

        await db.SaveChangesAsync(caller.ToAuditActor(), clock, cancellationToken);
        metrics.FeedbackIngested(FeedbackArrival.Recorded, 1);

        if (item.FollowUpOwnerPersonId is not { } ownerId)
        {
            return new RecordedFeedback(item.Id, null, null,
                opened.WithoutOwner.Count > 0 ? "This feedback needs a follow-up, but nobody could own it: ask an Admin to appoint a lead for the channel's team." : null);
        }
        var owner = await db.People.AsNoTracking().Where(p => p.Id == ownerId).Select(p => p.DisplayName).SingleAsync(cancellationToken);
        return new RecordedFeedback(item.Id, owner, item.FollowUpDueAt, null);
    }

    /// <summary>
    /// Which of <paramref name="externalIds"/> <paramref name="source"/> has already delivered, so that re-sent
    /// feedback (API batches, re-imported survey exports) is skipped rather than doubled. Ids are compared by
    /// <see cref="FeedbackItem.KeyOf"/>; the set answers for any case of an id. Asked in chunks, within the
    /// parameter limits of both databases.
    /// </summary>
    public static async Task<HashSet<string>> StoredExternalIdsAsync(CxDbContext db, string source, IEnumerable<string> externalIds,
        CancellationToken cancellationToken = default)
    {
        var ids = externalIds.ToList();
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in ids.Select(FeedbackItem.KeyOf).Distinct(StringComparer.Ordinal).Chunk(ExternalIdsPerLookup))
        {
            present.UnionWith(await db.Feedback.AsNoTracking()
                .Where(f => f.ExternalSource == source && f.ExternalKey != null && chunk.Contains(f.ExternalKey))
                .Select(f => f.ExternalKey!)
                .ToListAsync(cancellationToken));
        }
        return new HashSet<string>(ids.Where(id => present.Contains(FeedbackItem.KeyOf(id))), StringComparer.Ordinal);
    }

    internal const int ExternalIdsPerLookup = 1000;

    /// <summary>The ids of the stored items of <paramref name="source"/> with these external keys (<see cref="FeedbackItem.KeyOf"/>), by key.</summary>
    public static async Task<Dictionary<string, int>> StoredIdsAsync(CxDbContext db, string source, IEnumerable<string> externalKeys,
        CancellationToken cancellationToken = default)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var chunk in externalKeys.Distinct(StringComparer.Ordinal).Chunk(ExternalIdsPerLookup))
        {
            var found = await db.Feedback.AsNoTracking()
                .Where(f => f.ExternalSource == source && f.ExternalKey != null && chunk.Contains(f.ExternalKey))
                .Select(f => new { f.Id, Key = f.ExternalKey! })
                .ToListAsync(cancellationToken);
            foreach (var row in found)
            {
                ids[row.Key] = row.Id;
            }
        }
        return ids;
    }

    /// <summary>
    /// Opens the follow-up of every item that needs one (NPS 0–6, CSAT 1–2, a complaint), owned by the
    /// lead of the team that owns the item's channel, or else by whoever recorded it, and due the
    /// configured SLA after receipt. The items must be tracked by <paramref name="db"/>; the caller
    /// saves. Used by the form and by bulk ingestion alike.
    /// </summary>
    public async Task<FollowUpsOpened> OpenFollowUpsAsync(IEnumerable<FeedbackItem> items, CxDbContext db, CancellationToken cancellationToken = default)
    {
        var needing = items.Where(i => i.NeedsFollowUp && i.FollowUpStatus == FollowUpStatus.None).ToList();
        if (needing.Count == 0)
        {
            return new FollowUpsOpened(0, []);
        }
        var channelIds = needing.Select(i => i.ChannelId).Distinct().ToList();
        var leads = await db.Channels.AsNoTracking()
            .Where(c => channelIds.Contains(c.Id))
            .Join(db.Teams, c => c.OwningTeamId, t => t.Id, (c, t) => new { ChannelId = c.Id, t.LeadPersonId })
            .ToDictionaryAsync(x => x.ChannelId, x => x.LeadPersonId, cancellationToken);

        var now = Now;
        var sla = followUpOptions.Value.Sla;
        var withoutOwner = new List<FeedbackItem>();
        foreach (var item in needing)
        {
            var owner = leads.GetValueOrDefault(item.ChannelId) ?? item.RecordedByPersonId;
            if (owner is { } ownerId)
            {
                item.OpenFollowUp(ownerId, sla, now);
            }
            else
            {
                withoutOwner.Add(item);
            }
        }
        return new FollowUpsOpened(needing.Count - withoutOwner.Count, withoutOwner);
    }

    /// <summary>Corrects how a feedback item is classified (Contributors and above).</summary>
    public async Task ReclassifyAsync(int feedbackId, FeedbackCategory category, Sentiment sentiment, int? journeyStageId, int versionSeen,
        Caller caller, CancellationToken cancellationToken = default)
    {
        RequireContributor(caller, "reclassify feedback");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var item = await LoadAsync(db, feedbackId, cancellationToken);
        if (journeyStageId is { } stageId && !await db.JourneyStages.AnyAsync(s => s.Id == stageId, cancellationToken))
        {
            throw new DomainException("Choose a journey stage from the list.");
        }
        item.Reclassify(category, sentiment, journeyStageId);
        db.ExpectVersion(item, versionSeen);
        await db.SaveAsAsync(caller, clock, $"feedback #{item.Id}", cancellationToken);
    }

    private static async Task<FeedbackItem> LoadAsync(CxDbContext db, int feedbackId, CancellationToken cancellationToken) =>
        await db.Feedback.SingleOrDefaultAsync(f => f.Id == feedbackId, cancellationToken)
        ?? throw new NotFoundException($"Feedback #{feedbackId} does not exist.");

    private static void RequireContributor(Caller caller, string what)
    {
        if (!(caller.IsCxLead || caller.IsChannelLead || caller.IsContributor))
        {
            throw new NotAllowedException($"Only contributors, channel leads and the head of CX can {what}.");
        }
    }

    /// <summary>Customer references are pseudonymous but still personal: only the head of CX and Admins see them.</summary>
    public static bool MaySeeCustomerRef(Caller caller) => caller.IsCxLead || caller.IsAdmin;

    public static bool MayRecord(Caller caller) => caller.IsCxLead || caller.IsChannelLead || caller.IsContributor;

    public static bool MayCreateFrictionIssue(Caller caller) => caller.IsCxLead || caller.IsChannelLead;

    private static bool MayUpdateFollowUp(Caller caller, int? ownerPersonId, int channelTeamId) =>
        caller.IsCxLead
        || (caller.IsChannelLead && caller.TeamId == channelTeamId)
        || ((caller.IsChannelLead || caller.IsContributor) && caller.PersonId is { } me && me == ownerPersonId);

    private static bool MayReassignFollowUp(Caller caller, int channelTeamId) =>
        caller.IsCxLead || (caller.IsChannelLead && caller.TeamId == channelTeamId);
}
