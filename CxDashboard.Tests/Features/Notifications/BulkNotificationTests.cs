using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CxDashboard.Domain.Notifications;
using CxDashboard.Domain.Organisation;
using CxDashboard.Web.Data;
using CxDashboard.Tests.Features.Feedback;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Features.Api;
using CxDashboard.Web.Features.Feedback;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Tests.Features.Notifications;

/// <summary>
/// Feedback written in bulk, past the change tracker (API batches, file imports), tells the owners of the
/// follow-ups it opens as a single recorded answer does, in the same transaction, and writes those notifications
/// in bulk too.
/// </summary>
public sealed partial class BulkNotificationTests : IAsyncLifetime
{
    private const string Source = "Qualtrics";
    private readonly TransientFaults _faults = new();
    private FeedbackData _data = null!;

    public async Task InitializeAsync() => _data = await FeedbackData.CreateAsync(_faults);

    public Task DisposeAsync() => _data.Database.DisposeAsync().AsTask();

    public static TheoryData<FaultPoint> FaultPoints => [FaultPoint.AuditWrite, FaultPoint.Commit, FaultPoint.AfterCommit];

    private FeedbackInput Item(string externalId, int score) =>
        new(externalId, _data.Clock.GetUtcNow().AddHours(-2), "store", "purchase", "Survey", "Service", null, "Nps", score, $"Answer {externalId}", null);

    private Task<Ingestion<FeedbackIngested>> SendAsync(params FeedbackInput[] items) =>
        new IngestionService(_data.Database, _data.Clock, _data.Service(), new FeedbackIntake(_data.Database), _data.Metrics)
            .IngestFeedbackAsync(new FeedbackBatch(items), new ApiClient(new AuditActor(null, Source), null, null, Source));

    private async Task<List<Notification>> NotificationsAsync(NotificationKind kind = NotificationKind.FollowUpAssigned)
    {
        await using var db = _data.Database.CreateDbContext();
        return await db.Notifications.AsNoTracking().Where(n => n.Kind == kind).OrderBy(n => n.Id).ToListAsync();
    }

    [Fact]
    public async Task An_API_batch_tells_the_stores_lead_of_one_detractor_with_a_link_to_it_and_of_several_once_with_their_count()
    {
        await SendAsync(Item("S-1", 2), Item("S-2", 10));
        await SendAsync(Item("S-3", 4), Item("S-4", 1), Item("S-5", 9));

        await using var db = _data.Database.CreateDbContext();
        var first = await db.Feedback.AsNoTracking().Where(f => f.ExternalId == "S-1").Select(f => f.Id).SingleAsync();
        var told = await NotificationsAsync();
        Assert.All(told, n => Assert.Equal(_data.Dana, n.RecipientPersonId));
        Assert.Equal(
            [
                ($"/feedback/{first.ToString(CultureInfo.InvariantCulture)}", true),
                ("/feedback/follow-ups", false),
            ],
            told.Select(n => (n.Link, n.Title.StartsWith("A detractor needs your follow-up", StringComparison.Ordinal))));
        Assert.Equal("2 detractors and complaints need your follow-up", told[1].Title);
    }

    [Theory]
    [MemberData(nameof(FaultPoints))]
    public async Task An_API_batch_through_a_dropped_connection_tells_each_owner_once(FaultPoint point)
    {
        _faults.Arm(point, "Feedback");

        await SendAsync(Item("S-1", 2), Item("S-2", 3));

        Assert.Equal(1, _faults.Fired);
        Assert.Equal("2 detractors and complaints need your follow-up", Assert.Single(await NotificationsAsync()).Title);
        Assert.Equal("2 detractors or complaints arrived in Store", Assert.Single(await NotificationsAsync(NotificationKind.DetractorInMyArea)).Title);
    }

    [Fact]
    public async Task An_import_tells_each_owner_once_how_many_follow_ups_are_theirs()
    {
        const string csv = "ReceivedAt,Channel,Source,Category,ScoreScale,Score,Verbatim,ExternalId\r\n"
            + "2026-11-20 10:00,store,Survey,Service,Nps,3,The queue was long,S-1\r\n"
            + "2026-11-20 10:05,store,Survey,Service,Nps,1,Nobody helped,S-2\r\n"
            + "2026-11-20 10:10,store,Survey,Service,Nps,10,Lovely staff,S-3\r\n";

        var result = await new FeedbackImporter(_data.Database, _data.Clock, _data.Service(), _data.Metrics)
            .ImportAsync(_data.CaraContributor, "november-survey.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv)));

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        var told = Assert.Single(await NotificationsAsync());
        Assert.Equal(_data.Dana, told.RecipientPersonId);
        Assert.Equal("2 follow-ups from the import of 'november-survey.csv' are yours", told.Title);
        Assert.Equal("/feedback/follow-ups", told.Link);
    }

    [Fact]
    public async Task An_API_batch_writes_its_notifications_in_bulk_with_no_insert_through_the_change_tracker()
    {
        var trackedInserts = 0;
        using var listening = CommandsExecuting.Watch(command =>
        {
            if (command.Command.Connection?.ConnectionString == _data.Database.ConnectionString && TrackedInsert().IsMatch(command.Command.CommandText))
            {
                Interlocked.Increment(ref trackedInserts);
            }
        });

        await SendAsync(Item("S-1", 2), Item("S-2", 3), Item("S-3", 10));

        Assert.Single(await NotificationsAsync());
        Assert.Single(await NotificationsAsync(NotificationKind.DetractorInMyArea));
        Assert.Equal(0, trackedInserts);
    }

    [Fact]
    public async Task A_detractor_in_a_channel_whose_team_has_thousands_of_members_tells_each_of_them_once_but_whoever_turned_it_off()
    {
        const int members = 2000;
        await using (var db = _data.Database.CreateDbContext())
        {
            db.AuditEnabled = false;
            db.People.AddRange(Enumerable.Range(1, members)
                .Select(i => new Person(string.Create(CultureInfo.InvariantCulture, $"Store colleague {i}"), string.Create(CultureInfo.InvariantCulture, $"colleague{i}@example.com"), _data.StoresTeam)));
            await db.SaveChangesAsync();
        }
        int quiet;
        await using (var db = _data.Database.CreateDbContext())
        {
            quiet = await db.People.Where(p => p.DisplayName == "Store colleague 7").Select(p => p.Id).SingleAsync();
        }
        await _data.Database.SaveAsync(new NotificationPreference(quiet, NotificationKind.DetractorInMyArea, NotificationChannel.Off));

        await SendAsync(Item("S-1", 2));

        var told = await NotificationsAsync(NotificationKind.DetractorInMyArea);
        // Every member of the stores' team but Dana, whose follow-up it is, and the one who turned it off.
        Assert.Equal(members, told.Count);
        Assert.Equal(told.Count, told.Select(n => n.RecipientPersonId).Distinct().Count());
        Assert.DoesNotContain(told, n => n.RecipientPersonId == quiet || n.RecipientPersonId == _data.Dana);
        Assert.Contains(told, n => n.RecipientPersonId == _data.Cara);
        Assert.Equal(_data.Dana, Assert.Single(await NotificationsAsync()).RecipientPersonId);
    }

    [GeneratedRegex(@"(INSERT INTO|MERGE)\s+[\[""]Notifications[\]""]", RegexOptions.IgnoreCase)]
    private static partial Regex TrackedInsert();
}
