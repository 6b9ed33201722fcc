using CxDashboard.Domain.Feedback;
using CxDashboard.Tests.Features.Feedback;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Themes;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Tests.Features.Themes;

/// <summary>
/// The themes page reads its figures from feedback and tags counted per day: whichever way an item or a tag is
/// written, re-tagged, edited or deleted, those counts equal a count of the items and tags themselves.
/// </summary>
public sealed class ThemeDayCountsTests : IAsyncLifetime
{
    private static readonly DateOnly Monday = new(2026, 11, 16);
    private ThemeData _data = null!;
    private int _delivery;
    private int _refunds;

    public async Task InitializeAsync()
    {
        _data = await ThemeData.CreateAsync();
        _delivery = await _data.ThemeAsync("Delivery", "deliver* OR parcel");
        _refunds = await _data.ThemeAsync("Refunds", "refund*");
    }

    public Task DisposeAsync() => _data.Feedback.Database.DisposeAsync().AsTask();

    private FeedbackData Feedback => _data.Feedback;

    private static DateTime At(DateOnly day, int hour) => day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);

    private async Task<List<string>> KeptAsync()
    {
        await using var db = Feedback.Database.CreateDbContext();
        var items = (await db.FeedbackDailyFigures.AsNoTracking().ToListAsync())
            .Select(c => $"all {c.Day:yyyy-MM-dd} ch{c.ChannelId} st{c.JourneyStageId} {c.Sentiment} band{c.NpsBand}: {c.Count}");
        var tags = (await db.ThemeDailyFigures.AsNoTracking().ToListAsync())
            .Select(c => $"theme{c.ThemeId} {c.Day:yyyy-MM-dd} ch{c.ChannelId} st{c.JourneyStageId} {c.Sentiment} band{c.NpsBand}: {c.Count}");
        return items.Concat(tags).Order(StringComparer.Ordinal).ToList();
    }

    private sealed record Item(int Id, DateTime ReceivedAt, int ChannelId, int? JourneyStageId, Sentiment Sentiment, ScoreScale? ScoreScale, ScoreBand? ScoreBand)
    {
        public string Key =>
            $"{DateOnly.FromDateTime(ReceivedAt):yyyy-MM-dd} ch{ChannelId} st{JourneyStageId ?? 0} {Sentiment} band{(ScoreScale == global::CxDashboard.Domain.Feedback.ScoreScale.Nps ? (int?)ScoreBand ?? 0 : 0)}";
    }

    private async Task<List<string>> CountedAsync()
    {
        await using var db = Feedback.Database.CreateDbContext();
        var items = await db.Feedback.AsNoTracking()
            .Select(f => new Item(f.Id, f.ReceivedAt, f.ChannelId, f.JourneyStageId, f.Sentiment, f.ScoreScale, f.ScoreBand)).ToListAsync();
        var tags = await db.FeedbackThemes.AsNoTracking().ToListAsync();
        var all = items.GroupBy(f => f.Key).Select(g => $"all {g.Key}: {g.Count()}");
        var byTheme = tags.Join(items, l => l.FeedbackItemId, f => f.Id, (l, f) => $"theme{l.ThemeId} {f.Key}")
            .GroupBy(k => k).Select(g => $"{g.Key}: {g.Count()}");
        return all.Concat(byTheme).Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task The_counts_follow_items_and_tags_through_arrival_retagging_edits_and_deletes()
    {
        int stage;
        await using (var db = Feedback.Database.CreateDbContext())
        {
            stage = await db.JourneyStages.Where(s => s.Code == "delivery").Select(s => s.Id).SingleAsync();
        }
        var delivery = await Feedback.Feedback().ReceivedAt(At(Monday, 9)).Nps(2).Feeling(Sentiment.Negative).AtStage(stage)
            .Saying("The parcel never came").AddAsync();
        var refund = await Feedback.Feedback().ReceivedAt(At(Monday, 10)).Nps(10).Feeling(Sentiment.Positive)
            .Saying("Refund and delivery both quick").AddAsync();
        var plain = await Feedback.Feedback().ReceivedAt(At(Monday.AddDays(1), 8)).On(Feedback.Web).Saying("Nice shop").AddAsync();
        // Tagged on arrival.
        await Feedback.Service().RecordAsync(Feedback.Command(Feedback.Web, ScoreScale.Nps, 8, verbatim: "Delivery was late",
            receivedAt: At(Monday.AddDays(2), 11)), Feedback.CxLead);
        // The items added straight to the table are tagged by re-tagging all history after a rule change.
        var themes = _data.Service();
        var catalogue = await themes.CatalogueAsync();
        var refunds = catalogue.Single(t => t.Id == _refunds);
        await themes.SaveAsync(new ThemeDraft(_refunds, refunds.Name, null, "refund* OR shop", refunds.Version), Feedback.CxLead);
        await _data.Retagging.TagPendingAsync(CancellationToken.None);
        var deliveryTheme = catalogue.Single(t => t.Id == _delivery);
        await themes.SaveAsync(new ThemeDraft(_delivery, deliveryTheme.Name, null, "deliver* OR parcel OR came", deliveryTheme.Version), Feedback.CxLead);
        await _data.Retagging.TagPendingAsync(CancellationToken.None);
        Assert.Contains((plain, _refunds), await _data.TagsAsync());

        // Reclassified through the app, moved and rescored in the database itself, and deleted.
        await using (var db = Feedback.Database.CreateDbContext())
        {
            var item = await db.Feedback.SingleAsync(f => f.Id == delivery);
            item.Reclassify(item.Category, Sentiment.Neutral, null);
            await db.SaveChangesAsync();
            await db.Feedback.Where(f => f.Id == refund).ExecuteUpdateAsync(set => set
                .SetProperty(f => f.ChannelId, Feedback.Web)
                .SetProperty(f => f.ReceivedAt, At(Monday.AddDays(3), 8))
                .SetProperty(f => f.Score, 3)
                .SetProperty(f => f.ScoreBand, ScoreBand.Detractor));
            await db.Feedback.Where(f => f.Id == plain).ExecuteDeleteAsync();
        }

        var counted = await CountedAsync();
        Assert.Equal(counted, await KeptAsync());
        Assert.Contains($"theme{_delivery} {Monday.AddDays(3):yyyy-MM-dd} ch{Feedback.Web} st0 Positive band3: 1", counted);
        Assert.Contains($"theme{_delivery} {Monday:yyyy-MM-dd} ch{Feedback.Store} st0 Neutral band3: 1", counted);
        Assert.DoesNotContain(counted, c => c.Contains(Monday.AddDays(1).ToString("yyyy-MM-dd"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_figures_read_from_the_counts_narrow_to_a_journey_stage()
    {
        int stage;
        await using (var db = Feedback.Database.CreateDbContext())
        {
            stage = await db.JourneyStages.Where(s => s.Code == "delivery").Select(s => s.Id).SingleAsync();
        }
        await Feedback.Feedback().ReceivedAt(At(Monday, 9)).Nps(2).AtStage(stage).Saying("The parcel never came").AddAsync();
        await Feedback.Feedback().ReceivedAt(At(Monday, 9)).Nps(9).Saying("Parcel came on time").AddAsync();
        await Feedback.Feedback().ReceivedAt(At(Monday, 9)).Nps(9).AtStage(stage).Saying("Fine").AddAsync();
        await using (var db = Feedback.Database.CreateDbContext())
        {
            await db.Themes.ExecuteUpdateAsync(set => set.SetProperty(t => t.TaggedRule, (string?)null));
        }
        await _data.Retagging.TagPendingAsync(CancellationToken.None);

        var impact = await _data.Service().ImpactAsync(new ThemeImpactQuery(Monday, Monday.AddDays(1), JourneyStageId: stage));

        Assert.Equal(2, impact.TotalItems);
        var delivery = Assert.Single(impact.Themes);
        Assert.Equal((_delivery, 1, 0.5), (delivery.ThemeId, delivery.Items, delivery.Share));
        Assert.Equal(1, delivery.Effect.Mentioning.Detractors);
        Assert.Equal(1, delivery.Effect.Others.Promoters);
    }
}
