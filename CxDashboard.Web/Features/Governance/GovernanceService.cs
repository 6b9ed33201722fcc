using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Friction;
using CxDashboard.Domain.Governance;
using CxDashboard.Domain.Metrics;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Metrics;
using NamedItem = CxDashboard.Web.Features.Common.NamedItem;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Governance;

/// <summary>
/// Governance reviews: the list, the review page with its agenda drawn from the data, and the decision
/// log. Only the head of CX runs reviews; the actions a review hands to other teams are created by
/// <see cref="Actions.ActionService"/> with the review's id, so they land in their owners' lists.
/// </summary>
public sealed class GovernanceService(IDbContextFactory<CxDbContext> factory, TimeProvider clock, MetricsService metrics)
{
    /// <summary>How many overdue actions and escalated issues the agenda lists.</summary>
    public const int AgendaLength = 10;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(Now);

    public static bool MayChange(Caller caller) => caller.IsCxLead;

    public async Task<ResultPage<ReviewRow>> ListAsync(int page, int pageSize, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var total = await db.Reviews.CountAsync(ct);
        if (total == 0)
        {
            return ResultPage<ReviewRow>.Empty;
        }
        var (skip, take) = Paging.Window(page, pageSize);
        var rows = await db.Reviews.AsNoTracking()
            .OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.Id)
            .Skip(skip).Take(take)
            .Select(r => new
            {
                r.Id, r.HeldOn, r.Kind, r.Title,
                Decisions = r.Decisions.Count,
                Actions = db.Actions.Count(a => a.ReviewId == r.Id),
            })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var teams = (await (
                from a in db.Set<ReviewAttendee>().Where(a => ids.Contains(a.ReviewId))
                join t in db.Teams on a.TeamId equals t.Id
                orderby t.Name
                select new { a.ReviewId, t.Name })
            .ToListAsync(ct))
            .ToLookup(a => a.ReviewId, a => a.Name);
        return new(rows.Select(r => new ReviewRow(r.Id, r.HeldOn, r.Kind, r.Title, teams[r.Id].ToList(), r.Decisions, r.Actions)).ToList(), total);
    }

    public async Task<ReviewDetail> GetAsync(int id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var review = await db.Reviews.Include(r => r.Attendees).Include(r => r.Decisions).AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new NotFoundException($"Review #{id} does not exist.");
        var personIds = review.Decisions.Select(d => d.RecordedByPersonId).Append(review.ChairPersonId).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, ct);
        var teamIds = review.Attendees.Select(a => a.TeamId).ToList();
        var attendees = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).OrderBy(t => t.Name)
            .Select(t => new NamedItem(t.Id, t.Name)).ToListAsync(ct);
        var today = Today;
        var reviewActions = await (
                from a in db.Actions.AsNoTracking().Where(a => a.ReviewId == id)
                join p in db.People on a.OwnerPersonId equals p.Id
                join t in db.Teams on a.TeamId equals t.Id
                orderby a.DueDate, a.Id
                select new ReviewActionView(a.Id, a.Title, p.DisplayName, t.Name, a.DueDate, a.Status, a.QuickWin,
                    a.DueDate < today && a.Status != ActionStatus.Done && a.Status != ActionStatus.Cancelled))
            .ToListAsync(ct);
        return new ReviewDetail(review.Id, db.VersionOf(review), review.Kind, review.Title, review.HeldOn, people[review.ChairPersonId],
            attendees, review.Notes,
            review.Decisions.OrderByDescending(d => d.At).ThenByDescending(d => d.Id)
                .Select(d => new DecisionView(d.Id, d.Text, people[d.RecordedByPersonId], d.At)).ToList(),
            reviewActions);
    }

    public async Task<GovernanceChoices> GetChoicesAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new NamedItem(t.Id, t.Name)).ToListAsync(ct);
        var people = await db.People.AsNoTracking().OrderBy(p => p.DisplayName)
            .Select(p => new GovernancePerson(p.Id, p.DisplayName, p.TeamId)).ToListAsync(ct);
        return new(teams, people);
    }

    /// <summary>
    /// Red metrics of the current quarter, the most overdue open actions and the escalated friction
    /// issues (open and severity 4, or open past their due date), each computed by the database now.
    /// </summary>
    public async Task<ReviewAgenda> GetAgendaAsync(CancellationToken ct)
    {
        var today = Today;
        var quarter = Period.Containing(today, PeriodKind.Quarter);
        var red = (await metrics.GetQuarterValuesAsync(quarter, null, ct))
            .Where(m => m.Rag == Rag.Red)
            .Select(m => new AgendaMetric(m.MetricId, m.Code, m.Name, m.Unit, m.Value, m.Target))
            .ToList();

        await using var db = await factory.CreateDbContextAsync(ct);
        var overdue = await (
                from a in db.Actions.AsNoTracking()
                where a.Status != ActionStatus.Done && a.Status != ActionStatus.Cancelled && a.DueDate < today
                join p in db.People on a.OwnerPersonId equals p.Id
                join t in db.Teams on a.TeamId equals t.Id
                orderby a.DueDate, a.Id
                select new { a.Id, a.Title, Owner = p.DisplayName, Team = t.Name, a.DueDate })
            .Take(AgendaLength)
            .ToListAsync(ct);
        var escalated = await (
                from i in db.FrictionIssues.AsNoTracking()
                where i.Status != FrictionStatus.Closed && i.Status != FrictionStatus.WontFix
                      && (i.Severity == 4 || (i.DueDate != null && i.DueDate < today))
                join t in db.Teams on i.OwningTeamId equals t.Id
                orderby i.Severity descending, i.DueDate, i.Id
                select new AgendaIssue(i.Id, i.Title, i.Severity, t.Name, i.DueDate, i.DueDate != null && i.DueDate < today))
            .Take(AgendaLength)
            .ToListAsync(ct);
        return new ReviewAgenda(quarter.ToString(), red,
            overdue.Select(a => new AgendaAction(a.Id, a.Title, a.Owner, a.Team, a.DueDate, today.DayNumber - a.DueDate.DayNumber)).ToList(),
            escalated);
    }

    /// <summary>Schedules a review chaired by the caller.</summary>
    public async Task<int> CreateAsync(ReviewDraft draft, Caller caller, CancellationToken ct)
    {
        EnsureMayChange(caller);
        var chair = caller.RequirePersonId();
        await using var db = await factory.CreateDbContextAsync(ct);
        await EnsureTeamsExistAsync(db, draft.AttendeeTeamIds, ct);
        var review = new Review(draft.Kind, draft.Title, draft.HeldOn, draft.AttendeeTeamIds, chair);
        review.WriteNotes(draft.Notes);
        db.Reviews.Add(review);
        await db.SaveAsAsync(caller, clock, "this review", ct);
        return review.Id;
    }

    /// <summary>Changes the review's details, attendees and notes, if nobody saved it since <paramref name="versionSeen"/>.</summary>
    public async Task UpdateAsync(int id, ReviewDraft draft, int versionSeen, Caller caller, CancellationToken ct)
    {
        EnsureMayChange(caller);
        await using var db = await factory.CreateDbContextAsync(ct);
        var review = await db.Reviews.Include(r => r.Attendees).SingleOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new NotFoundException($"Review #{id} does not exist.");
        await EnsureTeamsExistAsync(db, draft.AttendeeTeamIds, ct);
        review.Describe(draft.Kind, draft.Title, draft.HeldOn);
        review.SetAttendees(draft.AttendeeTeamIds);
        review.WriteNotes(draft.Notes);
        // Marks the review itself as changed too, so an edit of the attendees alone is also checked and versioned.
        db.ExpectVersion(review, versionSeen);
        await db.SaveAsAsync(caller, clock, "this review", ct);
    }

    /// <summary>Adds a decision to the log. Decisions only add, so another person's save in between is no conflict.</summary>
    public async Task<int> RecordDecisionAsync(int id, string text, Caller caller, CancellationToken ct)
    {
        EnsureMayChange(caller);
        var by = caller.RequirePersonId();
        await using var db = await factory.CreateDbContextAsync(ct);
        var review = await db.Reviews.SingleOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new NotFoundException($"Review #{id} does not exist.");
        var decision = review.RecordDecision(text, by, Now);
        await db.SaveAsAsync(caller, clock, "this review", ct);
        return decision.Id;
    }

    private static void EnsureMayChange(Caller caller)
    {
        if (!MayChange(caller))
        {
            throw new NotAllowedException("Reviews, their decisions and their actions are recorded by the head of CX.");
        }
    }

    private static async Task EnsureTeamsExistAsync(CxDbContext db, IReadOnlyList<int> teamIds, CancellationToken ct)
    {
        var ids = teamIds.Distinct().ToList();
        if (await db.Teams.CountAsync(t => ids.Contains(t.Id), ct) != ids.Count)
        {
            throw new DomainException("Choose the attending teams from the list.");
        }
    }
}
