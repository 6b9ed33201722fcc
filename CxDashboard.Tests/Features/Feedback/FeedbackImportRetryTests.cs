using System.Text;
using CxDashboard.Domain.Audit;
using CxDashboard.Domain.Feedback;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Features.Feedback;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Tests.Features.Feedback;

/// <summary>
/// An import is written in bulk and audited in one transaction; a connection that drops on the way, or
/// after the commit went through, leaves the file imported exactly once with one audit entry.
/// </summary>
public sealed class FeedbackImportRetryTests : IAsyncLifetime
{
    private const string File = "ReceivedAt,Channel,JourneyStage,Source,Category,ScoreScale,Score,Verbatim,CustomerRef,ExternalId\n"
        + "2026-11-20 10:00,store,purchase,Survey,Service,Nps,9,Friendly staff at the till,,S-1\n"
        + "2026-11-20 11:30,web,,Review,Product,,,Lovely coat and quick delivery,,S-2\n"
        + "2026-11-21 08:15,web,,Review,Experience,,,Easy to find my size,,\n";

    private readonly TransientFaults _faults = new();
    private FeedbackData _data = null!;

    public async Task InitializeAsync() => _data = await FeedbackData.CreateAsync(_faults);

    public Task DisposeAsync() => _data.Database.DisposeAsync().AsTask();

    public static TheoryData<FaultPoint> FaultPoints => [FaultPoint.AuditWrite, FaultPoint.Commit, FaultPoint.AfterCommit];

    [Theory]
    [MemberData(nameof(FaultPoints))]
    public async Task An_import_survives_a_dropped_connection_once_with_one_audit_entry(FaultPoint point)
    {
        _faults.Arm(point, "Feedback");

        var result = await new FeedbackImporter(_data.Database, _data.Clock, _data.Service(), _data.Metrics)
            .ImportAsync(_data.CaraContributor, "survey.csv", new MemoryStream(Encoding.UTF8.GetBytes(File)));

        Assert.Equal(1, _faults.Fired);
        Assert.True(result.Succeeded, string.Join(" ", result.Problems));
        Assert.Equal(3, result.Imported);
        await using var db = _data.Database.CreateDbContext();
        Assert.Equal(["Easy to find my size", "Friendly staff at the till", "Lovely coat and quick delivery"],
            await db.Feedback.Select(f => f.Verbatim).OrderBy(v => v).ToListAsync());
        var imported = await db.AuditEntries.SingleAsync(e => e.EntityType == nameof(FeedbackItem) && e.Action == AuditAction.Created);
        var ids = await db.Feedback.Select(f => f.Id).OrderBy(id => id).ToListAsync();
        Assert.Equal($"{ids[0]}–{ids[^1]}", imported.EntityId);
    }
}
