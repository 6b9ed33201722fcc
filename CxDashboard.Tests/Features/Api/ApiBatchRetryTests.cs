using CxDashboard.Domain.Audit;
using CxDashboard.Domain.Feedback;
using CxDashboard.Tests.Features.Feedback;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Api;
using CxDashboard.Web.Features.Feedback;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Tests.Features.Api;

/// <summary>
/// An API batch is written in bulk with an audit entry per item, in one transaction; a connection that drops on the
/// way, or after the commit went through, leaves every item stored once with one entry naming its stored id.
/// </summary>
public sealed class ApiBatchRetryTests : IAsyncLifetime
{
    private static readonly string Source = ApiClient.KeyDisplayName("Survey tool");

    private readonly TransientFaults _faults = new();
    private FeedbackData _data = null!;

    public async Task InitializeAsync() => _data = await FeedbackData.CreateAsync(_faults);

    public Task DisposeAsync() => _data.Database.DisposeAsync().AsTask();

    public static TheoryData<FaultPoint> FaultPoints => [FaultPoint.AuditWrite, FaultPoint.Commit, FaultPoint.AfterCommit];

    private ApiClient Client => new(new AuditActor(null, Source), PersonId: null, ResponsiblePersonId: null, Source);

    private Task<Ingestion<FeedbackIngested>> SendAsync(params FeedbackInput[] items) =>
        new IngestionService(_data.Database, _data.Clock, _data.Service(), new FeedbackIntake(_data.Database), _data.Metrics)
            .IngestFeedbackAsync(new FeedbackBatch(items), Client);

    private FeedbackInput Item(string externalId, string verbatim, int score) =>
        new(externalId, _data.Clock.GetUtcNow().AddHours(-2), "store", "purchase", "Survey", "Service", null, "Nps", score, verbatim, null);

    [Theory]
    [MemberData(nameof(FaultPoints))]
    public async Task A_batch_survives_a_dropped_connection_once_with_one_audit_entry_per_item(FaultPoint point)
    {
        _faults.Arm(point, "Feedback");

        var sent = await SendAsync(
            Item("S-1", "Friendly staff at the till", 9),
            Item("S-2", "Queue went out of the door", 2),
            Item("S-3", "Found my size at once", 10));

        Assert.Equal(1, _faults.Fired);
        var result = Assert.IsType<FeedbackIngested>(sent.Result);
        Assert.Equal((3, 0, 1), (result.Created, result.AlreadyPresent, result.FollowUpsOpened));
        await using var db = _data.Database.CreateDbContext();
        var stored = await db.Feedback.AsNoTracking().OrderBy(f => f.Id).ToListAsync();
        Assert.Equal(["Friendly staff at the till", "Queue went out of the door", "Found my size at once"], stored.Select(f => f.Verbatim));
        Assert.Equal(FollowUpStatus.Open, stored.Single(f => f.ExternalId == "S-2").FollowUpStatus);
        var audited = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(FeedbackItem) && e.Action == AuditAction.Created)
            .Select(e => new { e.EntityId, e.ActorName }).ToListAsync();
        Assert.Equal(stored.Select(f => f.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), audited.Select(e => e.EntityId).Order());
        Assert.All(audited, e => Assert.Equal(Source, e.ActorName));
    }

    [Fact]
    public async Task An_items_audit_entry_is_the_one_a_save_through_the_change_tracker_writes()
    {
        await SendAsync(Item("S-1", "Queue went out of the door", 2));
        await using var db = _data.Database.CreateDbContext();
        var item = await db.Feedback.SingleAsync();
        var bulk = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.EntityType == nameof(FeedbackItem));

        // The same item saved through the change tracker, with the id the batch gave it.
        var tracked = AuditRecorder.Describe(Tracked(db, item), new AuditActor(null, bulk.ActorName), bulk.At).Single();

        Assert.Equal((tracked.EntityId, tracked.Summary, tracked.Before), (bulk.EntityId, bulk.Summary, bulk.Before));
        Assert.Equal(Without(tracked.After!, "ScoreSortKey"), bulk.After);
        Assert.Contains("[personal data]", bulk.After);
        Assert.DoesNotContain("Queue went out", bulk.After);
    }

    private static Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker Tracked(CxDbContext db, FeedbackItem item)
    {
        db.Entry(item).State = EntityState.Added;
        return db.ChangeTracker;
    }

    // A computed column has no value of the row's own before the database works it out.
    private static string Without(string json, string property)
    {
        var values = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, System.Text.Json.JsonElement>>(json)!;
        values.Remove(property);
        return System.Text.Json.JsonSerializer.Serialize(values);
    }
}
