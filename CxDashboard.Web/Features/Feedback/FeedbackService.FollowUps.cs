using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Feedback;

public sealed partial class FeedbackService
{
    /// <summary>
    /// Open and contacted follow-ups, overdue first and then by due time: the caller's own, their
    /// team's channels' (leads) or everyone's (head of CX).
    /// </summary>
    public async Task<FollowUpList> GetFollowUpsAsync(FollowUpScope scope, Caller caller, CancellationToken cancellationToken = default)
    {
        var now = Now;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = db.Feedback.AsNoTracking()
            .Where(f => f.FollowUpStatus == FollowUpStatus.Open || f.FollowUpStatus == FollowUpStatus.Contacted);
        switch (scope)
        {
            case FollowUpScope.Mine:
                var me = caller.RequirePersonId();
                query = query.Where(f => f.FollowUpOwnerPersonId == me);
                break;
            case FollowUpScope.MyTeam:
                if (!(caller.IsCxLead || caller.IsChannelLead) || caller.TeamId is not { } teamId)
                {
                    throw new NotAllowedException("Only a lead sees the follow-ups of their team's channels.");
                }
                query = query.Where(f => db.Channels.Any(c => c.Id == f.ChannelId && c.OwningTeamId == teamId));
                break;
            case FollowUpScope.Everyone:
                if (!caller.IsCxLead)
                {
                    throw new NotAllowedException("Only the head of CX sees every follow-up.");
                }
                break;
        }

        var total = await query.CountAsync(cancellationToken);
        var overdue = await query.CountAsync(f => f.FollowUpStatus == FollowUpStatus.Open && f.FollowUpDueAt < now, cancellationToken);
        var rows = await query
            .OrderByDescending(f => f.FollowUpStatus == FollowUpStatus.Open && f.FollowUpDueAt < now)
            .ThenBy(f => f.FollowUpDueAt)
            .ThenBy(f => f.Id)
            .Take(FollowUpList.MaxRows)
            .Select(f => new FollowUpRow(
                f.Id,
                f.ReceivedAt,
                f.ChannelId,
                f.Sentiment,
                f.ScoreScale,
                f.Score,
                f.Source,
                f.Verbatim.Substring(0, VerbatimPreviewLength),
                f.FollowUpStatus,
                f.FollowUpOwnerPersonId,
                db.People.Where(p => p.Id == f.FollowUpOwnerPersonId).Select(p => p.DisplayName).FirstOrDefault(),
                f.FollowUpDueAt,
                f.FollowUpStatus == FollowUpStatus.Open && f.FollowUpDueAt < now))
            .ToListAsync(cancellationToken);
        return new FollowUpList(rows, total, overdue);
    }

    /// <summary>How many follow-ups the caller owns that are past due: the inbox shows it on the "My follow-ups" button.</summary>
    public async Task<int> CountMyOverdueAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        if (caller.PersonId is not { } me)
        {
            return 0;
        }
        var now = Now;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Feedback.CountAsync(
            f => f.FollowUpOwnerPersonId == me && f.FollowUpStatus == FollowUpStatus.Open && f.FollowUpDueAt < now, cancellationToken);
    }

    public Task MarkContactedAsync(int feedbackId, string note, int versionSeen, Caller caller, CancellationToken cancellationToken = default) =>
        UpdateFollowUpAsync(feedbackId, versionSeen, caller, item => item.MarkContacted(note, Now), cancellationToken);

    public Task ResolveFollowUpAsync(int feedbackId, string note, int versionSeen, Caller caller, CancellationToken cancellationToken = default) =>
        UpdateFollowUpAsync(feedbackId, versionSeen, caller, item => item.ResolveFollowUp(note, Now), cancellationToken);

    /// <summary>Hands a follow-up to someone else: the head of CX for any, a channel lead for their team's channels.</summary>
    public async Task ReassignFollowUpAsync(int feedbackId, int newOwnerPersonId, int versionSeen, Caller caller,
        CancellationToken cancellationToken = default)
    {
        if (!(caller.IsCxLead || caller.IsChannelLead))
        {
            throw new NotAllowedException("Only a lead can hand a follow-up to someone else.");
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var item = await LoadAsync(db, feedbackId, cancellationToken);
        var channelTeamId = await ChannelTeamAsync(db, item.ChannelId, cancellationToken);
        if (!MayReassignFollowUp(caller, channelTeamId))
        {
            throw new NotAllowedException("Only the lead of the team that owns this channel, or the head of CX, can hand this follow-up over.");
        }
        if (!await db.People.AnyAsync(p => p.Id == newOwnerPersonId, cancellationToken))
        {
            throw new DomainException("Choose the person who takes the follow-up over.");
        }
        item.ReassignFollowUp(newOwnerPersonId);
        db.ExpectVersion(item, versionSeen);
        await db.SaveAsAsync(caller, clock, $"feedback #{item.Id}", cancellationToken);
    }

    private async Task UpdateFollowUpAsync(int feedbackId, int versionSeen, Caller caller, Action<FeedbackItem> change,
        CancellationToken cancellationToken)
    {
        RequireContributor(caller, "update a follow-up");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var item = await LoadAsync(db, feedbackId, cancellationToken);
        var channelTeamId = await ChannelTeamAsync(db, item.ChannelId, cancellationToken);
        if (!MayUpdateFollowUp(caller, item.FollowUpOwnerPersonId, channelTeamId))
        {
            throw new NotAllowedException("This follow-up belongs to someone else: only its owner, the lead of the channel's team or the head of CX can update it.");
        }
        change(item);
        db.ExpectVersion(item, versionSeen);
        await db.SaveAsAsync(caller, clock, $"feedback #{item.Id}", cancellationToken);
    }

    private static Task<int> ChannelTeamAsync(Data.CxDbContext db, int channelId, CancellationToken cancellationToken) =>
        db.Channels.Where(c => c.Id == channelId).Select(c => c.OwningTeamId).SingleAsync(cancellationToken);
}
