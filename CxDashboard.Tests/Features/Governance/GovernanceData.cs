using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Friction;
using CxDashboard.Domain.Governance;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Organisation;
using CxDashboard.Tests.Features.Metrics;
using CxDashboard.Web.Features.Actions;
using CxDashboard.Web.Features.Governance;

namespace CxDashboard.Tests.Features.Governance;

/// <summary>
/// The metrics test retailer (three teams, a person per role, three channels) plus a journey stage,
/// with builders for what a review's agenda reads: a red metric, actions and friction issues.
/// </summary>
public sealed class GovernanceData : IAsyncDisposable
{
    private GovernanceData(MetricsData metrics) => Metrics = metrics;

    public MetricsData Metrics { get; }
    public DateOnly Today => DateOnly.FromDateTime(MetricsData.Now);
    public int Stage { get; private set; }

    public GovernanceService Service => new(Metrics.Database, Metrics.Clock, Metrics.Service);
    public ActionService Actions => new(Metrics.Database, Metrics.Clock);

    public static async Task<GovernanceData> CreateAsync()
    {
        var data = new GovernanceData(await MetricsData.CreateAsync());
        await using var db = data.Metrics.Database.CreateDbContext();
        var stage = new JourneyStage("collect", "Collect", 1);
        db.JourneyStages.Add(stage);
        await db.SaveChangesAsync();
        data.Stage = stage.Id;
        return data;
    }

    public ReviewDraft Draft(string title = "November CX council") =>
        new(ReviewKind.MonthlyCxCouncil, title, Today, [Metrics.StoresTeam, Metrics.DigitalTeam], "Click & collect first.");

    /// <summary>An agreed "lower is better" metric whose value this quarter is well past its target: red.</summary>
    public async Task<int> RedMetricAsync(string code = "WAIT")
    {
        var id = await Metrics.Metric(code).Named("Hours to answer a complaint").Measured(MetricUnit.Hours, Direction.LowerIsBetter)
            .Target("2026-Q4", 24, 4).AgreedBy(Metrics.StoresTeam).SaveAsync();
        await Metrics.AddValuesAsync(id, ("2026-10", null, 30, null));
        return id;
    }

    /// <summary>An agreed metric on target this quarter: green.</summary>
    public async Task<int> GreenMetricAsync(string code = "CONV")
    {
        var id = await Metrics.Metric(code).Named("Online conversion").Target("2026-Q4", 50, 5).AgreedBy(Metrics.StoresTeam).SaveAsync();
        await Metrics.AddValuesAsync(id, ("2026-10", null, 55, null));
        return id;
    }

    public async Task<int> ActionAsync(string title, DateOnly due, ActionStatus status = ActionStatus.Open)
    {
        await using var db = Metrics.Database.CreateDbContext();
        var sam = Metrics.StoresLead.PersonId!.Value;
        var action = new ActionItem(title, null, sam, Metrics.StoresTeam, due, 2, 2, false, Metrics.CxLead.PersonId!.Value,
            MetricsData.Now.AddDays(-60));
        if (status == ActionStatus.Done)
        {
            action.Complete(sam, MetricsData.Now.AddDays(-1));
        }
        db.Actions.Add(action);
        await db.SaveChangesAsync();
        return action.Id;
    }

    public async Task<int> IssueAsync(string title, int severity, DateOnly? due = null)
    {
        await using var db = Metrics.Database.CreateDbContext();
        var issue = new FrictionIssue(new FrictionDetails(title, null, Stage, [Metrics.Store, Metrics.Web], FeedbackCategory.Service, severity, 40,
            null, Metrics.StoresTeam, Metrics.StoresLead.PersonId!.Value, [], due), Metrics.CxLead.PersonId!.Value, MetricsData.Now.AddDays(-40));
        db.FrictionIssues.Add(issue);
        await db.SaveChangesAsync();
        return issue.Id;
    }

    public ValueTask DisposeAsync() => Metrics.DisposeAsync();
}
