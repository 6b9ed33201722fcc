using System.Text;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Themes;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Admin;
using CxDashboard.Web.Features.Api;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Feedback;
using CxDashboard.Web.Features.Themes;
using CxDashboard.Web.Auth;
using CxDashboard.Tests.Features.Feedback;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Tests.Features.Themes;

/// <summary>Every way feedback comes in tags it with the active themes it mentions, and a changed rule tags all of it again.</summary>
public sealed class ThemeTaggingTests : IAsyncLifetime
{
    private ThemeData _data = null!;
    private int _delivery;
    private int _late;
    private int _refunds;
    private int _proposed;

    public async Task InitializeAsync()
    {
        _data = await ThemeData.CreateAsync();
        _delivery = await _data.ThemeAsync("Delivery", "deliver* OR parcel");
        _late = await _data.ThemeAsync("Late", "late NOT \"not late\"", _delivery);
        _refunds = await _data.ThemeAsync("Refunds", "refund* OR \"money back\"");
        _proposed = await _data.ThemeAsync("Queues", "queue*", proposed: true);
    }

    public Task DisposeAsync() => _data.Feedback.Database.DisposeAsync().AsTask();

    private FeedbackData Feedback => _data.Feedback;

    private async Task<int> RecordAsync(string verbatim) =>
        (await Feedback.Service().RecordAsync(Feedback.Command(Feedback.Store, verbatim: verbatim), Feedback.CaraContributor)).Id;

    [Fact]
    public async Task Recorded_feedback_is_tagged_with_every_active_theme_its_words_match()
    {
        var late = await RecordAsync("The parcel came late and the queue for collection was long.");
        var refund = await RecordAsync("Still waiting for my refund.");
        var nothing = await RecordAsync("Lovely staff in the shop.");

        Assert.Equal([(late, _delivery), (late, _late), (refund, _refunds)], await _data.TagsAsync());
        Assert.DoesNotContain(await _data.TagsAsync(), t => t.Item == nothing || t.Theme == _proposed);
    }

    [Fact]
    public async Task Tagging_an_item_writes_no_audit_entry_of_its_own()
    {
        await RecordAsync("The parcel came late.");

        await using var db = Feedback.Database.CreateDbContext();
        Assert.DoesNotContain(await db.AuditEntries.Select(a => a.EntityType).ToListAsync(), type => type == nameof(FeedbackTheme));
    }

    [Fact]
    public async Task Imported_feedback_is_tagged_with_the_themes_each_row_mentions()
    {
        var csv = "ReceivedAt,Channel,Source,Category,Verbatim,ExternalId\n"
                  + "2026-11-20 10:00,store,Review,Service,Delivery was late again,S-1\n"
                  + "2026-11-20 10:05,store,Review,Service,\"Refunded quickly, thanks\",S-2\n"
                  + "2026-11-20 10:10,store,Review,Service,Nice shop,S-3\n";
        var result = await new FeedbackImporter(Feedback.Database, Feedback.Clock, Feedback.Service(), Feedback.Metrics)
            .ImportAsync(Feedback.CaraContributor, "survey.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv)));
        Assert.True(result.Succeeded, string.Join(" ", result.Problems));

        await using var db = Feedback.Database.CreateDbContext();
        var ids = await db.Feedback.OrderBy(f => f.ExternalId).Select(f => f.Id).ToListAsync();
        Assert.Equal([(ids[0], _delivery), (ids[0], _late), (ids[1], _refunds)], await _data.TagsAsync());
    }

    [Fact]
    public async Task Feedback_sent_through_the_api_is_tagged_with_the_themes_it_mentions()
    {
        var client = new ApiClient(new AuditActor(null, "API key: Qualtrics"), null, null, "API key: Qualtrics");
        var batch = new FeedbackBatch(
        [
            new FeedbackInput("R-1", new DateTimeOffset(FeedbackData.Now.AddHours(-1)), "web", null, "Review", "Service", "Negative", null, null,
                "No refund yet and the parcel never came", null),
            new FeedbackInput("R-2", new DateTimeOffset(FeedbackData.Now.AddHours(-1)), "web", null, "Review", "Service", "Positive", null, null,
                "Great shirt", null),
        ]);

        var sent = await new IngestionService(Feedback.Database, Feedback.Clock, Feedback.Service(), new FeedbackIntake(Feedback.Database), Feedback.Metrics).IngestFeedbackAsync(batch, client);

        Assert.Equal(2, sent.Result!.Created);
        await using var db = Feedback.Database.CreateDbContext();
        var first = await db.Feedback.Where(f => f.ExternalId == "R-1").Select(f => f.Id).SingleAsync();
        Assert.Equal([(first, _delivery), (first, _refunds)], await _data.TagsAsync());
    }

    [Fact]
    public async Task After_a_rule_changes_all_stored_feedback_is_tagged_again_in_the_background_as_the_rule_now_reads()
    {
        var parcel = await RecordAsync("The parcel was late.");
        var courier = await RecordAsync("The courier left it in the rain.");
        var refund = await RecordAsync("Refund took a month.");

        var service = _data.Service();
        var theme = (await service.CatalogueAsync()).Single(t => t.Id == _delivery);
        await service.SaveAsync(new ThemeDraft(_delivery, "Delivery", null, "courier* OR driver", theme.Version), Feedback.CxLead);
        Assert.True((await service.CatalogueAsync()).Single(t => t.Id == _delivery).NeedsTagging);

        Assert.Equal(1, await _data.Retagging.TagPendingAsync(CancellationToken.None));

        Assert.Equal([(parcel, _late), (courier, _delivery), (refund, _refunds)], await _data.TagsAsync());
        Assert.False((await service.CatalogueAsync()).Single(t => t.Id == _delivery).NeedsTagging);
        Assert.False(_data.Retagging.Progress.IsRunning);
    }

    [Fact]
    public async Task Tagging_through_the_search_index_finds_what_matching_in_memory_finds()
    {
        string[] verbatims =
        [
            "Parcel late", "Delivery arrived late, not late enough to complain", "deliveries are slow", "late", "Money back please",
            "money, back", "refunds", "The DELIVERY driver", "Not late at all",
        ];
        foreach (var verbatim in verbatims)
        {
            await RecordAsync(verbatim);
        }
        var onArrival = await _data.TagsAsync();
        await using (var db = Feedback.Database.CreateDbContext())
        {
            await db.FeedbackThemes.ExecuteDeleteAsync();
            await db.Themes.ExecuteUpdateAsync(set => set.SetProperty(t => t.TaggedRule, (string?)null));
        }

        Assert.Equal(3, await _data.Retagging.TagPendingAsync(CancellationToken.None));

        Assert.Equal(onArrival, await _data.TagsAsync());
    }

    [Fact]
    public async Task Erasing_a_customer_removes_the_themes_their_feedback_was_tagged_with()
    {
        var theirs = (await Feedback.Service().RecordAsync(
            Feedback.Command(Feedback.Store, verbatim: "My refund for the late parcel", customerRef: "LOY-1"), Feedback.CxLead)).Id;
        var others = await RecordAsync("Refund was quick.");
        var admin = new Caller(Feedback.Eli, "Eli Novak", Feedback.DigitalTeam, new HashSet<string> { Roles.Admin });

        await new AdminService(Feedback.Database, Feedback.Clock).EraseCustomerAsync("LOY-1", admin);

        Assert.Equal([(others, _refunds)], await _data.TagsAsync());
        Assert.DoesNotContain(await _data.TagsAsync(), t => t.Item == theirs);
    }
}
