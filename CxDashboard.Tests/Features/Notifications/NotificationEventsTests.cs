using System.Text;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Friction;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Notifications;
using CxDashboard.Domain.Organisation;
using CxDashboard.Domain.Scorecards;
using CxDashboard.Domain.Statistics;
using CxDashboard.Tests.Features.Feedback;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Api;
using CxDashboard.Web.Features.Feedback;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Tests.Features.Notifications;

/// <summary>
/// What happens in a team's area is told to the team as it is saved: a detractor or complaint in its channel, a friction
/// issue raised for it or asking it to contribute and each move the issue makes, a metric's sign-off asked of it; a
/// published scorecard to the executives. The person who made the change is never told of it.
/// </summary>
public sealed class NotificationEventsTests : IAsyncLifetime
{
    private FeedbackData _data = null!;
    private AuditActor _dana = null!;

    public async Task InitializeAsync()
    {
        _data = await FeedbackData.CreateAsync();
        _dana = new AuditActor(_data.Dana, "Dana Reid");
    }

    public Task DisposeAsync() => _data.Database.DisposeAsync().AsTask();

    private async Task<List<Notification>> ToldAsync(NotificationKind kind)
    {
        await using var db = _data.Database.CreateDbContext();
        return await db.Notifications.AsNoTracking().Where(n => n.Kind == kind).OrderBy(n => n.RecipientPersonId).ThenBy(n => n.Id).ToListAsync();
    }

    private FeedbackInput Answer(string externalId, int score) =>
        new(externalId, _data.Clock.GetUtcNow().AddHours(-2), "store", "purchase", "Survey", "Service", null, "Nps", score, $"Answer {externalId}", null);

    private Task<Ingestion<FeedbackIngested>> SendAsync(IEnumerable<FeedbackInput> items) =>
        new IngestionService(_data.Database, _data.Clock, _data.Service(), new FeedbackIntake(_data.Database), _data.Metrics)
            .IngestFeedbackAsync(new FeedbackBatch(items.ToList<FeedbackInput?>()), new ApiClient(new AuditActor(null, "Qualtrics"), null, null, "Qualtrics"));

    [Fact]
    public async Task A_complaint_recorded_in_a_store_tells_the_stores_team_but_its_follow_up_owner_and_whoever_recorded_it()
    {
        await using (var db = _data.Database.CreateDbContext())
        {
            var complaint = new FeedbackItem(new FeedbackDetails(FeedbackData.Now.AddHours(-1), _data.Store, null, FeedbackSource.Complaint,
                FeedbackCategory.Service, Sentiment.Negative, null, null, "The parcel never came.", null), _data.Eli, FeedbackData.Now);
            complaint.OpenFollowUp(_data.Dana, TimeSpan.FromHours(48), FeedbackData.Now);
            db.Feedback.Add(complaint);
            await db.SaveChangesAsync(new AuditActor(_data.Eli, "Eli Novak"), _data.Clock);
        }

        var told = Assert.Single(await ToldAsync(NotificationKind.DetractorInMyArea));
        var id = await FirstFeedbackIdAsync();
        Assert.Equal((_data.Cara, $"/feedback/{id}", $"A complaint arrived in Store (feedback #{id})"), (told.RecipientPersonId, told.Link, told.Title));
    }

    [Fact]
    public async Task An_api_batch_of_a_thousand_with_three_hundred_detractors_tells_each_of_the_stores_team_once_with_the_count()
    {
        var items = Enumerable.Range(1, 1000).Select(i => Answer($"S-{i}", i % 10 < 3 ? 2 : 9));

        var result = await SendAsync(items);

        Assert.Equal(1000, result.Result!.Created);
        // Dana leads the stores team and owns every follow-up: she is told they are hers, not that they arrived.
        var told = Assert.Single(await ToldAsync(NotificationKind.DetractorInMyArea));
        Assert.Equal(_data.Cara, told.RecipientPersonId);
        Assert.Equal("300 detractors or complaints arrived in Store", told.Title);
        Assert.Equal($"/feedback?channel={_data.Store}&followUp=Open", told.Link);
    }

    [Fact]
    public async Task An_import_tells_each_of_the_channels_team_once_how_many_detractors_arrived()
    {
        const string csv = "ReceivedAt,Channel,Source,Category,ScoreScale,Score,Verbatim,ExternalId\r\n"
            + "2026-11-20 10:00,store,Survey,Service,Nps,3,The queue was long,S-1\r\n"
            + "2026-11-20 10:05,store,Complaint,Service,,,Nobody helped,S-2\r\n"
            + "2026-11-20 10:10,store,Survey,Service,Nps,10,Lovely staff,S-3\r\n";

        var result = await new FeedbackImporter(_data.Database, _data.Clock, _data.Service(), _data.Metrics)
            .ImportAsync(_data.FinnContributor, "november-survey.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv)));

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        var told = Assert.Single(await ToldAsync(NotificationKind.DetractorInMyArea));
        Assert.Equal(_data.Cara, told.RecipientPersonId);
        Assert.Equal("2 detractors or complaints from the import of 'november-survey.csv' arrived in Store", told.Title);
        Assert.Equal($"/feedback?channel={_data.Store}&followUp=Open", told.Link);
    }

    private async Task<int> FirstFeedbackIdAsync()
    {
        await using var db = _data.Database.CreateDbContext();
        return await db.Feedback.MinAsync(f => f.Id);
    }

    private FrictionIssue Issue() =>
        new(new FrictionDetails("Click and collect orders not ready", null, _data.Purchase, [_data.Store, _data.Web], FeedbackCategory.Experience,
            3, 100, null, _data.StoresTeam, _data.Dana, [_data.DigitalTeam], null), _data.Dana, FeedbackData.Now);

    [Fact]
    public async Task A_friction_issue_raised_for_stores_with_digital_contributing_tells_both_teams_but_who_raised_it()
    {
        var issue = Issue();
        await using (var db = _data.Database.CreateDbContext())
        {
            db.FrictionIssues.Add(issue);
            await db.SaveChangesAsync(_dana, _data.Clock);
        }

        var told = await ToldAsync(NotificationKind.FrictionIssueForMyTeam);
        Assert.Equal([_data.Cara, _data.Eli, _data.Finn], told.Select(n => n.RecipientPersonId));
        Assert.All(told, n => Assert.Equal($"/friction/{issue.Id}", n.Link));
        Assert.Equal("A friction issue is your team's: Click and collect orders not ready", told[0].Title);
        Assert.Equal("A friction issue asks your team to contribute: Click and collect orders not ready", told[1].Title);
        Assert.Empty(await ToldAsync(NotificationKind.FrictionIssueMoved));
    }

    [Fact]
    public async Task Each_move_of_a_friction_issue_tells_the_owning_and_contributing_teams()
    {
        var issue = Issue();
        await using (var db = _data.Database.CreateDbContext())
        {
            db.FrictionIssues.Add(issue);
            await db.SaveChangesAsync();
        }

        await using (var db = _data.Database.CreateDbContext())
        {
            (await db.FrictionIssues.SingleAsync(i => i.Id == issue.Id)).Triage(_data.Dana, FeedbackData.Now);
            await db.SaveChangesAsync(_dana, _data.Clock);
        }
        await using (var db = _data.Database.CreateDbContext())
        {
            (await db.FrictionIssues.SingleAsync(i => i.Id == issue.Id)).Start(_data.Eli, FeedbackData.Now);
            await db.SaveChangesAsync(new AuditActor(_data.Eli, "Eli Novak"), _data.Clock);
        }

        var told = await ToldAsync(NotificationKind.FrictionIssueMoved);
        // Dana triaged it and Eli started it: each hears of the other's move, not of their own.
        Assert.Equal([_data.Dana, _data.Cara, _data.Cara, _data.Eli, _data.Finn, _data.Finn], told.Select(n => n.RecipientPersonId));
        Assert.All(told, n => Assert.Equal($"/friction/{issue.Id}", n.Link));
        Assert.Contains(told, n => n.Title == "A friction issue is now triaged: Click and collect orders not ready" && n.RecipientPersonId == _data.Eli);
        Assert.Contains(told, n => n.Title == "A friction issue is now in progress: Click and collect orders not ready" && n.RecipientPersonId == _data.Dana);
        Assert.DoesNotContain(told, n => n.RecipientPersonId == _data.Eli && n.Title.Contains("in progress", StringComparison.Ordinal));
    }

    private static MetricSpec Spec(int channelId) =>
        new("How likely to recommend", "promoters - detractors", "Survey tool", MetricUnit.NpsScore, Direction.HigherIsBetter,
            Aggregation.WeightedBySample, PeriodKind.Month, [channelId]);

    [Fact]
    public async Task Proposing_a_metric_asks_the_sign_off_of_each_stakeholder_teams_members_but_who_proposed_it()
    {
        var metric = MetricDefinition.Draft("NPS", "Net Promoter Score", MetricDimension.Advocacy, _data.Dana, _data.StoresTeam, Spec(_data.Store), [],
            _data.Dana, FeedbackData.Now);
        await using (var db = _data.Database.CreateDbContext())
        {
            db.Metrics.Add(metric);
            await db.SaveChangesAsync(_dana, _data.Clock);
        }
        Assert.Empty(await ToldAsync(NotificationKind.SignOffRequested));

        await using (var db = _data.Database.CreateDbContext())
        {
            var stored = await db.Metrics.Include(m => m.Revisions).SingleAsync();
            stored.Propose([_data.DigitalTeam], _data.Dana, FeedbackData.Now);
            await db.SaveChangesAsync(_dana, _data.Clock);
        }

        var told = await ToldAsync(NotificationKind.SignOffRequested);
        Assert.Equal([_data.Cara, _data.Eli, _data.Finn], told.Select(n => n.RecipientPersonId));
        Assert.All(told, n => Assert.Equal(($"/metrics/{metric.Id}", "Your team's sign-off is asked for Net Promoter Score, revision 1"), (n.Link, n.Title)));
    }

    [Fact]
    public async Task Publishing_a_scorecard_tells_the_executives_but_not_who_published_it()
    {
        int executive;
        await using (var db = _data.Database.CreateDbContext())
        {
            var erin = new Person("Erin Exec", "erin@example.com", _data.StoresTeam);
            db.People.Add(erin);
            var metric = MetricDefinition.Draft("NPS", "Net Promoter Score", MetricDimension.Advocacy, _data.Dana, _data.StoresTeam, Spec(_data.Store), [],
                _data.Dana, FeedbackData.Now);
            db.Metrics.Add(metric);
            db.Scorecards.Add(new Scorecard(Period.Parse("2026-Q4"), _data.Dana, FeedbackData.Now));
            await db.SaveChangesAsync();
            db.RoleGrants.AddRange(new RoleGrant(erin.Id, Role.Executive, "admin@example.com", FeedbackData.Now),
                new RoleGrant(_data.Dana, Role.Executive, "admin@example.com", FeedbackData.Now));
            await db.SaveChangesAsync();
            executive = erin.Id;
        }

        await using (var db = _data.Database.CreateDbContext())
        {
            var metric = await db.Metrics.SingleAsync();
            var line = new ScorecardLine(metric.Id, "NPS", "Net Promoter Score", MetricDimension.Advocacy, MetricUnit.NpsScore, Direction.HigherIsBetter,
                null, "All channels", null, null, 0, null, null, null, null, MinimumSample.Default, null);
            (await db.Scorecards.SingleAsync()).Publish([line], _data.Dana, FeedbackData.Now);
            await db.SaveChangesAsync(_dana, _data.Clock);
        }

        var told = Assert.Single(await ToldAsync(NotificationKind.ScorecardPublished));
        Assert.Equal((executive, "/scorecards/2026-Q4", "The 2026-Q4 scorecard is published"), (told.RecipientPersonId, told.Link, told.Title));
    }
}
