using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Friction;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Organisation;
using CxDashboard.Tests.Support;

namespace CxDashboard.Tests.Features.Dashboard;

/// <summary>
/// A small organisation (two teams, one person, one channel, one journey stage) and builders for the
/// records the home tiles count, each made through the Domain's own constructors and transitions.
/// </summary>
internal sealed class DashboardTestData
{
    private DashboardTestData(TestDatabase database, DateTime now, Team stores, Team digital, Person lead, Channel store, JourneyStage stage)
    {
        Database = database;
        Now = now;
        Stores = stores;
        Digital = digital;
        Lead = lead;
        Store = store;
        Stage = stage;
    }

    public TestDatabase Database { get; }
    public DateTime Now { get; }
    public Team Stores { get; }
    public Team Digital { get; }
    public Person Lead { get; }
    public Channel Store { get; }
    public JourneyStage Stage { get; }

    public static async Task<DashboardTestData> CreateAsync(TestDatabase database, DateTime now)
    {
        var teams = await database.SaveAsync(new Team("stores", "Stores"), new Team("digital", "Digital"));
        var (stores, digital) = (teams[0], teams[1]);
        var lead = (await database.SaveAsync(new Person("Ada Lovelace", "ada@example.com", stores.Id)))[0];
        var store = (await database.SaveAsync(new Channel("store", "Store", stores.Id, 1)))[0];
        var stage = (await database.SaveAsync(new JourneyStage("buy", "Buy", 3)))[0];
        return new DashboardTestData(database, now, stores, digital, lead, store, stage);
    }

    public async Task AddMetricsAsync(params Action<MetricDefinition>[] lifecycles)
    {
        var metrics = lifecycles.Select((lifecycle, i) =>
        {
            var metric = MetricDefinition.Draft($"M{i + 1}", $"Metric {i + 1}", MetricDimension.EffortSatisfaction, Lead.Id, Stores.Id,
                new MetricSpec("How satisfied customers are.", "Average of CSAT answers", "Survey tool", MetricUnit.Percent,
                    Direction.HigherIsBetter, Aggregation.Average, PeriodKind.Quarter, [Store.Id]),
                [new TargetSpec(Period.Quarter(2026, 4), null, 80, 5)], Lead.Id, Now.AddDays(-30));
            lifecycle(metric);
            return metric;
        }).ToArray();
        await Database.SaveAsync(metrics);
    }

    public void Propose(MetricDefinition metric) => metric.Propose([Digital.Id], Lead.Id, Now.AddDays(-20));

    public void Agree(MetricDefinition metric)
    {
        Propose(metric);
        metric.SignOff(Stores.Id, Lead.Id, null, Now.AddDays(-10));
        metric.SignOff(Digital.Id, Lead.Id, null, Now.AddDays(-9));
    }

    public async Task AddFrictionIssuesAsync(params Action<FrictionIssue>[] lifecycles)
    {
        var issues = lifecycles.Select((lifecycle, i) =>
        {
            var issue = new FrictionIssue(new FrictionDetails($"Friction {i + 1}", null, Stage.Id, [Store.Id], FeedbackCategory.Service,
                2, 10, null, Stores.Id, Lead.Id, [], null), Lead.Id, Now.AddDays(-40));
            lifecycle(issue);
            return issue;
        }).ToArray();
        await Database.SaveAsync(issues);
    }

    public void Resolve(FrictionIssue issue)
    {
        issue.Triage(Lead.Id, Now.AddDays(-30));
        issue.Start(Lead.Id, Now.AddDays(-29));
        issue.Resolve("Stock levels now shown per store.", Lead.Id, Now.AddDays(-5));
    }

    public void Close(FrictionIssue issue)
    {
        Resolve(issue);
        issue.RecordPeopleTold(ToldAudience.Customers, "E-mail to everyone who complained", Now.AddDays(-4));
        issue.Close([], Lead.Id, Now.AddDays(-3));
    }

    public async Task AddActionAsync(DateOnly due, Action<ActionItem>? lifecycle = null)
    {
        var action = new ActionItem($"Action due {due:yyyy-MM-dd}", null, Lead.Id, Stores.Id, due, 2, 2, false, Lead.Id, Now.AddDays(-60));
        lifecycle?.Invoke(action);
        await Database.SaveAsync(action);
    }

    public async Task AddFeedbackAsync(params DateTime[] receivedAt) =>
        await Database.SaveAsync(receivedAt.Select(at => new FeedbackItem(
            new FeedbackDetails(at, Store.Id, Stage.Id, FeedbackSource.Review, FeedbackCategory.Service, Sentiment.Neutral, null, null,
                "The queue at the tills was long."), Lead.Id, Now)).ToArray());
}
