using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Friction;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Friction;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Actions;

/// <summary>
/// Action items: the lists (mine, my team's, all), the action page, the commands that plan and move
/// an action, and the figures the dashboard shows. Permissions are checked here, on the server.
/// </summary>
public sealed class ActionService(IDbContextFactory<CxDbContext> factory, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(Now);

    public async Task<ResultPage<ActionRow>> ListAsync(ActionFilter filter, Caller caller, ActionSort sort, bool descending,
        int page, int pageSize, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var actions = Filtered(db, filter, caller);
        var total = await actions.CountAsync(ct);
        if (total == 0)
        {
            return ResultPage<ActionRow>.Empty;
        }
        var (skip, take) = Paging.Window(page, pageSize);
        var today = Today;
        var items = await Sorted(actions, sort, descending).Skip(skip).Take(take)
            .Select(a => new ActionRow(a.Id, EF.Property<int>(a, CxDbContext.VersionProperty), a.Title, a.Status, a.BlockedReason,
                a.OwnerPersonId, db.People.Where(p => p.Id == a.OwnerPersonId).Select(p => p.DisplayName).First(),
                a.TeamId, db.Teams.Where(t => t.Id == a.TeamId).Select(t => t.Name).First(),
                a.DueDate, a.QuickWin, a.Impact, a.Effort, a.FrictionIssueId,
                db.FrictionIssues.Where(i => i.Id == a.FrictionIssueId).Select(i => i.Title).FirstOrDefault(),
                a.DueDate < today && a.Status != ActionStatus.Done && a.Status != ActionStatus.Cancelled))
            .ToListAsync(ct);
        return new(items, total);
    }

    public async Task<ActionDetail> GetAsync(int id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var action = await db.Actions.Include(a => a.Notes).SingleOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new NotFoundException($"Action #{id} does not exist.");
        var personIds = action.Notes.Select(n => n.PersonId).Append(action.OwnerPersonId).Append(action.CreatedByPersonId).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, ct);
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == action.TeamId).Select(t => t.Name).SingleAsync(ct);
        var issue = action.FrictionIssueId is { } issueId
            ? await db.FrictionIssues.AsNoTracking().Where(i => i.Id == issueId).Select(i => i.Title).SingleOrDefaultAsync(ct)
            : null;
        var review = action.ReviewId is { } reviewId
            ? await db.Reviews.AsNoTracking().Where(r => r.Id == reviewId).Select(r => r.Title).SingleOrDefaultAsync(ct)
            : null;
        return new ActionDetail(action.Id, db.VersionOf(action), action.Title, action.Description, action.Status, action.BlockedReason,
            action.OwnerPersonId, people[action.OwnerPersonId], action.TeamId, team, action.DueDate, action.QuickWin,
            action.Impact, action.Effort, action.FrictionIssueId, issue, action.ReviewId, review,
            people[action.CreatedByPersonId], action.CreatedAt, action.CompletedAt, action.IsOverdue(Today),
            action.Notes.OrderByDescending(n => n.At).ThenByDescending(n => n.Id)
                .Select(n => new ActionNoteView(n.At, people[n.PersonId], n.Text, n.NewStatus)).ToList());
    }

    /// <summary>
    /// Creates an action. The head of CX creates any; a channel lead creates them for their own team,
    /// or on an issue their team owns, because that is how an owner asks other silos for work.
    /// </summary>
    public async Task<int> CreateAsync(ActionDraft draft, Caller caller, CancellationToken ct)
    {
        var by = caller.RequirePersonId();
        await using var db = await factory.CreateDbContextAsync(ct);
        if (draft.FrictionIssueId is { } issueId)
        {
            var issue = await db.FrictionIssues.AsNoTracking().Where(i => i.Id == issueId)
                .Select(i => new { i.OwningTeamId, i.Status }).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException($"Friction issue #{issueId} does not exist.");
            if (issue.Status is FrictionStatus.Closed or FrictionStatus.WontFix)
            {
                throw new DomainException("The issue is no longer open, so it takes no new actions.");
            }
            if (!caller.IsCxLead && !(caller.IsChannelLead && (caller.TeamId == issue.OwningTeamId || caller.TeamId == draft.TeamId)))
            {
                throw new NotAllowedException("Actions on an issue are added by the head of CX or the owning team's channel lead.");
            }
        }
        else if (!caller.IsCxLead && !(caller.IsChannelLead && caller.TeamId == draft.TeamId))
        {
            throw new NotAllowedException(caller.IsChannelLead
                ? "As a channel lead you create actions for your own team."
                : "Actions are created by the head of CX and channel leads.");
        }
        if (draft.ReviewId is { } reviewId && !await db.Reviews.AnyAsync(r => r.Id == reviewId, ct))
        {
            throw new NotFoundException($"Review #{reviewId} does not exist.");
        }
        await EnsureOwnerInTeamAsync(db, draft.OwnerPersonId, draft.TeamId, ct);
        var action = new ActionItem(draft.Title, draft.Description, draft.OwnerPersonId, draft.TeamId, draft.DueDate,
            draft.Impact, draft.Effort, draft.QuickWin, by, Now, draft.FrictionIssueId, draft.ReviewId);
        db.Actions.Add(action);
        await db.SaveAsAsync(caller, clock, "this action", ct);
        return action.Id;
    }

    /// <summary>
    /// Replans and reassigns an action, if nobody saved it since <paramref name="versionSeen"/>: the head
    /// of CX any, a channel lead their team's; the owner, a contributor, only moves and notes it.
    /// </summary>
    public async Task UpdateAsync(int id, ActionPlan plan, int versionSeen, Caller caller, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var action = await LoadAsync(db, id, ct);
        ActionRules.EnsureMayReplan(caller, action.TeamId);
        action.Plan(plan.Title, plan.Description, plan.DueDate, plan.Impact, plan.Effort, plan.QuickWin);
        if (plan.OwnerPersonId != action.OwnerPersonId || plan.TeamId != action.TeamId)
        {
            await EnsureOwnerInTeamAsync(db, plan.OwnerPersonId, plan.TeamId, ct);
            action.Reassign(plan.OwnerPersonId, plan.TeamId);
        }
        db.ExpectVersion(action, versionSeen);
        await db.SaveAsAsync(caller, clock, "this action", ct);
    }

    /// <summary>Moves the action to another status; a blocked, cancelled or reopened one needs <paramref name="text"/> as its reason.</summary>
    public async Task ChangeStatusAsync(int id, ActionMove move, string? text, int versionSeen, Caller caller, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var action = await LoadAsync(db, id, ct);
        ActionRules.EnsureMayUpdate(caller, action.OwnerPersonId, action.TeamId);
        var by = caller.RequirePersonId();
        switch (move)
        {
            case ActionMove.Start:
                action.Start(by, Now, text);
                break;
            case ActionMove.Block:
                action.Block(text ?? string.Empty, by, Now);
                break;
            case ActionMove.Complete:
                action.Complete(by, Now, text);
                break;
            case ActionMove.Cancel:
                action.Cancel(text ?? string.Empty, by, Now);
                break;
            case ActionMove.Reopen:
                action.Reopen(text ?? string.Empty, by, Now);
                break;
            default:
                throw new DomainException("Choose the action's new status.");
        }
        db.ExpectVersion(action, versionSeen);
        await db.SaveAsAsync(caller, clock, "this action", ct);
    }

    /// <summary>Adds a dated progress note. Notes only add, so another person's save in between is no conflict.</summary>
    public async Task AddNoteAsync(int id, string text, Caller caller, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var action = await LoadAsync(db, id, ct);
        ActionRules.EnsureMayUpdate(caller, action.OwnerPersonId, action.TeamId);
        action.AddNote(caller.RequirePersonId(), text, Now);
        await db.SaveAsAsync(caller, clock, "this action", ct);
    }

    /// <summary>Open actions past their due date, per team, the most overdue team first.</summary>
    public async Task<IReadOnlyList<TeamOverdue>> OverdueActionsByTeamAsync(DateOnly today, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        // Summed from the counts the database keeps per status, due date and team: grouping the actions themselves reads
        // every overdue one, ten times as many at ten times the data.
        var overdue = await TeamActionCounts.OverdueByTeamAsync(db, today, ct);
        var teams = await db.Teams.AsNoTracking().Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        return teams.Where(t => overdue.ContainsKey(t.Id))
            .Select(t => new TeamOverdue(t.Id, t.Name, overdue[t.Id]))
            .OrderByDescending(t => t.Overdue).ThenBy(t => t.Team, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>How many quick wins were done in [from, to).</summary>
    public async Task<int> CountQuickWinsDeliveredAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await QuickWinsDone(db, fromUtc, toUtc).CountAsync(ct);
    }

    /// <summary>The quick wins done in [from, to), the latest first.</summary>
    public async Task<IReadOnlyList<QuickWinDelivered>> QuickWinsDeliveredAsync(DateTime fromUtc, DateTime toUtc, int take, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await QuickWinsDone(db, fromUtc, toUtc)
            .OrderByDescending(a => a.CompletedAt).ThenByDescending(a => a.Id)
            .Take(Math.Clamp(take, 1, Paging.MaxPageSize))
            .Select(a => new QuickWinDelivered(a.Id, a.Title, db.Teams.Where(t => t.Id == a.TeamId).Select(t => t.Name).First(),
                a.CompletedAt!.Value, a.FrictionIssueId))
            .ToListAsync(ct);
    }

    private static IQueryable<ActionItem> QuickWinsDone(CxDbContext db, DateTime fromUtc, DateTime toUtc) =>
        db.Actions.AsNoTracking().Where(a => a.QuickWin && a.Status == ActionStatus.Done && a.CompletedAt >= fromUtc && a.CompletedAt < toUtc);

    internal IQueryable<ActionItem> Filtered(CxDbContext db, ActionFilter filter, Caller caller)
    {
        var actions = db.Actions.AsNoTracking();
        switch (filter.Scope)
        {
            case ActionScope.Mine:
                var me = caller.PersonId ?? 0;
                actions = actions.Where(a => a.OwnerPersonId == me);
                break;
            case ActionScope.Team:
                var team = caller.TeamId ?? 0;
                actions = actions.Where(a => a.TeamId == team);
                break;
        }
        if (filter.Status is { } status)
        {
            actions = actions.Where(a => a.Status == status);
        }
        if (filter.OpenOnly || filter.OverdueOnly)
        {
            actions = actions.Where(a => a.Status != ActionStatus.Done && a.Status != ActionStatus.Cancelled);
        }
        if (filter.OverdueOnly)
        {
            var today = Today;
            actions = actions.Where(a => a.DueDate < today);
        }
        if (filter.TeamId is { } teamId)
        {
            actions = actions.Where(a => a.TeamId == teamId);
        }
        if (filter.OwnerPersonId is { } owner)
        {
            actions = actions.Where(a => a.OwnerPersonId == owner);
        }
        if (filter.QuickWinsOnly)
        {
            actions = actions.Where(a => a.QuickWin);
        }
        if (filter.FrictionIssueId is { } issue)
        {
            actions = actions.Where(a => a.FrictionIssueId == issue);
        }
        return actions;
    }

    internal static IQueryable<ActionItem> Sorted(IQueryable<ActionItem> actions, ActionSort sort, bool descending) => (sort, descending) switch
    {
        (ActionSort.Title, false) => actions.OrderBy(a => a.Title).ThenBy(a => a.Id),
        (ActionSort.Title, true) => actions.OrderByDescending(a => a.Title).ThenByDescending(a => a.Id),
        (ActionSort.Status, false) => actions.OrderBy(a => a.Status).ThenBy(a => a.DueDate).ThenBy(a => a.Id),
        (ActionSort.Status, true) => actions.OrderByDescending(a => a.Status).ThenBy(a => a.DueDate).ThenBy(a => a.Id),
        (ActionSort.Impact, false) => actions.OrderBy(a => a.Impact).ThenBy(a => a.Effort).ThenBy(a => a.Id),
        (ActionSort.Impact, true) => actions.OrderByDescending(a => a.Impact).ThenBy(a => a.Effort).ThenBy(a => a.Id),
        (ActionSort.Newest, _) => actions.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id),
        (_, true) => actions.OrderByDescending(a => a.DueDate).ThenByDescending(a => a.Id),
        _ => actions.OrderBy(a => a.DueDate).ThenBy(a => a.Id),
    };

    // Notes are not loaded: the Domain only appends to them, and EF inserts what is appended.
    private static async Task<ActionItem> LoadAsync(CxDbContext db, int id, CancellationToken ct) =>
        await db.Actions.SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException($"Action #{id} does not exist.");

    /// <summary>An action's owner works in its team, so a team's list and overdue count are its own people's work.</summary>
    private static async Task EnsureOwnerInTeamAsync(CxDbContext db, int ownerPersonId, int teamId, CancellationToken ct)
    {
        var owner = await db.People.AsNoTracking().Where(p => p.Id == ownerPersonId)
            .Select(p => new { p.DisplayName, p.TeamId }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Person #{ownerPersonId} does not exist.");
        if (owner.TeamId == teamId)
        {
            return;
        }
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == teamId).Select(t => t.Name).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Team #{teamId} does not exist.");
        var ownersTeam = await db.Teams.AsNoTracking().Where(t => t.Id == owner.TeamId).Select(t => t.Name).SingleAsync(ct);
        throw new DomainException($"{owner.DisplayName} works in {ownersTeam}, not {team}: choose the action's owner from {team}.");
    }
}
