using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Feedback;

namespace CxDashboard.Tests.Features.Feedback;

public sealed class FeedbackInboxTests : IAsyncLifetime
{
    private FeedbackData _data = null!;

    public async Task InitializeAsync() => _data = await FeedbackData.CreateAsync();

    public async Task DisposeAsync() => await _data.Database.DisposeAsync();

    private async Task<List<int>> IdsAsync(FeedbackFilter filter)
    {
        var page = await _data.Service().GetInboxPageAsync(filter, FeedbackPageRequest.First(pageSize: 200), _data.CxLead);
        return page.Rows.Select(r => r.Id).ToList();
    }

    private async Task<int> AddAsync(Func<FeedbackData.FeedbackBuilder, FeedbackData.FeedbackBuilder> build, int daysAgo) =>
        await build(_data.Feedback().ReceivedAt(FeedbackData.Now.AddDays(-daysAgo))).AddAsync();

    [Fact]
    public async Task Each_filter_narrows_the_inbox_to_the_matching_feedback()
    {
        var issue = await _data.AddIssueAsync();
        var onWeb = await AddAsync(f => f.On(_data.Web), 1);
        var review = await AddAsync(f => f.From(FeedbackSource.Review), 2);
        var promoter = await AddAsync(f => f.Nps(10).Feeling(Sentiment.Positive), 3);
        var linked = await AddAsync(f => f.EvidenceFor(issue), 4);
        var overdue = await AddAsync(f => f.Nps(2).Feeling(Sentiment.Negative).WithFollowUp(), 5);
        var atDelivery = await AddAsync(f => f.AtStage(_data.Delivery).About(FeedbackCategory.Product), 40);
        var saysQueue = await AddAsync(f => f.Saying("The QUEUE at the fitting rooms was 20 minutes."), 60);

        Assert.Equal([onWeb], await IdsAsync(new FeedbackFilter { ChannelId = _data.Web }));
        Assert.Equal([review], await IdsAsync(new FeedbackFilter { Source = FeedbackSource.Review }));
        Assert.Equal([promoter], await IdsAsync(new FeedbackFilter { Band = ScoreBand.Promoter }));
        Assert.Equal([overdue], await IdsAsync(new FeedbackFilter { Band = ScoreBand.Detractor }));
        Assert.Equal([promoter], await IdsAsync(new FeedbackFilter { Sentiment = Sentiment.Positive }));
        Assert.Equal([linked], await IdsAsync(new FeedbackFilter { Linked = true }));
        Assert.Equal([linked], await IdsAsync(new FeedbackFilter { FrictionIssueId = issue }));
        Assert.DoesNotContain(linked, await IdsAsync(new FeedbackFilter { Linked = false }));
        Assert.Equal(6, (await IdsAsync(new FeedbackFilter { Linked = false })).Count);
        Assert.Equal([overdue], await IdsAsync(new FeedbackFilter { FollowUp = FollowUpFilter.Overdue }));
        Assert.Equal([overdue], await IdsAsync(new FeedbackFilter { FollowUp = FollowUpFilter.Open }));
        Assert.Empty(await IdsAsync(new FeedbackFilter { FollowUp = FollowUpFilter.Contacted }));
        Assert.Equal(6, (await IdsAsync(new FeedbackFilter { FollowUp = FollowUpFilter.None })).Count);
        Assert.Equal([atDelivery], await IdsAsync(new FeedbackFilter { JourneyStageId = _data.Delivery }));
        Assert.Equal([atDelivery], await IdsAsync(new FeedbackFilter { Category = FeedbackCategory.Product }));
        Assert.Equal([saysQueue], await IdsAsync(new FeedbackFilter { Text = "queue at the fitting" }));
        Assert.Equal([atDelivery, saysQueue], await IdsAsync(new FeedbackFilter
        {
            FromUtc = FeedbackData.Now.AddDays(-61),
            ToUtc = FeedbackData.Now.AddDays(-30),
        }));
    }

    [Fact]
    public async Task Sorting_by_score_puts_unscored_feedback_below_every_score_and_pages_through_it_both_ways()
    {
        // Unscored feedback, a zero and ties on the score (broken by the time received, then the id).
        int?[] scores = [null, 0, 7, null, 10, 7, 3, null, 0, 10, 7];
        var items = new List<(int Id, int? Score, DateTime At)>();
        for (var i = 0; i < scores.Length; i++)
        {
            var at = FeedbackData.Now.AddHours(-(i / 2));
            var builder = _data.Feedback().ReceivedAt(at);
            if (scores[i] is { } score)
            {
                builder.Nps(score);
            }
            items.Add((await builder.AddAsync(), scores[i], at));
        }
        var highestFirst = items.OrderByDescending(x => x.Score ?? -1).ThenByDescending(x => x.At).ThenByDescending(x => x.Id).Select(x => x.Id).ToList();
        var lowestFirst = Enumerable.Reverse(highestFirst).ToList();
        var service = _data.Service();

        foreach (var (sort, expected) in new[] { (FeedbackSort.HighestScoreFirst, highestFirst), (FeedbackSort.LowestScoreFirst, lowestFirst) })
        {
            var pages = new List<FeedbackPage> { await service.GetInboxPageAsync(FeedbackFilter.All, FeedbackPageRequest.First(sort, 3), _data.CxLead) };
            while (pages[^1].HasNext)
            {
                pages.Add(await service.GetInboxPageAsync(FeedbackFilter.All, new FeedbackPageRequest(sort, 3, After: pages[^1].Rows[^1].Cursor), _data.CxLead));
            }
            Assert.Equal(expected, pages.SelectMany(p => p.Rows).Select(r => r.Id));

            var backwards = new List<int>();
            var page = pages[^1];
            while (page.HasPrevious)
            {
                page = await service.GetInboxPageAsync(FeedbackFilter.All, new FeedbackPageRequest(sort, 3, Before: page.Rows[0].Cursor), _data.CxLead);
                backwards.InsertRange(0, page.Rows.Select(r => r.Id));
            }
            Assert.Equal(expected.Take(expected.Count - pages[^1].Rows.Count), backwards);
        }
        Assert.Equal([null, null, null], items.Where(x => highestFirst.IndexOf(x.Id) >= 8).Select(x => x.Score));
    }

    [Fact]
    public async Task The_overdue_filter_shows_open_follow_ups_past_their_due_time_newest_first()
    {
        var older = await AddAsync(f => f.Nps(1).Feeling(Sentiment.Negative).WithFollowUp(), 6);
        var newer = await AddAsync(f => f.Nps(2).Feeling(Sentiment.Negative).WithFollowUp(), 5);
        var notYetDue = await _data.Feedback().ReceivedAt(FeedbackData.Now.AddMinutes(-5)).Nps(0).Feeling(Sentiment.Negative).WithFollowUp().AddAsync();
        await AddAsync(f => f.Nps(9), 4);

        Assert.Equal([newer, older], await IdsAsync(new FeedbackFilter { FollowUp = FollowUpFilter.Overdue }));
        Assert.Equal([notYetDue, newer, older], await IdsAsync(new FeedbackFilter { FollowUp = FollowUpFilter.Open }));
        var page = await _data.Service().GetInboxPageAsync(new FeedbackFilter { FollowUp = FollowUpFilter.Overdue }, FeedbackPageRequest.First(), _data.CxLead);
        Assert.Equal(2, page.Total);
        Assert.All(page.Rows, r => Assert.True(r.IsFollowUpOverdue));
    }

    [Fact]
    public async Task Text_search_matches_words_whatever_punctuation_surrounds_them()
    {
        var discount = await AddAsync(f => f.Saying("Promised 20% off, got 10_percent."), 1);
        await AddAsync(f => f.Saying("Promised twenty pounds off."), 2);

        Assert.Equal([discount], await IdsAsync(new FeedbackFilter { Text = "20%" }));
        Assert.Equal([discount], await IdsAsync(new FeedbackFilter { Text = "10_p" }));
    }

    [Fact]
    public async Task A_period_in_the_query_string_presets_the_date_range_and_codes_preset_channel_and_stage()
    {
        var lookups = await _data.Service().GetLookupsAsync();
        var model = InboxFilterModel.FromQuery(
            ViewQuery.FromUri("/feedback?period=2026-Q4&channel=web&stage=delivery&sentiment=negative&followUp=overdue&issue=12"), lookups);

        var filter = model.ToFilter();
        Assert.Equal(new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc), filter.FromUtc);
        Assert.Equal(new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc), filter.ToUtc);
        Assert.Equal(_data.Web, filter.ChannelId);
        Assert.Equal(_data.Delivery, filter.JourneyStageId);
        Assert.Equal(Sentiment.Negative, filter.Sentiment);
        Assert.Equal(FollowUpFilter.Overdue, filter.FollowUp);
        Assert.Equal(12, filter.FrictionIssueId);
    }

    [Theory]
    [InlineData(FeedbackSort.NewestFirst)]
    [InlineData(FeedbackSort.OldestFirst)]
    [InlineData(FeedbackSort.HighestScoreFirst)]
    [InlineData(FeedbackSort.LowestScoreFirst)]
    public async Task Keyset_pages_follow_each_other_without_overlap_and_lead_back_the_same_way(FeedbackSort sort)
    {
        // Pairs received at the same instant check the tie-break on the id; some feedback has no score.
        for (var i = 0; i < 23; i++)
        {
            var builder = _data.Feedback().ReceivedAt(FeedbackData.Now.AddHours(-(i / 2)));
            if (i % 3 != 0)
            {
                builder.Nps(i % 11);
            }
            await builder.AddAsync();
        }
        var service = _data.Service();
        var all = (await service.GetInboxPageAsync(FeedbackFilter.All, FeedbackPageRequest.First(sort, 200), _data.CxLead)).Rows;

        var pages = new List<FeedbackPage> { await service.GetInboxPageAsync(FeedbackFilter.All, FeedbackPageRequest.First(sort, 5), _data.CxLead) };
        while (pages[^1].HasNext)
        {
            pages.Add(await service.GetInboxPageAsync(FeedbackFilter.All, new FeedbackPageRequest(sort, 5, After: pages[^1].Rows[^1].Cursor), _data.CxLead));
        }

        Assert.Equal(5, pages.Count);
        Assert.Equal(all.Select(r => r.Id), pages.SelectMany(p => p.Rows).Select(r => r.Id));
        Assert.False(pages[0].HasPrevious);
        Assert.True(pages[^1].HasPrevious);

        var back = await service.GetInboxPageAsync(FeedbackFilter.All, new FeedbackPageRequest(sort, 5, Before: pages[3].Rows[0].Cursor), _data.CxLead);
        Assert.Equal(pages[2].Rows.Select(r => r.Id), back.Rows.Select(r => r.Id));
        Assert.True(back.HasNext);
    }

    [Fact]
    public async Task The_newest_feedback_comes_first_by_default()
    {
        var older = await AddAsync(f => f, 3);
        var newer = await AddAsync(f => f, 1);

        Assert.Equal([newer, older], await IdsAsync(FeedbackFilter.All));
    }

    [Fact]
    public async Task The_total_is_counted_exactly_when_small()
    {
        await AddAsync(f => f, 1);
        await AddAsync(f => f, 2);

        var page = await _data.Service().GetInboxPageAsync(FeedbackFilter.All, FeedbackPageRequest.First(), _data.CxLead);

        Assert.Equal(2, page.Total);
        Assert.False(page.TotalIsAtLeast);
    }

    [Fact]
    public async Task Only_the_head_of_CX_sees_customer_references()
    {
        var id = await AddAsync(f => f.ForCustomer("L0012345"), 1);
        var service = _data.Service();

        var asCxLead = await service.GetInboxPageAsync(FeedbackFilter.All, FeedbackPageRequest.First(), _data.CxLead);
        var asChannelLead = await service.GetInboxPageAsync(FeedbackFilter.All, FeedbackPageRequest.First(), _data.StoresLead);
        var asExecutive = await service.GetInboxPageAsync(FeedbackFilter.All, FeedbackPageRequest.First(), _data.Executive);

        Assert.Equal("L0012345", asCxLead.Rows.Single().CustomerRef);
        Assert.Null(asChannelLead.Rows.Single().CustomerRef);
        Assert.Null(asExecutive.Rows.Single().CustomerRef);
        Assert.Null((await service.GetDetailAsync(id, _data.CaraContributor)).CustomerRef);
    }

    [Fact]
    public async Task Reclassifying_changes_category_sentiment_and_stage()
    {
        var id = await AddAsync(f => f, 1);
        var service = _data.Service();
        var seen = (await service.GetDetailAsync(id, _data.CaraContributor)).Version;

        await service.ReclassifyAsync(id, FeedbackCategory.Product, Sentiment.Negative, _data.Delivery, seen, _data.CaraContributor);

        var detail = await service.GetDetailAsync(id, _data.CaraContributor);
        Assert.Equal((FeedbackCategory.Product, Sentiment.Negative, "Delivery"), (detail.Category, detail.Sentiment, detail.StageName));
        await Assert.ThrowsAsync<Web.Features.Common.NotAllowedException>(() =>
            service.ReclassifyAsync(id, FeedbackCategory.Service, Sentiment.Neutral, null, detail.Version, _data.Executive));
    }

    [Fact]
    public async Task Volume_by_sentiment_counts_each_month_and_channel()
    {
        await _data.Feedback().ReceivedAt(new DateTime(2026, 9, 3, 10, 0, 0, DateTimeKind.Utc)).Feeling(Sentiment.Positive).AddAsync();
        await _data.Feedback().ReceivedAt(new DateTime(2026, 9, 30, 23, 59, 0, DateTimeKind.Utc)).Feeling(Sentiment.Negative).AddAsync();
        await _data.Feedback().ReceivedAt(new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc)).Feeling(Sentiment.Negative).AddAsync();
        await _data.Feedback().ReceivedAt(new DateTime(2026, 10, 2, 0, 0, 0, DateTimeKind.Utc)).On(_data.Web).Feeling(Sentiment.Neutral).AddAsync();

        var points = await _data.Service().GetVolumeBySentimentAsync(new DateOnly(2026, 9, 1),
            new DateOnly(2026, 11, 1), PeriodKind.Month, null, CancellationToken.None);

        Assert.Equal(
            [
                new FeedbackVolumePoint(Period.Month(2026, 9), _data.Store, 1, 0, 1),
                new FeedbackVolumePoint(Period.Month(2026, 10), _data.Store, 0, 0, 1),
                new FeedbackVolumePoint(Period.Month(2026, 10), _data.Web, 0, 1, 0),
            ],
            points);

        var weekly = await _data.Service().GetVolumeBySentimentAsync(new DateOnly(2026, 9, 1),
            new DateOnly(2026, 11, 1), PeriodKind.Week, _data.Store, CancellationToken.None);
        Assert.Equal([Period.Week(2026, 36), Period.Week(2026, 40)], weekly.Select(p => p.Period));
        Assert.Equal(2, weekly[1].Negative);
    }
}
