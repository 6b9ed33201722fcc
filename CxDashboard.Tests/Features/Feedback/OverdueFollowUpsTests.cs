using CxDashboard.Domain.Feedback;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Features.Feedback;
using Microsoft.Extensions.Logging.Abstractions;

namespace CxDashboard.Tests.Features.Feedback;

/// <summary>
/// The inbox's overdue filter reads only feedback received before the shortest SLA could have run out, so it walks the
/// inbox's index instead of sorting every overdue row; it must still find every overdue follow-up, whatever SLA each was
/// opened with (the configured SLA changes over time, and a follow-up keeps the one it opened with).
/// </summary>
public sealed class OverdueFollowUpsTests : IAsyncLifetime
{
    private static readonly DateTime Now = FeedbackData.Now;

    private FeedbackData _data = null!;

    public async Task InitializeAsync() => _data = await FeedbackData.CreateAsync();

    public async Task DisposeAsync() => await _data.Database.DisposeAsync();

    /// <summary>A detractor received at <paramref name="receivedAt"/>, recorded and followed up at <paramref name="openedAt"/> under <paramref name="slaHours"/>.</summary>
    private async Task<int> FollowUpAsync(DateTime receivedAt, DateTime openedAt, int slaHours, bool contacted = false)
    {
        await using var db = _data.Database.CreateDbContext();
        var item = new FeedbackItem(new FeedbackDetails(receivedAt, _data.Store, null, FeedbackSource.Survey, FeedbackCategory.Service,
            Sentiment.Negative, ScoreScale.Nps, 2, "Nobody called me back."), _data.Cara, openedAt);
        item.OpenFollowUp(_data.Dana, TimeSpan.FromHours(slaHours), openedAt);
        if (contacted)
        {
            item.MarkContacted("Rang and apologised.", openedAt.AddMinutes(30));
        }
        db.Feedback.Add(item);
        await db.SaveChangesAsync();
        return item.Id;
    }

    [Fact]
    public async Task The_overdue_filter_finds_exactly_the_overdue_follow_ups_whatever_sla_each_opened_with()
    {
        // Opened while the SLA was the shortest allowed, an hour; the configured SLA is 48 hours now.
        var hourSlaJustRunOut = await FollowUpAsync(Now.AddMinutes(-61), Now.AddMinutes(-61), slaHours: 1);
        var hourSlaNotYetOut = await FollowUpAsync(Now.AddMinutes(-59), Now.AddMinutes(-59), slaHours: 1);
        // Received four minutes ahead of the clock (a survey tool's clock running fast): due an hour after it was recorded.
        var receivedAheadOfTheClock = await FollowUpAsync(Now.AddMinutes(-57), Now.AddMinutes(-61), slaHours: 1);
        var twoDaySlaNotYetOut = await FollowUpAsync(Now.AddHours(-47), Now.AddHours(-47), slaHours: 48);
        var twoDaySlaRunOut = await FollowUpAsync(Now.AddHours(-49), Now.AddHours(-49), slaHours: 48);
        var longestSlaRunOut = await FollowUpAsync(Now.AddDays(-31), Now.AddDays(-31), slaHours: 720);
        var contactedInTime = await FollowUpAsync(Now.AddHours(-100), Now.AddHours(-100), slaHours: 48, contacted: true);

        var service = _data.Service(slaHours: 48);
        var page = await service.GetInboxPageAsync(new FeedbackFilter { FollowUp = FollowUpFilter.Overdue }, FeedbackPageRequest.First(pageSize: 50), _data.CxLead);

        Assert.Equal([receivedAheadOfTheClock, hourSlaJustRunOut, twoDaySlaRunOut, longestSlaRunOut], page.Rows.Select(r => r.Id));
        Assert.All(page.Rows, r => Assert.True(r.IsFollowUpOverdue));
        Assert.Equal(4, page.Total);
        Assert.False(page.TotalIsAtLeast);
        var open = await service.GetInboxPageAsync(new FeedbackFilter { FollowUp = FollowUpFilter.Open }, FeedbackPageRequest.First(pageSize: 50), _data.CxLead);
        Assert.Equal([hourSlaNotYetOut, twoDaySlaNotYetOut], open.Rows.Where(r => !r.IsFollowUpOverdue).Select(r => r.Id));
        Assert.DoesNotContain(contactedInTime, page.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task Paging_through_the_overdue_follow_ups_lists_each_once_in_order()
    {
        var expected = new List<int>();
        for (var i = 0; i < 7; i++)
        {
            expected.Add(await FollowUpAsync(Now.AddHours(-49 - i), Now.AddHours(-49 - i), slaHours: 48));
            await FollowUpAsync(Now.AddMinutes(-30 - i), Now.AddMinutes(-30 - i), slaHours: 1);
        }
        var service = _data.Service();
        var filter = new FeedbackFilter { FollowUp = FollowUpFilter.Overdue };

        var pages = new List<FeedbackPage> { await service.GetInboxPageAsync(filter, FeedbackPageRequest.First(pageSize: 3), _data.CxLead) };
        while (pages[^1].HasNext)
        {
            pages.Add(await service.GetInboxPageAsync(filter, new FeedbackPageRequest(FeedbackSort.NewestFirst, 3, After: pages[^1].Rows[^1].Cursor), _data.CxLead));
        }

        Assert.Equal(expected, pages.SelectMany(p => p.Rows).Select(r => r.Id));
    }

    [Fact]
    public async Task The_overdue_page_and_its_count_walk_the_inbox_index_without_sorting()
    {
        if (TestDatabase.UsesSqlServer)
        {
            return; // The plans checked are SQLite's.
        }
        await using var db = _data.Database.CreateDbContext();
        var overdue = await FeedbackService.FilterAsync(db, new FeedbackFilter { FollowUp = FollowUpFilter.Overdue }, Now,
            new VerbatimSearch(NullLogger<VerbatimSearch>.Instance), CancellationToken.None);

        var page = await QueryPlan.OfAsync(db, FeedbackService.Order(overdue, FeedbackSort.NewestFirst, reversed: false).Take(51)
            .Select(f => new { f.Id, f.Verbatim }));
        var count = await QueryPlan.OfAsync(db, overdue.Take(FeedbackPage.CountCap + 1).Select(f => f.Id));

        // In the inbox's order from the newest row that can be overdue, stopping after the page; not every overdue row
        // read through the due-time index and sorted.
        Assert.Equal(["SEARCH f USING INDEX IX_Feedback_FollowUpStatus_ReceivedAt_Id_FollowUpDueAt (FollowUpStatus=? AND ReceivedAt<?)"], page);
        Assert.Equal(["SEARCH f USING COVERING INDEX IX_Feedback_FollowUpStatus_ReceivedAt_Id_FollowUpDueAt (FollowUpStatus=? AND ReceivedAt<?)"], count);
    }
}
