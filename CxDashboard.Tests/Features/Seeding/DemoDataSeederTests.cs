using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Friction;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Organisation;
using CxDashboard.Domain.Scorecards;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CxDashboard.Tests.Features.Seeding;

/// <summary>One database seeded with 2,000 feedback items, shared by the read-only tests.</summary>
public sealed class SeededDatabase : IAsyncLifetime
{
    public const int FeedbackCount = 2_000;
    public static readonly DateTimeOffset Now = new(2026, 5, 20, 10, 30, 0, TimeSpan.Zero);

    public TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        await DemoDataSeederTests.Seeder(Database).SeedAsync(FeedbackCount, reset: false);
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}

public sealed class DemoDataSeederTests(SeededDatabase seeded) : IClassFixture<SeededDatabase>
{
    internal static DemoDataSeeder Seeder(TestDatabase database) =>
        new(database, new FakeTimeProvider(SeededDatabase.Now), NullLogger<DemoDataSeeder>.Instance);

    [Fact]
    public async Task Seeding_builds_the_teams_channels_stages_and_people_of_the_retailer()
    {
        await using var db = seeded.Database.CreateDbContext();

        Assert.Equal(8, await db.Teams.CountAsync());
        Assert.Equal(6, await db.Channels.CountAsync());
        Assert.Equal(["discover", "consider", "buy", "receive", "use", "get-help", "return", "loyalty"],
            await db.JourneyStages.OrderBy(s => s.SortOrder).Select(s => s.Code).ToListAsync());
        Assert.All(await db.Teams.ToListAsync(), team => Assert.NotNull(team.LeadPersonId));
        var teamSizes = await db.People.GroupBy(p => p.TeamId).Select(g => g.Count()).ToListAsync();
        Assert.All(teamSizes, size => Assert.InRange(size, 3, 6));
        Assert.All(await db.People.ToListAsync(), person => Assert.StartsWith("demo-", person.Subject));
    }

    [Fact]
    public async Task Every_role_is_granted_to_someone_and_one_person_has_no_role()
    {
        await using var db = seeded.Database.CreateDbContext();

        var roles = await db.RoleGrants.Select(g => g.Role).Distinct().ToListAsync();
        Assert.Equal(Enum.GetValues<Role>().Order(), roles.Order());
        var withoutRole = await db.People.Where(p => !db.RoleGrants.Any(g => g.PersonId == p.Id)).ToListAsync();
        Assert.Single(withoutRole);
    }

    [Fact]
    public async Task Metrics_cover_every_status_with_a_pending_revision_on_an_agreed_one()
    {
        await using var db = seeded.Database.CreateDbContext();
        var metrics = await db.Metrics.Include(m => m.Revisions).ToListAsync();

        Assert.True(metrics.Count >= 15);
        Assert.Equal(Enum.GetValues<MetricStatus>().Order(), metrics.Select(m => m.Status).Distinct().Order());
        Assert.Contains(metrics, m => m.Status == MetricStatus.Agreed && m.Pending is { Status: RevisionStatus.Proposed });
        Assert.Equal(3, metrics.Count(m => m.Current.ComputedFrom is not null));
        Assert.Equal(Enum.GetValues<MetricDimension>().Length, metrics.Select(m => m.Dimension).Distinct().Count());
    }

    [Fact]
    public async Task Metric_values_are_in_range_not_in_the_future_and_never_typed_for_computed_metrics()
    {
        await using var db = seeded.Database.CreateDbContext();
        var metrics = await db.Metrics.Include(m => m.Revisions).ToDictionaryAsync(m => m.Id);
        var values = await db.MetricValues.ToListAsync();
        var today = DateOnly.FromDateTime(SeededDatabase.Now.UtcDateTime);

        Assert.NotEmpty(values);
        Assert.Contains(values, v => v.PeriodKind == CxDashboard.Domain.Common.PeriodKind.Month);
        Assert.All(values, value =>
        {
            var revision = metrics[value.MetricDefinitionId].Current;
            Assert.Null(revision.ComputedFrom);
            Assert.Null(MetricUnitRules.Problem(revision.Unit, value.Value));
            Assert.True(value.PeriodStart <= today);
        });
    }

    [Fact]
    public async Task Feedback_has_the_requested_count_and_sentiment_that_matches_score_or_words()
    {
        await using var db = seeded.Database.CreateDbContext();
        var feedback = await db.Feedback.AsNoTracking().ToListAsync();

        Assert.Equal(SeededDatabase.FeedbackCount, feedback.Count);
        Assert.All(feedback, item =>
        {
            if (item.Score is not null || item.Verbatim.Length > 0)
            {
                Assert.Equal(SentimentRules.Suggest(item.ScoreScale, item.Score, item.Score is null ? item.Verbatim : null).Sentiment, item.Sentiment);
            }
            Assert.True(item.ReceivedAt <= SeededDatabase.Now.UtcDateTime);
        });
        Assert.Equal(Enum.GetValues<FeedbackSource>().Order(), feedback.Select(f => f.Source).Distinct().Order());
        Assert.InRange(feedback.Count(f => f.CustomerRef is not null) / (double)feedback.Count, 0.4, 0.7);
        Assert.Contains(feedback, f => f.FrictionIssueId is not null);
    }

    [Fact]
    public async Task Detractors_and_complaints_get_follow_ups_owned_by_the_channel_teams_lead()
    {
        await using var db = seeded.Database.CreateDbContext();
        var leadByChannel = await db.Channels
            .Join(db.Teams, c => c.OwningTeamId, t => t.Id, (c, t) => new { c.Id, t.LeadPersonId })
            .ToDictionaryAsync(x => x.Id, x => x.LeadPersonId);
        var needing = (await db.Feedback.AsNoTracking().ToListAsync()).Where(f => f.NeedsFollowUp).ToList();

        Assert.NotEmpty(needing);
        Assert.All(needing, item =>
        {
            Assert.NotEqual(FollowUpStatus.None, item.FollowUpStatus);
            Assert.Equal(leadByChannel[item.ChannelId], item.FollowUpOwnerPersonId);
        });
        Assert.Contains(needing, f => f.FollowUpStatus == FollowUpStatus.Resolved && f.FollowUpNote is not null);
        Assert.Contains(needing, f => f.FollowUpStatus == FollowUpStatus.Contacted);
        Assert.Contains(needing, f => f.IsFollowUpOverdue(SeededDatabase.Now.UtcDateTime));
    }

    [Fact]
    public async Task Friction_issues_and_actions_reach_every_status_and_closed_loops_are_proven()
    {
        await using var db = seeded.Database.CreateDbContext();
        var issues = await db.FrictionIssues.Include(i => i.LinkedMetrics).ToListAsync();
        var actions = await db.Actions.ToListAsync();

        Assert.Equal(Enum.GetValues<FrictionStatus>().Order(), issues.Select(i => i.Status).Distinct().Order());
        Assert.Equal(Enum.GetValues<ActionStatus>().Order(), actions.Select(a => a.Status).Distinct().Order());
        Assert.All(actions.Where(a => a.Status == ActionStatus.Blocked), a => Assert.False(string.IsNullOrEmpty(a.BlockedReason)));
        Assert.Contains(actions, a => a.ReviewId is not null);
        Assert.Contains(actions, a => a.FrictionIssueId is null && a.ReviewId is null);
        Assert.Contains(issues, i => i.IsCrossChannel);

        foreach (var issue in issues.Where(i => i.Status == FrictionStatus.Closed))
        {
            var statuses = actions.Where(a => a.FrictionIssueId == issue.Id).Select(a => a.Status);
            // Once closed the issue is no longer "resolved"; every other closing condition still holds.
            Assert.DoesNotContain(issue.ClosingGaps(statuses), g => g.Kind != ClosingGapKind.NotResolved);
        }
    }

    [Fact]
    public async Task Seven_past_quarters_have_published_scorecards_and_the_current_one_a_draft()
    {
        await using var db = seeded.Database.CreateDbContext();
        var scorecards = await db.Scorecards.Include(s => s.Lines).Include(s => s.Commentary).OrderBy(s => s.Quarter).ToListAsync();

        Assert.Equal(7, scorecards.Count(s => s.Status == ScorecardStatus.Published));
        var draft = Assert.Single(scorecards, s => s.Status == ScorecardStatus.Draft);
        Assert.Equal("2026-Q2", draft.Quarter.ToString());
        Assert.All(scorecards.Where(s => s.IsPublished), s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Headline));
            Assert.NotEmpty(s.Commentary);
            Assert.Contains(s.Lines, l => l.MetricCode == "NPS" && l.ChannelId == null && l.Actual is not null);
        });
        var lines = scorecards.SelectMany(s => s.Lines).ToList();
        Assert.Contains(lines, l => l.Rag == Rag.Green);
        Assert.Contains(lines, l => l.Rag == Rag.Amber);
        Assert.Contains(lines, l => l.Rag == Rag.Red);
    }

    [Fact]
    public async Task Seeding_again_without_reset_is_refused_and_changes_nothing()
    {
        var before = await CountsAsync(seeded.Database);

        var refused = await Assert.ThrowsAsync<StartupConfigurationException>(
            () => Seeder(seeded.Database).SeedAsync(100, reset: false));

        Assert.Equal("The database already holds data; add --reset to replace it with the demo retailer.", refused.Message);
        Assert.Equal(before, await CountsAsync(seeded.Database));
    }

    [Fact]
    public async Task Seeding_twice_with_the_same_clock_gives_the_same_feedback()
    {
        await using var other = await TestDatabase.CreateAsync();
        await Seeder(other).SeedAsync(SeededDatabase.FeedbackCount, reset: false);

        Assert.Equal(await VerbatimsAsync(seeded.Database), await VerbatimsAsync(other));
    }

    [Fact]
    public async Task Seeding_with_reset_replaces_the_data()
    {
        await using var database = await TestDatabase.CreateAsync();
        await Seeder(database).SeedAsync(300, reset: false);

        await Seeder(database).SeedAsync(200, reset: true);

        await using var db = database.CreateDbContext();
        Assert.Equal(200, await db.Feedback.CountAsync());
        Assert.Equal(8, await db.Teams.CountAsync());
        Assert.Equal(30, await db.FrictionIssues.CountAsync());
        // Numbering starts again, so the reset database reads like a fresh one.
        Assert.Equal(1, await db.Teams.MinAsync(t => t.Id));
        // The daily counts the dashboard's chart and computed metrics read count the new feedback only.
        Assert.Equal(200, await db.FeedbackDailyVolume.SumAsync(v => v.Count));
        Assert.Equal(await db.Feedback.CountAsync(f => f.ScoreScale != null && f.Score != null), await db.FeedbackDailyScores.SumAsync(s => s.Count));
        // So do the themes page's: every item, and every tag the demo themes put on them.
        Assert.Equal(200, await db.FeedbackDailyFigures.SumAsync(c => c.Count));
        var tags = await db.FeedbackThemes.CountAsync();
        Assert.True(tags > 0);
        Assert.Equal(tags, await db.ThemeDailyFigures.SumAsync(c => c.Count));
        await AssertTileCountsMatchTheRowsAsync(db);
    }

    [Fact]
    public async Task Seeding_at_scale_adds_the_friction_issues_actions_and_weekly_metric_values_asked_for()
    {
        await using var database = await TestDatabase.CreateAsync();

        var volume = await Seeder(database).SeedAsync(new DemoScale(200, FrictionIssues: 60, Actions: 150, Metrics: 40), reset: false);

        await using var db = database.CreateDbContext();
        Assert.Equal(60, await db.FrictionIssues.CountAsync());
        Assert.Equal(150, await db.Actions.CountAsync());
        Assert.Equal(40, await db.Metrics.CountAsync());
        Assert.Equal(30, volume.FrictionIssues);
        var weekly = await db.MetricValues.CountAsync(v => db.Metrics.Any(m => m.Id == v.MetricDefinitionId && m.Code.StartsWith("WK-")));
        Assert.Equal(volume.MetricValues, weekly);
        Assert.True(weekly > 0, "The volume metrics got no weekly values.");
        await AssertTileCountsMatchTheRowsAsync(db);
    }

    /// <summary>The seed writes friction issues and actions in bulk without the tile counts' triggers, then counts them once.</summary>
    private static async Task AssertTileCountsMatchTheRowsAsync(CxDbContext db)
    {
        var today = DateOnly.FromDateTime(SeededDatabase.Now.UtcDateTime);
        var open = await db.FrictionIssues.CountAsync(i => i.Status != FrictionStatus.Closed && i.Status != FrictionStatus.WontFix);
        var overdue = await db.Actions.CountAsync(a => a.Status != ActionStatus.Done && a.Status != ActionStatus.Cancelled && a.DueDate < today);
        Assert.True(open > 0 && overdue > 0, "The seed has no open issue or no overdue action to count.");
        Assert.Equal(open, await TileCounts.OpenFrictionIssuesAsync(db));
        Assert.Equal(overdue, await TileCounts.OverdueActionsAsync(db, today));
    }

    private static async Task<List<string>> VerbatimsAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return await db.Feedback.OrderBy(f => f.Id).Select(f => f.Verbatim).ToListAsync();
    }

    private static async Task<(int, int, int, int)> CountsAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return (await db.Teams.CountAsync(), await db.Feedback.CountAsync(), await db.Metrics.CountAsync(), await db.Actions.CountAsync());
    }
}
