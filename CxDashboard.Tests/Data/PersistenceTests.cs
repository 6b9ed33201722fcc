using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Audit;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Organisation;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Tests.Data;

public sealed class PersistenceTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
    private TestDatabase _database = null!;
    private int _personId;
    private int _teamId;
    private int _channelId;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using var db = _database.CreateDbContext();
        var team = new Team("stores", "Stores");
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        var person = new Person("Dana Reid", "dana.reid@example.com", team.Id);
        db.People.Add(person);
        await db.SaveChangesAsync();
        var channel = new Channel("store", "Store", team.Id, 1);
        db.Channels.Add(channel);
        await db.SaveChangesAsync();
        (_teamId, _personId, _channelId) = (team.Id, person.Id, channel.Id);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<int> AddActionAsync()
    {
        await using var db = _database.CreateDbContext();
        var action = new ActionItem("Fix the fitting-room queue", null, _personId, _teamId, new DateOnly(2026, 12, 1), 2, 1, true, _personId, Now);
        db.Actions.Add(action);
        await db.SaveChangesAsync();
        return action.Id;
    }

    [Fact]
    public async Task A_save_based_on_a_stale_version_is_refused()
    {
        var id = await AddActionAsync();
        await using var first = _database.CreateDbContext();
        await using var second = _database.CreateDbContext();
        var mine = await first.Actions.SingleAsync(a => a.Id == id);
        var theirs = await second.Actions.SingleAsync(a => a.Id == id);
        var versionSeen = first.VersionOf(mine);

        theirs.Start(_personId, Now);
        await second.SaveChangesAsync();

        mine.Block("Waiting for the store layout", _personId, Now);
        first.ExpectVersion(mine, versionSeen);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync());

        await using var check = _database.CreateDbContext();
        Assert.Equal(ActionStatus.InProgress, (await check.Actions.SingleAsync(a => a.Id == id)).Status);
    }

    [Fact]
    public async Task Every_save_moves_the_version_on()
    {
        var id = await AddActionAsync();
        await using var db = _database.CreateDbContext();
        var action = await db.Actions.SingleAsync(a => a.Id == id);
        var before = db.VersionOf(action);

        action.Start(_personId, Now);
        await db.SaveChangesAsync();

        Assert.Equal(before + 1, db.VersionOf(action));
    }

    [Fact]
    public async Task A_change_is_audited_with_who_when_and_before_and_after()
    {
        var id = await AddActionAsync();
        await using (var db = _database.CreateDbContext())
        {
            var action = await db.Actions.SingleAsync(a => a.Id == id);
            action.Start(_personId, Now);
            await db.SaveChangesAsync(new AuditActor(_personId, "Dana Reid"), new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(Now)));
        }

        await using var check = _database.CreateDbContext();
        var entry = await check.AuditEntries.SingleAsync(a => a.EntityType == nameof(ActionItem) && a.EntityId == id.ToString() && a.Action == AuditAction.Changed);
        Assert.Equal("Dana Reid", entry.ActorName);
        Assert.Equal(_personId, entry.ActorPersonId);
        Assert.Equal(Now, entry.At);
        Assert.Contains("\"Status\":\"Open\"", entry.Before);
        Assert.Contains("\"Status\":\"InProgress\"", entry.After);
        Assert.Contains("Status 'Open' → 'InProgress'", entry.Summary);
    }

    [Fact]
    public async Task A_creation_is_audited_with_the_new_rows_key()
    {
        var id = await AddActionAsync();

        await using var check = _database.CreateDbContext();
        var entry = await check.AuditEntries.SingleAsync(a => a.EntityType == nameof(ActionItem) && a.Action == AuditAction.Created);
        Assert.Equal(id.ToString(), entry.EntityId);
        Assert.Contains("Fix the fitting-room queue", entry.After);
        Assert.Null(entry.Before);
    }

    [Fact]
    public async Task What_a_customer_said_never_reaches_the_audit_trail()
    {
        await using (var db = _database.CreateDbContext())
        {
            db.Feedback.Add(new FeedbackItem(new FeedbackDetails(Now.AddHours(-1), _channelId, null, FeedbackSource.Complaint,
                FeedbackCategory.Service, Sentiment.Negative, null, null, "My order from Mrs Jones never arrived", "C-12AB34"), _personId, Now));
            await db.SaveChangesAsync();
        }

        await using var check = _database.CreateDbContext();
        var entry = await check.AuditEntries.SingleAsync(a => a.EntityType == nameof(FeedbackItem));
        Assert.DoesNotContain("Mrs Jones", entry.After);
        Assert.DoesNotContain("C-12AB34", entry.After);
        Assert.Contains("[personal data]", entry.After);
    }

    [Fact]
    public async Task Timestamps_come_back_as_utc()
    {
        var id = await AddActionAsync();
        await using var db = _database.CreateDbContext();
        var action = await db.Actions.AsNoTracking().SingleAsync(a => a.Id == id);
        Assert.Equal(DateTimeKind.Utc, action.CreatedAt.Kind);
        Assert.Equal(Now, action.CreatedAt);
    }
}
