using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Friction;
using CxDashboard.Domain.Organisation;
using CxDashboard.Domain.Statistics;

namespace CxDashboard.Web.Data.Seeding;

public sealed partial class DemoDataSeeder
{
    private const int WorkSeed = 1_302;

    private static readonly string[] ProgressNotes =
    [
        "Kick-off held with the contributing teams; plan and owners agreed.",
        "First version in test; results expected next week.",
        "Trial running in three stores; early feedback from colleagues is positive.",
        "Supplier quote received and shared with finance.",
        "About half done; the rest is scheduled for the next sprint.",
        "Walked the journey with two store colleagues to check the fix covers what customers see.",
    ];

    private static readonly string[] BlockedReasons =
    [
        "Waiting for the till supplier's next release, due next month.",
        "Needs budget approval from finance before the change can be ordered.",
        "The data warehouse migration freezes changes to the order feed until it finishes.",
        "The carrier contract must be renegotiated first; Supply chain is leading that.",
    ];

    private sealed record IssueTimeline(DateTime Triaged, DateTime Started, DateTime Resolved, DateTime Closed);

    private async Task SeedFrictionAndActionsAsync(CxDbContext db, DemoState state, CancellationToken cancellationToken)
    {
        var random = new Random(WorkSeed);
        var timelines = new List<IssueTimeline>();
        for (var k = 0; k < DemoFriction.All.Length; k++)
        {
            var (issue, timeline) = BuildIssue(DemoFriction.All[k], k, state);
            state.Issues.Add(issue);
            timelines.Add(timeline);
        }
        db.FrictionIssues.AddRange(state.Issues);
        await db.SaveChangesAsync(cancellationToken);

        var actions = new List<ActionItem>();
        for (var k = 0; k < DemoFriction.All.Length; k++)
        {
            var script = DemoFriction.All[k];
            var issue = state.Issues[k];
            var issueActions = script.Actions
                .Select((action, a) => BuildIssueAction(script, issue, timelines[k], action.Title, action.Team, k, a, state, random))
                .ToList();
            actions.AddRange(issueActions);
            if (script.Fate == FrictionStatus.Closed)
            {
                issue.Close(issueActions.Select(x => x.Status), issue.OwnerPersonId, timelines[k].Closed);
            }
        }
        db.Actions.AddRange(actions);
        await db.SaveChangesAsync(cancellationToken);

        logger.LogInformation("Seeded {Issues} friction issues with {Actions} actions", state.Issues.Count, actions.Count);
    }

    private static (FrictionIssue Issue, IssueTimeline Timeline) BuildIssue(DemoFrictionIssue script, int k, DemoState state)
    {
        var created = state.Now.AddDays(-script.CreatedDaysAgo).Date.AddHours(9 + k % 8).AddMinutes(k * 7 % 60);
        if (created > state.Now)
        {
            created = state.Now.AddHours(-6);
        }
        var owner = state.LeadOf(script.OwningTeam);
        var members = state.MembersOf(script.OwningTeam);
        var raisedBy = k % 3 == 0 ? state.CxLead : members[k % members.Count];
        DateOnly? due = script.Fate == FrictionStatus.New ? null : DateOnly.FromDateTime(created.AddDays(40 + k % 4 * 15));

        var details = new FrictionDetails(
            script.Title, script.Description, state.Stages[script.Stage].Id,
            [.. script.Channels.Select(c => state.Channels[c].Id)],
            script.Category, script.Severity, script.CustomersAffected, script.RootCause,
            state.Teams[script.OwningTeam].Id, owner.Id,
            [.. script.ContributingTeams.Select(t => state.Teams[t].Id)], due);
        var issue = new FrictionIssue(details, raisedBy.Id, created);
        foreach (var code in script.Metrics)
        {
            issue.LinkMetric(state.Metric(code).Id, state.TotalAround(code, created));
        }

        var triaged = created.AddDays(2).AddHours(k % 3);
        var started = triaged.AddDays(4);
        var resolved = script.Fate == FrictionStatus.Closed
            ? created.AddDays(70 + k % 5 * 10)
            : state.Now.AddDays(-(5 + k % 4 * 5)).Date.AddHours(15);
        var timeline = new IssueTimeline(triaged, started, resolved, resolved.AddDays(30 + k % 5));

        if (script.Fate == FrictionStatus.New)
        {
            return (issue, timeline);
        }
        issue.Triage(state.CxLead.Id, triaged,
            $"Owned by {state.TeamName(issue.OwningTeamId)}; severity {script.Severity}. Reviewed at the CX council triage.");
        if (script.Fate == FrictionStatus.WontFix)
        {
            issue.WontFix(script.WontFixReason!, state.CxLead.Id, triaged.AddDays(5));
            return (issue, timeline);
        }
        if (script.Fate == FrictionStatus.Triaged)
        {
            return (issue, timeline);
        }
        issue.Start(owner.Id, started, "Work planned with the contributing teams.");
        if (script.Fate == FrictionStatus.InProgress)
        {
            return (issue, timeline);
        }
        issue.Resolve(script.Resolution!, owner.Id, resolved);
        if (script.Told != ToldAudience.None && resolved.AddDays(3) <= state.Now)
        {
            issue.RecordPeopleTold(script.Told, script.ToldHow!, resolved.AddDays(3));
        }
        if (script.Fate == FrictionStatus.Closed)
        {
            foreach (var link in issue.LinkedMetrics.ToList())
            {
                var metric = state.Metrics.Values.Single(m => m.Id == link.MetricDefinitionId);
                var beforePeriod = Period.Containing(DateOnly.FromDateTime(created), PeriodKind.Quarter);
                var afterPeriod = Period.Containing(DateOnly.FromDateTime(resolved.AddDays(40)), PeriodKind.Quarter);
                if (afterPeriod.Start <= beforePeriod.Start)
                {
                    afterPeriod = beforePeriod.Next;
                }
                var before = link.Before ?? state.TotalAround(metric.Code, created) ?? 0;
                var after = state.TotalAround(metric.Code, resolved.AddDays(40)) ?? before;
                // The demo's history keeps quarterly totals only, without the answers behind them, so its
                // closed loops rest on a stated reason rather than a tested change.
                var (then, now) = (new Estimate(before, null, null, null), new Estimate(after, null, null, null));
                issue.RecordMetricCheck(link.MetricDefinitionId, new MetricReading(beforePeriod, then), new MetricReading(afterPeriod, now),
                    Change.Between(then, now, metric.MinimumSampleSize), metric.Current.Direction, metric.Current.Unit, resolved.AddDays(28));
                issue.GiveReasonToCloseWithoutImprovement(link.MetricDefinitionId,
                    "Confirmed at the CX council from the quarterly totals and the drop in complaints about it.",
                    state.CxLead.Id, resolved.AddDays(28));
            }
        }
        return (issue, timeline);
    }

    private static ActionItem BuildIssueAction(DemoFrictionIssue script, FrictionIssue issue, IssueTimeline timeline,
        string title, string teamCode, int k, int a, DemoState state, Random random)
    {
        var members = state.MembersOf(teamCode);
        var owner = members[(k + a) % members.Count];
        var createdAt = timeline.Triaged.AddDays(1).AddHours(a * 6);
        var due = DateOnly.FromDateTime(createdAt.AddDays(21 + random.Next(40)));
        var effort = 1 + (k + a) % 3;
        var impact = Math.Clamp(script.Severity - 1, 1, 3);
        if (script.Fate == FrictionStatus.InProgress && a == 1 && k % 2 == 0)
        {
            due = state.Today.AddDays(-5 - k % 7);
        }
        var action = new ActionItem(title, $"For friction issue \"{script.Title}\".", owner.Id, state.Teams[teamCode].Id, due,
            impact, effort, quickWin: effort == 1 && impact >= 2, issue.OwnerPersonId, createdAt, frictionIssueId: issue.Id);

        switch (script.Fate)
        {
            case FrictionStatus.Triaged:
                break;
            case FrictionStatus.WontFix:
                action.Cancel("Issue marked won't fix; no further work.", issue.OwnerPersonId, timeline.Triaged.AddDays(5));
                break;
            case FrictionStatus.InProgress:
                action.Start(owner.Id, createdAt.AddDays(3));
                action.AddNote(owner.Id, ProgressNotes[(k + a) % ProgressNotes.Length], createdAt.AddDays(8));
                if (a == 0)
                {
                    action.Complete(owner.Id, Earlier(createdAt.AddDays(20), state.Now.AddHours(-4)), "Done and checked with the owning team.");
                }
                else if (a == 2)
                {
                    action.Block(BlockedReasons[k % BlockedReasons.Length], owner.Id, Earlier(createdAt.AddDays(12), state.Now.AddHours(-3)));
                }
                break;
            default:
                action.Start(owner.Id, createdAt.AddDays(2));
                action.AddNote(owner.Id, ProgressNotes[(k + a) % ProgressNotes.Length], createdAt.AddDays(6));
                var finished = timeline.Resolved.AddDays(-(a + 1) * 3);
                if (script.Fate == FrictionStatus.Closed && a == 2)
                {
                    action.Cancel("Not needed once the first change was live; agreed with the issue owner.", issue.OwnerPersonId, finished);
                }
                else
                {
                    action.Complete(owner.Id, finished, "Live and confirmed with front-line colleagues.");
                }
                break;
        }
        return action;
    }

    private static Person OwnerFor(DemoState state, string teamCode, int index)
    {
        var members = state.MembersOf(teamCode);
        return members[index % members.Count];
    }
}
