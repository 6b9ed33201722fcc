using System.Data.Common;
using System.Globalization;
using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Friction;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CxDashboard.Web.Data.Seeding;

public sealed partial class DemoDataSeeder
{
    private const int VolumeWeeks = 5 * 52;

    private static readonly string[] FrictionProblems =
    [
        "Order status not visible", "Refund takes too long", "Stock shown online but not in store", "Promotion price not applied at the till",
        "Delivery slot missed", "Click and collect order not ready", "Returns label will not print", "Loyalty points missing",
        "Size guide does not match the fit", "Gift card balance unclear", "Queue at the fitting rooms", "App crashes at checkout",
        "Chat hands over without the history", "Damaged parcel on arrival", "Price match refused in store", "Password reset e-mail never arrives",
    ];

    private static readonly string[] Places =
    [
        "flagship stores", "outlet stores", "the website", "the app", "the contact centre", "marketplace orders", "next-day delivery", "home furnishing",
        "beauty hall", "menswear", "childrenswear", "the north region", "the south region", "online returns", "gift services", "business accounts",
    ];

    private static readonly string[] ActionVerbs =
    [
        "Fix", "Retrain staff on", "Change the script for", "Add a check to", "Publish guidance on", "Measure", "Redesign", "Automate",
    ];

    private static readonly (string Name, MetricUnit Unit, Direction Direction, double Low, double High, MetricDimension Dimension)[] MetricKinds =
    [
        ("Net promoter score", MetricUnit.NpsScore, Direction.HigherIsBetter, -20, 60, MetricDimension.Advocacy),
        ("Customer satisfaction", MetricUnit.Percent, Direction.HigherIsBetter, 60, 95, MetricDimension.EffortSatisfaction),
        ("Customer effort", MetricUnit.RatingOutOf7, Direction.LowerIsBetter, 1.5, 4.5, MetricDimension.EffortSatisfaction),
        ("Review rating", MetricUnit.RatingOutOf5, Direction.HigherIsBetter, 3, 4.8, MetricDimension.Advocacy),
        ("Conversion", MetricUnit.Percent, Direction.HigherIsBetter, 1, 8, MetricDimension.Operational),
        ("Basket drop-out", MetricUnit.Percent, Direction.LowerIsBetter, 40, 80, MetricDimension.Operational),
        ("Delivery promise kept", MetricUnit.Percent, Direction.HigherIsBetter, 85, 99, MetricDimension.Operational),
        ("First-contact resolution", MetricUnit.Percent, Direction.HigherIsBetter, 55, 90, MetricDimension.Operational),
        ("Average spend", MetricUnit.Currency, Direction.HigherIsBetter, 35, 120, MetricDimension.Loyalty),
        ("Visits per customer", MetricUnit.Number, Direction.HigherIsBetter, 1, 6, MetricDimension.Loyalty),
        ("Share of wallet", MetricUnit.Percent, Direction.HigherIsBetter, 10, 45, MetricDimension.Commitment),
        ("Time to resolve a complaint", MetricUnit.Hours, Direction.LowerIsBetter, 6, 96, MetricDimension.Operational),
    ];

    internal static readonly BulkColumn[] FrictionIssueColumns =
    [
        new("Title", BulkType.Text), new("Description", BulkType.Text), new("JourneyStageId", BulkType.Int), new("Category", BulkType.Int),
        new("Severity", BulkType.Int), new("CustomersAffected", BulkType.Int), new("RootCause", BulkType.Text), new("OwningTeamId", BulkType.Int),
        new("OwnerPersonId", BulkType.Int), new("DueDate", BulkType.Date), new("Status", BulkType.Int), new("IsCrossChannel", BulkType.Bool),
        new("WontFixReason", BulkType.Text), new("Resolution", BulkType.Text), new("Told", BulkType.Int), new("ToldHow", BulkType.Text),
        new("ToldAt", BulkType.Timestamp), new("CreatedByPersonId", BulkType.Int), new("CreatedAt", BulkType.Timestamp),
        new("ResolvedAt", BulkType.Timestamp), new("ClosedAt", BulkType.Timestamp), new("Version", BulkType.Int),
    ];

    internal static readonly BulkColumn[] FrictionChannelColumns =
    [
        new("FrictionIssueId", BulkType.Int), new("ChannelId", BulkType.Int),
    ];

    internal static readonly BulkColumn[] ContributingTeamColumns =
    [
        new("FrictionIssueId", BulkType.Int), new("TeamId", BulkType.Int),
    ];

    internal static readonly BulkColumn[] FrictionStatusChangeColumns =
    [
        new("FrictionIssueId", BulkType.Int), new("From", BulkType.Int), new("To", BulkType.Int), new("PersonId", BulkType.Int),
        new("Note", BulkType.Text), new("At", BulkType.Timestamp),
    ];

    internal static readonly BulkColumn[] ActionItemColumns =
    [
        new("Title", BulkType.Text), new("Description", BulkType.Text), new("OwnerPersonId", BulkType.Int), new("TeamId", BulkType.Int),
        new("DueDate", BulkType.Date), new("Status", BulkType.Int), new("BlockedReason", BulkType.Text), new("QuickWin", BulkType.Bool),
        new("Impact", BulkType.Int), new("Effort", BulkType.Int), new("CreatedByPersonId", BulkType.Int), new("CreatedAt", BulkType.Timestamp),
        new("CompletedAt", BulkType.Timestamp), new("FrictionIssueId", BulkType.Int), new("Version", BulkType.Int), new("ReviewId", BulkType.Int),
    ];

    internal static readonly BulkColumn[] MetricDefinitionColumns =
    [
        new("Code", BulkType.Text), new("Name", BulkType.Text), new("Dimension", BulkType.Int), new("OwnerPersonId", BulkType.Int),
        new("OwningTeamId", BulkType.Int), new("Status", BulkType.Int), new("RetiredAt", BulkType.Timestamp), new("RetiredReason", BulkType.Text),
        new("MinimumSampleSize", BulkType.Int), new("Version", BulkType.Int),
    ];

    internal static readonly BulkColumn[] MetricRevisionColumns =
    [
        new("MetricDefinitionId", BulkType.Int), new("Number", BulkType.Int), new("Status", BulkType.Int), new("Description", BulkType.Text),
        new("Formula", BulkType.Text), new("DataSource", BulkType.Text), new("Unit", BulkType.Int), new("Direction", BulkType.Int),
        new("Cadence", BulkType.Int), new("Aggregation", BulkType.Int), new("ComputedFrom", BulkType.Int), new("ChannelIds", BulkType.Text),
        new("StakeholderTeamIds", BulkType.Text), new("ProposedAt", BulkType.Timestamp), new("AgreedAt", BulkType.Timestamp),
    ];

    internal static readonly BulkColumn[] MetricSignOffColumns =
    [
        new("MetricRevisionId", BulkType.Int), new("TeamId", BulkType.Int), new("PersonId", BulkType.Int), new("Decision", BulkType.Int),
        new("Comment", BulkType.Text), new("At", BulkType.Timestamp),
    ];

    internal static readonly BulkColumn[] MetricTargetColumns =
    [
        new("MetricRevisionId", BulkType.Int), new("Quarter", BulkType.Text), new("ChannelId", BulkType.Int), new("Value", BulkType.Double),
        new("AmberTolerance", BulkType.Double),
    ];

    internal static readonly BulkColumn[] MetricValueColumns =
    [
        new("MetricDefinitionId", BulkType.Int), new("Period", BulkType.Text), new("PeriodKind", BulkType.Int), new("PeriodStart", BulkType.Date),
        new("ChannelId", BulkType.Int), new("Value", BulkType.Double), new("SampleSize", BulkType.Int), new("Low", BulkType.Double),
        new("High", BulkType.Double), new("RecordedByPersonId", BulkType.Int), new("RecordedAt", BulkType.Timestamp), new("Version", BulkType.Int),
    ];

    /// <summary>Every table the demo volume is bulk-written into, with the properties written.</summary>
    internal static readonly (Type Entity, BulkColumn[] Columns)[] BulkWrites =
    [
        (typeof(FrictionIssue), FrictionIssueColumns),
        (typeof(FrictionChannel), FrictionChannelColumns),
        (typeof(ContributingTeam), ContributingTeamColumns),
        (typeof(FrictionStatusChange), FrictionStatusChangeColumns),
        (typeof(ActionItem), ActionItemColumns),
        (typeof(MetricDefinition), MetricDefinitionColumns),
        (typeof(MetricRevision), MetricRevisionColumns),
        (typeof(MetricSignOff), MetricSignOffColumns),
        (typeof(MetricTarget), MetricTargetColumns),
        (typeof(MetricValue), MetricValueColumns),
    ];

    /// <summary>
    /// Tops the demo retailer up to the chosen scale with friction issues, actions and weekly metrics, in
    /// plausible mixes (every status, closed issues with their closing facts, overdue work, quick wins,
    /// five years of weekly values per channel). Written in bulk, like the feedback, since
    /// the change tracker cannot carry these volumes; each row is built to the rules the entities enforce.
    /// </summary>
    private async Task<DemoVolume> SeedVolumeAsync(CxDbContext db, DemoState state, DemoScale scale, DbTransaction transaction,
        CancellationToken ct)
    {
        var issues = Math.Max(0, scale.FrictionIssues - state.Issues.Count);
        var actions = Math.Max(0, scale.Actions - await CountAsync(db, "Actions", ct));
        var metrics = Math.Max(0, scale.Metrics - state.Metrics.Count);
        if (issues + actions + metrics == 0)
        {
            return DemoVolume.None;
        }
        var random = new Random(20261123);
        var teams = state.Teams.Values.Where(t => t.LeadPersonId is not null).Select(t => new VolumeTeam(t.Id, t.LeadPersonId!.Value,
            [.. state.People.Values.Where(p => p.TeamId == t.Id).Select(p => p.Id).Append(t.LeadPersonId!.Value).Distinct()])).ToArray();
        var channels = state.Channels.Values.Select(c => c.Id).ToArray();
        var stages = state.Stages.Values.Select(s => s.Id).ToArray();

        var issueFacts = await SeedVolumeIssuesAsync(db, transaction, state, issues, teams, channels, stages, random, ct);
        await SeedVolumeActionsAsync(db, transaction, state, actions, issueFacts, teams, random, ct);
        var values = await SeedVolumeMetricsAsync(db, transaction, state, metrics, teams, channels, random, ct);
        logger.LogInformation("Added {Issues} friction issues, {Actions} actions, {Metrics} metrics with {Values} weekly values", issues, actions, metrics, values);
        return new DemoVolume(issues, actions, metrics, values, TimeSpan.Zero);
    }

    private static async Task<int> CountAsync(CxDbContext db, string table, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        // The table name is a constant of this class, never input.
        command.CommandText = "SELECT COUNT(*) FROM " + (db.Database.IsSqlite() ? "\"" + table + "\"" : "[" + table + "]");
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private sealed record VolumeTeam(int Id, int Lead, int[] People);

    private readonly record struct IssueFact(int Id, FrictionStatus Status, DateTime CreatedAt, DateTime? DoneAt, int TeamId);

    private static async Task<List<IssueFact>> SeedVolumeIssuesAsync(CxDbContext db, DbTransaction transaction, DemoState state,
        int count, VolumeTeam[] teams, int[] channels, int[] stages, Random random, CancellationToken ct)
    {
        await using var issues = new BulkRowWriter(transaction, BulkTable.Of<FrictionIssue>(db, FrictionIssueColumns));
        await using var issueChannels = new BulkRowWriter(transaction, BulkTable.Of<FrictionChannel>(db, FrictionChannelColumns));
        await using var contributors = new BulkRowWriter(transaction, BulkTable.Of<ContributingTeam>(db, ContributingTeamColumns));
        await using var history = new BulkRowWriter(transaction, BulkTable.Of<FrictionStatusChange>(db, FrictionStatusChangeColumns));

        var facts = new List<IssueFact>(count);
        var now = state.Now;
        for (var n = 0; n < count; n++)
        {
            var team = teams[random.Next(teams.Length)];
            var owner = random.Next(3) == 0 ? team.Lead : team.People[random.Next(team.People.Length)];
            var created = now.AddMinutes(-random.Next(30, 2 * 365 * 24 * 60));
            var status = random.Next(100) switch
            {
                < 10 => FrictionStatus.New,
                < 20 => FrictionStatus.Triaged,
                < 45 => FrictionStatus.InProgress,
                < 55 => FrictionStatus.Resolved,
                < 90 => FrictionStatus.Closed,
                _ => FrictionStatus.WontFix,
            };
            // Steps a few days to a few weeks apart, never past now: older issues got further.
            var steps = new List<(FrictionStatus To, DateTime At)> { (FrictionStatus.New, created) };
            FrictionStatus[] path = status switch
            {
                FrictionStatus.Triaged => [FrictionStatus.Triaged],
                FrictionStatus.InProgress => [FrictionStatus.Triaged, FrictionStatus.InProgress],
                FrictionStatus.Resolved => [FrictionStatus.Triaged, FrictionStatus.InProgress, FrictionStatus.Resolved],
                FrictionStatus.Closed => [FrictionStatus.Triaged, FrictionStatus.InProgress, FrictionStatus.Resolved, FrictionStatus.Closed],
                FrictionStatus.WontFix => [FrictionStatus.Triaged, FrictionStatus.WontFix],
                _ => [],
            };
            var span = now - created;
            var fractions = Enumerable.Range(0, path.Length).Select(_ => random.NextDouble()).Order().ToArray();
            for (var i = 0; i < path.Length; i++)
            {
                steps.Add((path[i], created + span * fractions[i]));
            }
            var resolvedAt = status is FrictionStatus.Resolved or FrictionStatus.Closed ? steps.First(s => s.To == FrictionStatus.Resolved).At : (DateTime?)null;
            var closedAt = status is FrictionStatus.Closed or FrictionStatus.WontFix ? steps[^1].At : (DateTime?)null;
            var problem = FrictionProblems[random.Next(FrictionProblems.Length)];
            var place = Places[random.Next(Places.Length)];
            var issueChannelIds = channels.OrderBy(_ => random.Next()).Take(random.Next(4) == 0 ? random.Next(2, 4) : 1).ToArray();
            var told = status == FrictionStatus.Closed ? (random.Next(2) == 0 ? ToldAudience.Customers | ToldAudience.FrontLineStaff : ToldAudience.Customers) : ToldAudience.None;
            var id = await issues.InsertReturningIdAsync(
            [
                $"{problem} in {place}", $"Raised from feedback about {place}: {problem.ToLowerInvariant()}.", stages[random.Next(stages.Length)],
                (FeedbackCategory)random.Next(1, 4), random.Next(1, 5), random.Next(0, 5000),
                random.Next(2) == 0 ? "Systems do not share the order between channels." : null, team.Id, owner,
                DateOnly.FromDateTime(created.AddDays(random.Next(14, 120))), status, issueChannelIds.Length > 1,
                status == FrictionStatus.WontFix ? "The cost outweighs the benefit for the customers affected." : null,
                resolvedAt is not null ? "Changed the process and checked it with the teams involved." : null,
                told, told != ToldAudience.None ? "E-mail to the customers who raised it and a note in the store briefing." : null,
                told != ToldAudience.None ? closedAt : null, owner, created, resolvedAt, closedAt, 0,
            ], ct);
            foreach (var channelId in issueChannelIds)
            {
                await issueChannels.WriteAsync([id, channelId], ct);
            }
            if (random.Next(3) == 0)
            {
                var other = teams[random.Next(teams.Length)];
                if (other.Id != team.Id)
                {
                    await contributors.WriteAsync([id, other.Id], ct);
                }
            }
            for (var i = 0; i < steps.Count; i++)
            {
                await history.WriteAsync([id, i == 0 ? null : (object)steps[i - 1].To, steps[i].To, owner,
                    steps[i].To == FrictionStatus.WontFix ? "The cost outweighs the benefit for the customers affected." : null, steps[i].At], ct);
            }
            facts.Add(new IssueFact(id, status, created, resolvedAt ?? closedAt, team.Id));
        }
        await issueChannels.CompleteAsync(ct);
        await contributors.CompleteAsync(ct);
        await history.CompleteAsync(ct);
        return facts;
    }

    private static async Task SeedVolumeActionsAsync(CxDbContext db, DbTransaction transaction, DemoState state, int count,
        List<IssueFact> issues, VolumeTeam[] teams, Random random, CancellationToken ct)
    {
        if (count == 0 || issues.Count == 0)
        {
            return;
        }
        await using var actions = new BulkRowWriter(transaction, BulkTable.Of<ActionItem>(db, ActionItemColumns));
        var now = state.Now;
        for (var n = 0; n < count; n++)
        {
            var issue = issues[n % issues.Count];
            var team = random.Next(3) == 0 ? teams[random.Next(teams.Length)] : teams.First(t => t.Id == issue.TeamId);
            var owner = team.People[random.Next(team.People.Length)];
            var created = issue.CreatedAt + (now - issue.CreatedAt) * (0.05 + 0.2 * random.NextDouble());
            // An issue that is closed or resolved has its actions finished; open issues have every state, some overdue.
            var status = issue.DoneAt is not null
                ? (random.Next(10) == 0 ? ActionStatus.Cancelled : ActionStatus.Done)
                : random.Next(100) switch { < 35 => ActionStatus.Open, < 65 => ActionStatus.InProgress, < 75 => ActionStatus.Blocked, < 95 => ActionStatus.Done, _ => ActionStatus.Cancelled };
            var finished = status is ActionStatus.Done or ActionStatus.Cancelled;
            var completedAt = finished ? created + ((issue.DoneAt ?? now) - created) * (0.3 + 0.7 * random.NextDouble()) : (DateTime?)null;
            var quickWin = random.Next(5) == 0;
            var verb = ActionVerbs[random.Next(ActionVerbs.Length)];
            await actions.WriteAsync(
            [
                $"{verb} {Places[random.Next(Places.Length)]}", null, owner, team.Id,
                DateOnly.FromDateTime(created.AddDays(quickWin ? random.Next(3, 21) : random.Next(14, 150))), status,
                status == ActionStatus.Blocked ? "Waiting for the systems team to release the change." : null, quickWin,
                quickWin ? 3 : random.Next(1, 4), quickWin ? 1 : random.Next(1, 4), owner, created, completedAt, issue.Id, 0, null,
            ], ct);
        }
        await actions.CompleteAsync(ct);
    }

    private static async Task<int> SeedVolumeMetricsAsync(CxDbContext db, DbTransaction transaction, DemoState state, int count,
        VolumeTeam[] teams, int[] channels, Random random, CancellationToken ct)
    {
        await using var metrics = new BulkRowWriter(transaction, BulkTable.Of<MetricDefinition>(db, MetricDefinitionColumns));
        await using var revisions = new BulkRowWriter(transaction, BulkTable.Of<MetricRevision>(db, MetricRevisionColumns));
        await using var signOffs = new BulkRowWriter(transaction, BulkTable.Of<MetricSignOff>(db, MetricSignOffColumns));
        await using var targets = new BulkRowWriter(transaction, BulkTable.Of<MetricTarget>(db, MetricTargetColumns));
        await using var values = new BulkRowWriter(transaction, BulkTable.Of<MetricValue>(db, MetricValueColumns));
        var lastWeek = Period.Containing(state.Today, PeriodKind.Week).Previous;
        var weeks = lastWeek.LastN(VolumeWeeks);
        var origin = weeks[0].StartUtc;
        // Primitive collections are stored as JSON arrays, as EF Core writes them.
        var channelList = "[" + string.Join(",", channels.Select(c => c.ToString(CultureInfo.InvariantCulture))) + "]";
        for (var n = 0; n < count; n++)
        {
            var kind = MetricKinds[n % MetricKinds.Length];
            var team = teams[random.Next(teams.Length)];
            var stakeholders = teams.Where(t => t.Id != team.Id).OrderBy(_ => random.Next()).Take(random.Next(1, 3)).Select(t => t.Id).Prepend(team.Id).ToArray();
            var status = random.Next(100) switch { < 70 => MetricStatus.Agreed, < 80 => MetricStatus.Proposed, < 90 => MetricStatus.Draft, _ => MetricStatus.Retired };
            var proposedAt = origin.AddDays(-random.Next(1, 60));
            var agreedAt = proposedAt.AddDays(random.Next(3, 30));
            var retiredAt = status == MetricStatus.Retired ? state.Now.AddDays(-random.Next(30, 700)) : (DateTime?)null;
            var metricId = await metrics.InsertReturningIdAsync(
            [
                string.Create(CultureInfo.InvariantCulture, $"WK-{n + 1:D4}"),
                string.Create(CultureInfo.InvariantCulture, $"{kind.Name}, {Places[n / MetricKinds.Length % Places.Length]} #{n + 1}"),
                kind.Dimension, team.Lead, team.Id, status, retiredAt, retiredAt is null ? null : "Replaced by a measure the teams agreed on.",
                MinimumSample.Default, 0,
            ], ct);
            var revisionStatus = status switch { MetricStatus.Draft => RevisionStatus.Draft, MetricStatus.Proposed => RevisionStatus.Proposed, _ => RevisionStatus.Agreed };
            var revisionId = await revisions.InsertReturningIdAsync(
            [
                metricId, 1, revisionStatus, $"{kind.Name} measured weekly for {Places[n % Places.Length]}.", $"Weekly {kind.Name.ToLowerInvariant()} from the source data.",
                "Data warehouse, weekly extract", kind.Unit, kind.Direction, PeriodKind.Week, Aggregation.Average, null, channelList,
                "[" + string.Join(",", stakeholders.Select(t => t.ToString(CultureInfo.InvariantCulture))) + "]",
                revisionStatus == RevisionStatus.Draft ? null : proposedAt, revisionStatus == RevisionStatus.Agreed ? agreedAt : null,
            ], ct);
            if (revisionStatus == RevisionStatus.Agreed)
            {
                foreach (var teamId in stakeholders)
                {
                    await signOffs.WriteAsync([revisionId, teamId, teams.First(t => t.Id == teamId).Lead, SignOffDecision.SignedOff, null, agreedAt], ct);
                }
            }
            var span = kind.High - kind.Low;
            var target = kind.Direction == Direction.HigherIsBetter ? kind.Low + 0.8 * span : kind.Low + 0.2 * span;
            foreach (var quarter in state.Quarters)
            {
                await targets.WriteAsync([revisionId, quarter.ToString(), null, Math.Round(target, 1), Math.Round(span * 0.05, 2)], ct);
            }
            if (status is MetricStatus.Draft or MetricStatus.Proposed)
            {
                continue;
            }
            var level = kind.Low + span * (0.3 + 0.4 * random.NextDouble());
            var drift = span * 0.2 / VolumeWeeks * (random.Next(2) == 0 ? 1 : -1);
            for (var w = 0; w < weeks.Count; w++)
            {
                var week = weeks[w];
                if (retiredAt is { } retired && week.StartUtc > retired)
                {
                    break;
                }
                var recordedAt = week.EndExclusiveUtc.AddHours(9);
                var sum = 0.0;
                foreach (var channelId in channels)
                {
                    var value = Math.Clamp(level + drift * w + span * 0.08 * (random.NextDouble() - 0.5) + span * 0.05 * (channelId % 3 - 1), kind.Low, kind.High);
                    sum += value;
                    await values.WriteAsync([metricId, week.ToString(), PeriodKind.Week, week.Start, channelId, Math.Round(value, 2), null, null, null, team.Lead, recordedAt, 0], ct);
                }
                await values.WriteAsync([metricId, week.ToString(), PeriodKind.Week, week.Start, null, Math.Round(sum / channels.Length, 2), null, null, null, team.Lead, recordedAt, 0], ct);
            }
        }
        await signOffs.CompleteAsync(ct);
        await targets.CompleteAsync(ct);
        await values.CompleteAsync(ct);
        return (int)values.Written;
    }
}
