using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Friction;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Organisation;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Tests.Features.Friction;

/// <summary>
/// A small retailer for the friction and action tests: four teams, a lead per team, three channels,
/// three journey stages and two metrics, with builders for issues, feedback and actions.
/// </summary>
public sealed class FrictionData
{
    public static readonly DateTime Now = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
    public static readonly DateOnly Today = DateOnly.FromDateTime(Now);

    private readonly TestDatabase _database;

    private FrictionData(TestDatabase database) => _database = database;

    public int Stores { get; private set; }
    public int Digital { get; private set; }
    public int ContactCentre { get; private set; }
    public int It { get; private set; }

    public int HeadOfCx { get; private set; }
    public int StoresLead { get; private set; }
    public int DigitalLead { get; private set; }
    public int DigitalContributor { get; private set; }
    public int OtherDigitalContributor { get; private set; }
    public int Executive { get; private set; }

    public int Store { get; private set; }
    public int Web { get; private set; }
    public int App { get; private set; }

    public int Discover { get; private set; }
    public int Buy { get; private set; }
    public int Deliver { get; private set; }

    public int Nps { get; private set; }
    public int Conversion { get; private set; }

    public static async Task<FrictionData> CreateAsync(TestDatabase database)
    {
        var data = new FrictionData(database);
        await data.SeedAsync();
        return data;
    }

    private async Task SeedAsync()
    {
        await using var db = _database.CreateDbContext();
        var teams = new[] { new Team("stores", "Stores"), new Team("digital", "Digital"), new Team("cc", "Contact centre"), new Team("it", "IT") };
        db.Teams.AddRange(teams);
        await db.SaveChangesAsync();
        (Stores, Digital, ContactCentre, It) = (teams[0].Id, teams[1].Id, teams[2].Id, teams[3].Id);

        var people = new[]
        {
            new Person("Hana Okafor", "hana@example.com", Stores),
            new Person("Sam Stores", "sam@example.com", Stores),
            new Person("Dee Digital", "dee@example.com", Digital),
            new Person("Cory Contributor", "cory@example.com", Digital),
            new Person("Olu Other", "olu@example.com", Digital),
            new Person("Eve Executive", "eve@example.com", Stores),
        };
        db.People.AddRange(people);
        var channels = new[] { new Channel("store", "Store", teams[0].Id, 1), new Channel("web", "Website", teams[1].Id, 2), new Channel("app", "App", teams[1].Id, 3) };
        db.Channels.AddRange(channels);
        var stages = new[] { new JourneyStage("discover", "Discover", 1), new JourneyStage("buy", "Buy", 2), new JourneyStage("deliver", "Deliver", 3) };
        db.JourneyStages.AddRange(stages);
        await db.SaveChangesAsync();
        (HeadOfCx, StoresLead, DigitalLead, DigitalContributor, OtherDigitalContributor, Executive) =
            (people[0].Id, people[1].Id, people[2].Id, people[3].Id, people[4].Id, people[5].Id);
        (Store, Web, App) = (channels[0].Id, channels[1].Id, channels[2].Id);
        (Discover, Buy, Deliver) = (stages[0].Id, stages[1].Id, stages[2].Id);

        var spec = new MetricSpec("How likely to recommend", "promoters - detractors", "Survey tool", MetricUnit.NpsScore,
            Direction.HigherIsBetter, Aggregation.WeightedBySample, PeriodKind.Month, [Store, Web]);
        var nps = MetricDefinition.Draft("NPS", "Net Promoter Score", MetricDimension.Advocacy, HeadOfCx, Stores, spec, [], HeadOfCx, Now);
        var conversion = MetricDefinition.Draft("CONV", "Online conversion", MetricDimension.Operational, DigitalLead, Digital,
            spec with { Unit = MetricUnit.Percent, Aggregation = Aggregation.Average }, [], DigitalLead, Now);
        db.Metrics.AddRange(nps, conversion);
        await db.SaveChangesAsync();
        (Nps, Conversion) = (nps.Id, conversion.Id);
    }

    public Caller CxLead => Caller(HeadOfCx, Stores, Roles.CxLead);
    public Caller StoresChannelLead => Caller(StoresLead, Stores, Roles.ChannelLead);
    public Caller DigitalChannelLead => Caller(DigitalLead, Digital, Roles.ChannelLead);
    public Caller Contributor => Caller(DigitalContributor, Digital, Roles.Contributor);
    public Caller ExecutiveReader => Caller(Executive, Stores, Roles.Executive);

    private static Caller Caller(int personId, int teamId, string role) =>
        new(personId, $"Person {personId}", teamId, new HashSet<string> { role });

    public FrictionDetails Details(string title = "Click and collect order not ready in store", int? owningTeam = null,
        int severity = 3, int[]? channels = null, int[]? contributors = null, int? stage = null, DateOnly? due = null) =>
        new(title, "Customers arrive and the parcel is not there.", stage ?? Deliver, channels ?? [Web, Store],
            FeedbackCategory.Service, severity, 120, "Store stock system does not see web orders.",
            owningTeam ?? Stores, owningTeam is { } t && t == Digital ? DigitalLead : StoresLead, contributors ?? [It], due);

    /// <summary>Records a metric's total for a month, from <paramref name="sampleSize"/> answers, ± <paramref name="margin"/> at 95%.</summary>
    public async Task MonthlyTotalAsync(int metricId, string month, double value, int sampleSize, double margin)
    {
        await using var db = _database.CreateDbContext();
        var metric = await db.Metrics.Include(m => m.Revisions).SingleAsync(m => m.Id == metricId);
        db.MetricValues.Add(MetricValue.Record(metric, Period.Parse(month), null, value, sampleSize, HeadOfCx, Now, DateOnly.FromDateTime(Now),
            value - margin, value + margin));
        await db.SaveChangesAsync();
    }

    /// <summary>Saves an issue directly (not through the service) and moves it to <paramref name="status"/>.</summary>
    public async Task<int> IssueAsync(FrictionDetails? details = null, FrictionStatus status = FrictionStatus.New, DateTime? createdAt = null, DateTime? closedAt = null)
    {
        await using var db = _database.CreateDbContext();
        var at = createdAt ?? Now.AddDays(-30);
        var issue = new FrictionIssue(details ?? Details(), HeadOfCx, at);
        if (status is FrictionStatus.WontFix)
        {
            issue.WontFix("Out of scope this year", HeadOfCx, at.AddDays(1));
        }
        if (status >= FrictionStatus.Triaged && status != FrictionStatus.WontFix)
        {
            issue.Triage(HeadOfCx, at.AddDays(1));
        }
        if (status >= FrictionStatus.InProgress && status != FrictionStatus.WontFix)
        {
            issue.Start(HeadOfCx, at.AddDays(2));
        }
        if (status >= FrictionStatus.Resolved && status != FrictionStatus.WontFix)
        {
            issue.Resolve("Store stock system now reads web orders.", HeadOfCx, at.AddDays(3));
        }
        if (status == FrictionStatus.Closed)
        {
            issue.RecordPeopleTold(ToldAudience.Customers, "E-mail to the customers who complained", at.AddDays(3));
            issue.Close([], HeadOfCx, closedAt ?? at.AddDays(4));
        }
        db.FrictionIssues.Add(issue);
        await db.SaveChangesAsync();
        return issue.Id;
    }

    public async Task<int> FeedbackAsync(int? channel = null, int? stage = null, Sentiment sentiment = Sentiment.Negative, DateTime? receivedAt = null)
    {
        await using var db = _database.CreateDbContext();
        var item = new FeedbackItem(new FeedbackDetails(receivedAt ?? Now.AddDays(-2), channel ?? Web, stage ?? Deliver,
            FeedbackSource.Review, FeedbackCategory.Service, sentiment, null, null, "My order was not ready when I arrived."), StoresLead, Now);
        db.Feedback.Add(item);
        await db.SaveChangesAsync();
        return item.Id;
    }

    public async Task<int> ActionAsync(int? issueId = null, int? owner = null, int? team = null, DateOnly? due = null,
        bool quickWin = false, ActionStatus status = ActionStatus.Open, DateTime? doneAt = null)
    {
        await using var db = _database.CreateDbContext();
        var action = new ActionItem("Show web orders on the store handheld", null, owner ?? DigitalContributor, team ?? Digital,
            due ?? Today.AddDays(14), 3, 1, quickWin, HeadOfCx, Now.AddDays(-20), issueId);
        switch (status)
        {
            case ActionStatus.InProgress:
                action.Start(HeadOfCx, Now.AddDays(-10));
                break;
            case ActionStatus.Blocked:
                action.Block("Waiting for IT", HeadOfCx, Now.AddDays(-10));
                break;
            case ActionStatus.Done:
                action.Complete(HeadOfCx, doneAt ?? Now.AddDays(-1));
                break;
            case ActionStatus.Cancelled:
                action.Cancel("No longer needed", HeadOfCx, doneAt ?? Now.AddDays(-1));
                break;
        }
        db.Actions.Add(action);
        await db.SaveChangesAsync();
        return action.Id;
    }
}
