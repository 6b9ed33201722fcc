using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Friction;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Features.Actions;
using CxDashboard.Web.Features.Dashboard;
using CxDashboard.Web.Features.Friction;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CxDashboard.Tests.Features.Dashboard;

/// <summary>
/// The open-issues and overdue-actions tiles sum counts the database keeps per status and due date instead of counting
/// rows: after every kind of write they must say what a count of the rows says.
/// </summary>
public sealed class DashboardTileCountsTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 15, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Now));
    private TestDatabase _database = null!;
    private DashboardTestData _data = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _data = await DashboardTestData.CreateAsync(_database, Now);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private int By => _data.Lead.Id;

    /// <summary>The two tiles, checked against the rows counted one by one.</summary>
    private async Task<(int OpenIssues, int OverdueActions)> TilesAsync()
    {
        var tiles = await new DashboardService(_database, _time).GetHomeTilesAsync(CancellationToken.None);
        await using var db = _database.CreateDbContext();
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        Assert.Equal(await db.FrictionIssues.CountAsync(i => i.Status != FrictionStatus.Closed && i.Status != FrictionStatus.WontFix), tiles.OpenFrictionIssues);
        Assert.Equal(await db.Actions.CountAsync(a => a.Status != ActionStatus.Done && a.Status != ActionStatus.Cancelled && a.DueDate < today), tiles.OverdueActions);
        return (tiles.OpenFrictionIssues, tiles.OverdueActions);
    }

    private async Task ChangeAsync<T>(int id, Action<T> change) where T : class
    {
        await using var db = _database.CreateDbContext();
        change((await db.Set<T>().FindAsync(id))!);
        await db.SaveChangesAsync();
    }

    private async Task<int> IssueAsync()
    {
        await _data.AddFrictionIssuesAsync(_ => { });
        await using var db = _database.CreateDbContext();
        return await db.FrictionIssues.MaxAsync(i => i.Id);
    }

    private async Task<int> ActionAsync(DateOnly due)
    {
        await _data.AddActionAsync(due);
        await using var db = _database.CreateDbContext();
        return await db.Actions.MaxAsync(a => a.Id);
    }

    [Fact]
    public async Task The_open_issues_tile_follows_each_issue_created_moved_closed_and_deleted()
    {
        var first = await IssueAsync();
        var second = await IssueAsync();
        Assert.Equal(2, (await TilesAsync()).OpenIssues);

        await ChangeAsync<FrictionIssue>(first, i => { i.Triage(By, Now.AddDays(-3)); i.Start(By, Now.AddDays(-2)); });
        Assert.Equal(2, (await TilesAsync()).OpenIssues);

        await ChangeAsync<FrictionIssue>(first, i =>
        {
            i.Resolve("Stock levels now shown per store.", By, Now.AddDays(-1));
            i.RecordPeopleTold(ToldAudience.Customers, "E-mail to everyone who complained", Now.AddDays(-1));
            i.Close([], By, Now);
        });
        Assert.Equal(1, (await TilesAsync()).OpenIssues);

        await ChangeAsync<FrictionIssue>(second, i => i.WontFix("Out of scope for this year.", By, Now.AddDays(-1)));
        Assert.Equal(0, (await TilesAsync()).OpenIssues);

        var third = await IssueAsync();
        Assert.Equal(1, (await TilesAsync()).OpenIssues);
        await using (var db = _database.CreateDbContext())
        {
            db.FrictionIssues.Remove((await db.FrictionIssues.FindAsync(third))!);
            await db.SaveChangesAsync();
        }
        Assert.Equal(0, (await TilesAsync()).OpenIssues);
    }

    /// <summary>The closed-loop section's issues per status, checked against the rows grouped one by one.</summary>
    private async Task<IReadOnlyDictionary<FrictionStatus, int>> IssuesByStatusAsync()
    {
        var counts = await new FrictionService(_database, _time).CountByStatusAsync(CancellationToken.None);
        await using var db = _database.CreateDbContext();
        var rows = await db.FrictionIssues.GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Assert.Equal(Enum.GetValues<FrictionStatus>().Select(s => rows.GetValueOrDefault(s)), Enum.GetValues<FrictionStatus>().Select(s => counts[s]));
        return counts;
    }

    [Fact]
    public async Task The_closed_loop_issues_per_status_follow_each_issue_created_moved_closed_and_deleted()
    {
        var first = await IssueAsync();
        var second = await IssueAsync();
        Assert.Equal(2, (await IssuesByStatusAsync())[FrictionStatus.New]);

        await ChangeAsync<FrictionIssue>(first, i => { i.Triage(By, Now.AddDays(-3)); i.Start(By, Now.AddDays(-2)); });
        var moved = await IssuesByStatusAsync();
        Assert.Equal((1, 1), (moved[FrictionStatus.New], moved[FrictionStatus.InProgress]));

        await ChangeAsync<FrictionIssue>(first, i =>
        {
            i.Resolve("Stock levels now shown per store.", By, Now.AddDays(-1));
            i.RecordPeopleTold(ToldAudience.Customers, "E-mail to everyone who complained", Now.AddDays(-1));
            i.Close([], By, Now);
        });
        await ChangeAsync<FrictionIssue>(second, i => i.WontFix("Out of scope for this year.", By, Now.AddDays(-1)));
        var ended = await IssuesByStatusAsync();
        Assert.Equal((0, 0, 1, 1), (ended[FrictionStatus.New], ended[FrictionStatus.InProgress], ended[FrictionStatus.Closed], ended[FrictionStatus.WontFix]));

        var third = await IssueAsync();
        Assert.Equal(1, (await IssuesByStatusAsync())[FrictionStatus.New]);
        await using (var db = _database.CreateDbContext())
        {
            db.FrictionIssues.Remove((await db.FrictionIssues.FindAsync(third))!);
            await db.SaveChangesAsync();
        }
        Assert.Equal(0, (await IssuesByStatusAsync())[FrictionStatus.New]);
    }

    [Fact]
    public async Task The_overdue_actions_tile_follows_each_action_created_replanned_completed_reopened_cancelled_and_the_days_passing()
    {
        var late = await ActionAsync(Today.AddDays(-1));
        var later = await ActionAsync(Today.AddDays(10));
        Assert.Equal(1, (await TilesAsync()).OverdueActions);

        await ChangeAsync<ActionItem>(later, a => a.Plan(a.Title, null, Today.AddDays(-3), 2, 2, false));
        Assert.Equal(2, (await TilesAsync()).OverdueActions);

        await ChangeAsync<ActionItem>(late, a => a.Complete(By, Now));
        Assert.Equal(1, (await TilesAsync()).OverdueActions);

        await ChangeAsync<ActionItem>(late, a => a.Reopen("The fix did not hold.", By, Now));
        Assert.Equal(2, (await TilesAsync()).OverdueActions);

        await ChangeAsync<ActionItem>(later, a => a.Cancel("No longer needed.", By, Now));
        Assert.Equal(1, (await TilesAsync()).OverdueActions);

        // Due tomorrow: overdue the day after, with no write in between.
        await ActionAsync(Today.AddDays(1));
        Assert.Equal(1, (await TilesAsync()).OverdueActions);
        _time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(2, (await TilesAsync()).OverdueActions);
    }

    /// <summary>The closed-loop section's overdue actions per team, checked against the rows grouped one by one.</summary>
    private async Task<Dictionary<string, int>> OverdueByTeamAsync()
    {
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        var perTeam = await new ActionService(_database, _time).OverdueActionsByTeamAsync(today, CancellationToken.None);
        await using var db = _database.CreateDbContext();
        var rows = await (
            from a in db.Actions.Where(a => a.Status != ActionStatus.Done && a.Status != ActionStatus.Cancelled && a.DueDate < today)
            join t in db.Teams on a.TeamId equals t.Id
            group a by t.Name into g
            select new { Team = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Team, g => g.Count);
        Assert.Equal(rows.OrderBy(r => r.Key), perTeam.Select(t => KeyValuePair.Create(t.Team, t.Overdue)).OrderBy(r => r.Key));
        Assert.Equal(perTeam.Select(t => t.Overdue).OrderDescending(), perTeam.Select(t => t.Overdue));
        return perTeam.ToDictionary(t => t.Team, t => t.Overdue);
    }

    [Fact]
    public async Task The_overdue_actions_per_team_follow_each_action_created_reassigned_replanned_completed_deleted_and_the_days_passing()
    {
        var late = await ActionAsync(Today.AddDays(-1));
        var later = await ActionAsync(Today.AddDays(10));
        Assert.Equal(new Dictionary<string, int> { ["Stores"] = 1 }, await OverdueByTeamAsync());

        await ChangeAsync<ActionItem>(later, a => a.Plan(a.Title, null, Today.AddDays(-3), 2, 2, false));
        Assert.Equal(new Dictionary<string, int> { ["Stores"] = 2 }, await OverdueByTeamAsync());

        await ChangeAsync<ActionItem>(late, a => a.Reassign(By, _data.Digital.Id));
        Assert.Equal(new Dictionary<string, int> { ["Stores"] = 1, ["Digital"] = 1 }, await OverdueByTeamAsync());

        await ChangeAsync<ActionItem>(later, a => a.Complete(By, Now));
        Assert.Equal(new Dictionary<string, int> { ["Digital"] = 1 }, await OverdueByTeamAsync());

        await ChangeAsync<ActionItem>(later, a => a.Reopen("The fix did not hold.", By, Now));
        await using (var db = _database.CreateDbContext())
        {
            db.Actions.Remove((await db.Actions.FindAsync(late))!);
            await db.SaveChangesAsync();
        }
        Assert.Equal(new Dictionary<string, int> { ["Stores"] = 1 }, await OverdueByTeamAsync());

        await ActionAsync(Today.AddDays(1));
        _time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(new Dictionary<string, int> { ["Stores"] = 2 }, await OverdueByTeamAsync());
    }

    [Fact]
    public async Task A_write_that_is_rolled_back_leaves_the_tiles_as_they_were()
    {
        await IssueAsync();
        await ActionAsync(Today.AddDays(-1));

        await using (var db = _database.CreateDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var issue = await db.FrictionIssues.FirstAsync();
            _data.Close(issue);
            (await db.Actions.FirstAsync()).Complete(By, Now);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        Assert.Equal((1, 1), await TilesAsync());
    }
}
