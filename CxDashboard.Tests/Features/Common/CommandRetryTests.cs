using CxDashboard.Domain.Audit;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Friction;
using CxDashboard.Domain.Organisation;
using CxDashboard.Tests.Features.Friction;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Features.Admin;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Friction;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CxDashboard.Tests.Features.Common;

/// <summary>
/// A command that saves in its own transaction (raising an issue from feedback: the issue, then the
/// links; taking a role away) survives a dropped connection the same way a single save does: once, with
/// its audit entries, and the person is told it was done also when only the commit's acknowledgement was lost.
/// </summary>
public sealed class CommandRetryTests : IAsyncLifetime
{
    private readonly TransientFaults _faults = new();
    private TestDatabase _database = null!;
    private FrictionData _data = null!;
    private FrictionService _service = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(_faults);
        _data = await FrictionData.CreateAsync(_database);
        _service = new FrictionService(_database, new FakeTimeProvider(new DateTimeOffset(FrictionData.Now)));
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    public static TheoryData<FaultPoint, string> FaultPoints => new()
    {
        { FaultPoint.DataWrite, "FrictionIssues" },
        { FaultPoint.DataWrite, "Feedback" },
        { FaultPoint.AuditWrite, "FrictionIssues" },
        { FaultPoint.Commit, "FrictionIssues" },
        { FaultPoint.AfterCommit, "FrictionIssues" },
    };

    [Theory]
    [MemberData(nameof(FaultPoints))]
    public async Task Raising_an_issue_from_feedback_survives_a_dropped_connection_once_with_its_audit_entries(FaultPoint point, string table)
    {
        var feedback = new[] { await _data.FeedbackAsync(), await _data.FeedbackAsync() };
        _faults.Arm(point, table);

        var id = await _service.CreateAsync(new FrictionDraft(_data.Details(), [], feedback), _data.StoresChannelLead, default);

        Assert.Equal(1, _faults.Fired);
        await using var db = _database.CreateDbContext();
        Assert.Equal(id, (await db.FrictionIssues.SingleAsync()).Id);
        Assert.Equal(feedback.Order(), await db.Feedback.Where(f => f.FrictionIssueId == id).Select(f => f.Id).OrderBy(f => f).ToListAsync());
        var created = await db.AuditEntries.Where(e => e.EntityType == nameof(FrictionIssue) && e.Action == AuditAction.Created).ToListAsync();
        Assert.Equal(id.ToString(), Assert.Single(created).EntityId);
        var linked = await db.AuditEntries.Where(e => e.EntityType == nameof(FeedbackItem) && e.Action == AuditAction.Changed).ToListAsync();
        Assert.Equal(feedback.Select(f => f.ToString()).Order(), linked.Select(e => e.EntityId).Order());
        Assert.All(linked, e => Assert.Equal(_data.StoresChannelLead.Name, e.ActorName));
    }

    [Fact]
    public async Task Taking_a_role_away_whose_commit_acknowledgement_is_lost_is_done_once_and_reported_as_done()
    {
        var admins = new AdminService(_database, new FakeTimeProvider(new DateTimeOffset(FrictionData.Now)));
        var admin = new Caller(_data.HeadOfCx, "Ana Admin", null, new HashSet<string> { Roles.Admin });
        await admins.GrantRoleAsync(_data.DigitalContributor, Role.CxLead, admin);
        _faults.Arm(FaultPoint.AfterCommit, "RoleGrants");

        await admins.RevokeRoleAsync(_data.DigitalContributor, Role.CxLead, admin);

        Assert.Equal(1, _faults.Fired);
        await using var db = _database.CreateDbContext();
        Assert.False(await db.RoleGrants.AnyAsync(g => g.PersonId == _data.DigitalContributor && g.Role == Role.CxLead));
        Assert.Single(await db.AuditEntries.Where(e => e.EntityType == nameof(RoleGrant) && e.Action == AuditAction.Deleted).ToListAsync());
    }
}
