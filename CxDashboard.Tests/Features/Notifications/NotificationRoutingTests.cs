using System.Text;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Notifications;
using CxDashboard.Domain.Organisation;
using CxDashboard.Tests.Features.Feedback;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Api;
using CxDashboard.Web.Features.Feedback;
using CxDashboard.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace CxDashboard.Tests.Features.Notifications;

/// <summary>
/// Every notification is routed by its recipient's choice when it is saved, whichever path creates it: turned off,
/// it is not stored; in the app, it is not mailed; e-mail now, it waits in the queue; daily digest, it waits for the
/// digest. Without a choice, the recipient's role decides.
/// </summary>
public sealed class NotificationRoutingTests : IAsyncLifetime
{
    private FeedbackData _data = null!;

    public enum Path
    {
        RecordedAnswer,
        ApiBatch,
        Import,
        AddedToASave,
    }

    public async Task InitializeAsync()
    {
        // The app sends e-mail here, so each channel shows in what is stored.
        var delivery = new EmailDelivery(
            Options.Create(new EmailOptions { From = "CX Dashboard <cx@retailer.example>", Smtp = { Host = "smtp.retailer.example" } }),
            Options.Create(new AppOptions { BaseUrl = "https://cx.retailer.example" }),
            new HostingEnvironment { EnvironmentName = "Production", ContentRootPath = System.IO.Path.GetTempPath() });
        _data = await FeedbackData.CreateAsync(appServices: new ServiceCollection().AddSingleton(delivery).BuildServiceProvider());
    }

    public async Task DisposeAsync() => await _data.Database.DisposeAsync();

    public static TheoryData<Path, NotificationChannel> EveryPathAndChannel()
    {
        var cases = new TheoryData<Path, NotificationChannel>();
        foreach (var path in Enum.GetValues<Path>())
        {
            foreach (var channel in Enum.GetValues<NotificationChannel>())
            {
                cases.Add(path, channel);
            }
        }
        return cases;
    }

    private async Task ChooseAsync(int personId, NotificationKind kind, NotificationChannel channel)
    {
        await using var db = _data.Database.CreateDbContext();
        db.NotificationPreferences.Add(new NotificationPreference(personId, kind, channel));
        await db.SaveChangesAsync();
    }

    /// <summary>Gives Dana, the stores' lead, a follow-up (or, added to a save, a notification of that kind) by <paramref name="path"/>.</summary>
    private async Task GiveDanaAFollowUpAsync(Path path)
    {
        switch (path)
        {
            case Path.RecordedAnswer:
                await _data.Service().RecordAsync(_data.Command(_data.Store, ScoreScale.Nps, 2), _data.CaraContributor);
                break;
            case Path.ApiBatch:
                await new IngestionService(_data.Database, _data.Clock, _data.Service(), new FeedbackIntake(_data.Database), _data.Metrics)
                    .IngestFeedbackAsync(new FeedbackBatch([new FeedbackInput("S-1", _data.Clock.GetUtcNow().AddHours(-2), "store", "purchase", "Survey",
                        "Service", null, "Nps", 2, "The queue was long", null)]), new ApiClient(new AuditActor(null, "Qualtrics"), null, null, "Qualtrics"));
                break;
            case Path.Import:
                const string csv = "ReceivedAt,Channel,Source,Category,ScoreScale,Score,Verbatim,ExternalId\r\n"
                    + "2026-11-20 10:00,store,Survey,Service,Nps,3,The queue was long,S-1\r\n";
                var imported = await new FeedbackImporter(_data.Database, _data.Clock, _data.Service(), _data.Metrics)
                    .ImportAsync(_data.CaraContributor, "november-survey.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv)));
                Assert.True(imported.Succeeded, string.Join("; ", imported.Problems));
                break;
            default:
                await AddToASaveAsync(_data.Dana, NotificationKind.FollowUpAssigned);
                break;
        }
    }

    /// <summary>Adds a notification to a save, as the code that creates the other kinds does.</summary>
    private async Task AddToASaveAsync(int recipient, NotificationKind kind)
    {
        await using var db = _data.Database.CreateDbContext();
        db.Notifications.Add(new Notification(recipient, kind, "Something happened", "/feedback/1", FeedbackData.Now, db.NotifiesByEmail));
        await db.SaveChangesAsync(new AuditActor(_data.Cara, "Cara Moss"), _data.Clock);
    }

    private async Task<List<Notification>> ToldAsync(int personId)
    {
        await using var db = _data.Database.CreateDbContext();
        return await db.Notifications.AsNoTracking().Where(n => n.RecipientPersonId == personId).ToListAsync();
    }

    [Theory]
    [MemberData(nameof(EveryPathAndChannel))]
    public async Task A_follow_up_reaches_its_owner_as_they_chose_whichever_path_opened_it(Path path, NotificationChannel channel)
    {
        await ChooseAsync(_data.Dana, NotificationKind.FollowUpAssigned, channel);

        await GiveDanaAFollowUpAsync(path);

        var told = await ToldAsync(_data.Dana);
        if (channel == NotificationChannel.Off)
        {
            Assert.Empty(told);
            return;
        }
        var notification = Assert.Single(told);
        var expected = channel switch
        {
            NotificationChannel.EmailNow => (EmailStatus.Pending, false),
            NotificationChannel.DailyDigest => (EmailStatus.NotSent, true),
            _ => (EmailStatus.NotSent, false),
        };
        Assert.Equal(expected, (notification.EmailStatus, notification.ForDigest));
    }

    [Fact]
    public async Task A_channel_lead_who_turned_follow_ups_off_gets_none_from_an_API_batch_while_the_feedback_is_kept()
    {
        await ChooseAsync(_data.Dana, NotificationKind.FollowUpAssigned, NotificationChannel.Off);

        await GiveDanaAFollowUpAsync(Path.ApiBatch);

        Assert.Empty(await ToldAsync(_data.Dana));
        await using var db = _data.Database.CreateDbContext();
        Assert.Equal(_data.Dana, (await db.Feedback.AsNoTracking().SingleAsync()).FollowUpOwnerPersonId);
    }

    [Fact]
    public async Task Without_a_choice_a_teams_lead_is_mailed_a_detractor_in_their_area_and_a_contributor_only_sees_it_in_the_app()
    {
        await AddToASaveAsync(_data.Dana, NotificationKind.DetractorInMyArea);
        await AddToASaveAsync(_data.Cara, NotificationKind.DetractorInMyArea);

        Assert.Equal(EmailStatus.Pending, Assert.Single(await ToldAsync(_data.Dana)).EmailStatus);
        Assert.Equal(EmailStatus.NotSent, Assert.Single(await ToldAsync(_data.Cara)).EmailStatus);
    }

    [Fact]
    public async Task A_published_scorecard_is_mailed_to_an_executive_and_not_kept_for_a_contributor()
    {
        await _data.Database.SaveAsync(new RoleGrant(_data.Finn, Role.Executive, "Admin", FeedbackData.Now));

        await AddToASaveAsync(_data.Finn, NotificationKind.ScorecardPublished);
        await AddToASaveAsync(_data.Cara, NotificationKind.ScorecardPublished);

        Assert.Equal(EmailStatus.Pending, Assert.Single(await ToldAsync(_data.Finn)).EmailStatus);
        Assert.Empty(await ToldAsync(_data.Cara));
    }

    [Fact]
    public async Task A_save_telling_several_people_routes_each_by_their_own_choice()
    {
        await ChooseAsync(_data.Cara, NotificationKind.Mentioned, NotificationChannel.Off);
        await ChooseAsync(_data.Eli, NotificationKind.Mentioned, NotificationChannel.DailyDigest);

        await using (var db = _data.Database.CreateDbContext())
        {
            foreach (var person in new[] { _data.Dana, _data.Cara, _data.Eli })
            {
                db.Notifications.Add(new Notification(person, NotificationKind.Mentioned, "Finn mentioned you", "/actions/1", FeedbackData.Now, db.NotifiesByEmail));
            }
            await db.SaveChangesAsync(new AuditActor(_data.Finn, "Finn Hale"), _data.Clock);
        }

        Assert.Equal(EmailStatus.Pending, Assert.Single(await ToldAsync(_data.Dana)).EmailStatus);
        Assert.Empty(await ToldAsync(_data.Cara));
        Assert.True(Assert.Single(await ToldAsync(_data.Eli)).ForDigest);
    }

    [Fact]
    public async Task A_save_telling_many_people_reads_all_their_choices_in_one_query()
    {
        await using var db = _data.Database.CreateDbContext();
        foreach (var person in new[] { _data.Dana, _data.Cara, _data.Eli, _data.Finn })
        {
            db.Notifications.Add(new Notification(person, NotificationKind.Mentioned, "Someone mentioned you", "/actions/1", FeedbackData.Now, db.NotifiesByEmail));
        }
        var readingChoices = 0;
        using var listening = CommandsExecuting.Watch(command =>
        {
            if (ReferenceEquals(command.Context, db) && command.Command.CommandText.Contains("NotificationPreferences", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref readingChoices);
            }
        });

        await db.SaveChangesAsync(new AuditActor(_data.Cara, "Cara Moss"), _data.Clock);

        Assert.Equal(1, readingChoices);
    }
}
