using System.Text.Json;
using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Audit;
using CxDashboard.Domain.Organisation;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Tests.Data;

/// <summary>
/// A connection that drops in the middle of a save (a failover on Azure SQL, a network blip) is retried:
/// afterwards the change and its audit entries are there exactly once, never one without the other. One
/// that drops just after the commit went through is not retried, and the caller is told the save succeeded.
/// </summary>
public sealed class SaveRetryTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
    private readonly TransientFaults _faults = new();
    private TestDatabase _database = null!;
    private int _personId;
    private int _teamId;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(_faults);
        var team = (await _database.SaveAsync(new Team("stores", "Stores")))[0];
        var person = (await _database.SaveAsync(new Person("Dana Reid", "dana.reid@example.com", team.Id)))[0];
        (_teamId, _personId) = (team.Id, person.Id);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    public static TheoryData<FaultPoint> FaultPoints => [FaultPoint.DataWrite, FaultPoint.AuditWrite, FaultPoint.Commit, FaultPoint.AfterCommit];

    private ActionItem NewAction(string title) =>
        new(title, null, _personId, _teamId, new DateOnly(2026, 12, 1), 2, 1, true, _personId, Now);

    [Theory]
    [MemberData(nameof(FaultPoints))]
    public async Task A_new_record_survives_a_dropped_connection_once_with_one_audit_entry(FaultPoint point)
    {
        var action = NewAction("Fix the fitting-room queue");
        action.AddNote(_personId, "Spoke to the store manager", Now);
        await using (var db = _database.CreateDbContext())
        {
            db.Actions.Add(action);
            _faults.Arm(point, "Actions");
            var saved = await db.SaveChangesAsync();
            Assert.Equal(2, saved);
        }

        Assert.Equal(1, _faults.Fired);
        await using var check = _database.CreateDbContext();
        var stored = await check.Actions.Include(a => a.Notes).SingleAsync();
        Assert.Equal(action.Id, stored.Id);
        Assert.Equal(stored.Id, Assert.Single(stored.Notes).ActionItemId);
        var created = await check.AuditEntries.Where(e => e.Action == AuditAction.Created).ToListAsync();
        var actionEntry = Assert.Single(created, e => e.EntityType == nameof(ActionItem));
        Assert.Equal(stored.Id.ToString(), actionEntry.EntityId);
        Assert.Equal(stored.Id, JsonDocument.Parse(actionEntry.After!).RootElement.GetProperty("Id").GetInt32());
        var noteEntry = Assert.Single(created, e => e.EntityType == nameof(ActionNote));
        Assert.Equal(stored.Id, JsonDocument.Parse(noteEntry.After!).RootElement.GetProperty("ActionItemId").GetInt32());
    }

    [Theory]
    [MemberData(nameof(FaultPoints))]
    public async Task A_change_survives_a_dropped_connection_once_with_one_audit_entry(FaultPoint point)
    {
        var id = (await _database.SaveAsync(NewAction("Fix the fitting-room queue")))[0].Id;
        int versionBefore;
        await using (var db = _database.CreateDbContext())
        {
            var action = await db.Actions.SingleAsync(a => a.Id == id);
            versionBefore = db.VersionOf(action);
            action.Start(_personId, Now);
            _faults.Arm(point, "Actions");
            await db.SaveChangesAsync();
            Assert.Equal(versionBefore + 1, db.VersionOf(action));
        }

        Assert.Equal(1, _faults.Fired);
        await using var check = _database.CreateDbContext();
        var stored = await check.Actions.SingleAsync(a => a.Id == id);
        Assert.Equal(ActionStatus.InProgress, stored.Status);
        Assert.Equal(versionBefore + 1, check.VersionOf(stored));
        var changed = await check.AuditEntries.SingleAsync(e => e.Action == AuditAction.Changed);
        Assert.Equal(id.ToString(), changed.EntityId);
        Assert.Contains("Status 'Open' → 'InProgress'", changed.Summary);
    }

    [Theory]
    [MemberData(nameof(FaultPoints))]
    public async Task A_deletion_survives_a_dropped_connection_once_with_one_audit_entry(FaultPoint point)
    {
        var grant = (await _database.SaveAsync(new RoleGrant(_personId, Role.Contributor, "Ana Admin", Now)))[0];
        await using (var db = _database.CreateDbContext())
        {
            db.RoleGrants.Remove(await db.RoleGrants.SingleAsync(g => g.Id == grant.Id));
            _faults.Arm(point, "RoleGrants");
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, _faults.Fired);
        await using var check = _database.CreateDbContext();
        Assert.False(await check.RoleGrants.AnyAsync());
        var deleted = await check.AuditEntries.SingleAsync(e => e.Action == AuditAction.Deleted);
        Assert.Equal(grant.Id.ToString(), deleted.EntityId);
    }

    [Fact]
    public async Task A_connection_that_keeps_dropping_leaves_neither_the_change_nor_its_audit_entry()
    {
        await using (var db = _database.CreateDbContext())
        {
            db.Actions.Add(NewAction("Fix the fitting-room queue"));
            _faults.ArmAlways(FaultPoint.Commit);
            await Assert.ThrowsAnyAsync<Exception>(() => db.SaveChangesAsync());
            _faults.Disarm();
        }

        await using var check = _database.CreateDbContext();
        Assert.False(await check.Actions.AnyAsync());
        Assert.False(await check.AuditEntries.AnyAsync(e => e.EntityType == nameof(ActionItem)));
    }
}
