using CxDashboard.Domain.Feedback;
using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Tests.Features.Feedback;

/// <summary>
/// The feedback counted per day, which the dashboard's chart and the computed NPS, CSAT and CES read instead
/// of the feedback: the database keeps it right whichever way feedback is written, edited or deleted.
/// </summary>
public sealed class FeedbackDayCountsTests : IAsyncLifetime
{
    private static readonly DateOnly Monday = new(2026, 11, 16);
    private FeedbackData _data = null!;

    public async Task InitializeAsync() => _data = await FeedbackData.CreateAsync();

    public async Task DisposeAsync() => await _data.Database.DisposeAsync();

    private static DateTime At(DateOnly day, int hour, int minute = 0) => day.ToDateTime(new TimeOnly(hour, minute), DateTimeKind.Utc);

    private async Task<List<(DateOnly Day, int ChannelId, Sentiment Sentiment, long Count)>> VolumeAsync()
    {
        await using var db = _data.Database.CreateDbContext();
        var rows = await db.FeedbackDailyVolume.AsNoTracking().ToListAsync();
        return rows.Select(v => (v.Day, v.ChannelId, v.Sentiment, v.Count)).OrderBy(v => v.Day).ThenBy(v => v.ChannelId).ThenBy(v => v.Sentiment).ToList();
    }

    private async Task<List<(DateOnly Day, int ChannelId, ScoreScale Scale, int Score, long Count)>> ScoresAsync()
    {
        await using var db = _data.Database.CreateDbContext();
        var rows = await db.FeedbackDailyScores.AsNoTracking().ToListAsync();
        return rows.Select(s => (s.Day, s.ChannelId, s.ScoreScale, s.Score, s.Count))
            .OrderBy(s => s.Day).ThenBy(s => s.ChannelId).ThenBy(s => s.ScoreScale).ThenBy(s => s.Score).ToList();
    }

    [Fact]
    public async Task New_feedback_is_counted_on_its_day_by_channel_and_sentiment_and_by_score()
    {
        await _data.Feedback().ReceivedAt(At(Monday, 9)).Nps(10).Feeling(Sentiment.Positive).AddAsync();
        await _data.Feedback().ReceivedAt(At(Monday, 23, 59)).Nps(10).Feeling(Sentiment.Positive).AddAsync();
        await _data.Feedback().ReceivedAt(At(Monday, 12)).Nps(3).Feeling(Sentiment.Negative).AddAsync();
        await _data.Feedback().ReceivedAt(At(Monday.AddDays(1), 0)).On(_data.Web).Feeling(Sentiment.Neutral).AddAsync();

        Assert.Equal(
            [
                (Monday, _data.Store, Sentiment.Positive, 2L),
                (Monday, _data.Store, Sentiment.Negative, 1L),
                (Monday.AddDays(1), _data.Web, Sentiment.Neutral, 1L),
            ],
            await VolumeAsync());
        // Unscored feedback has no score to count.
        Assert.Equal(
            [
                (Monday, _data.Store, ScoreScale.Nps, 3, 1L),
                (Monday, _data.Store, ScoreScale.Nps, 10, 2L),
            ],
            await ScoresAsync());
    }

    [Fact]
    public async Task Reclassified_moved_rescored_and_deleted_feedback_leaves_the_counts_of_what_remains()
    {
        var promoter = await _data.Feedback().ReceivedAt(At(Monday, 9)).Nps(10).Feeling(Sentiment.Positive).AddAsync();
        var other = await _data.Feedback().ReceivedAt(At(Monday, 10)).Nps(10).Feeling(Sentiment.Positive).AddAsync();
        var detractor = await _data.Feedback().ReceivedAt(At(Monday, 11)).Nps(2).Feeling(Sentiment.Negative).AddAsync();

        // A person reclassifies the promoter's comment as neutral, through the app.
        await using (var db = _data.Database.CreateDbContext())
        {
            var item = await db.Feedback.SingleAsync(f => f.Id == promoter);
            item.Reclassify(item.Category, Sentiment.Neutral, item.JourneyStageId);
            await db.SaveChangesAsync();
        }
        // A correction made in the database itself: the other promoter was received on the web a day later, and scored 9.
        await using (var db = _data.Database.CreateDbContext())
        {
            await db.Feedback.Where(f => f.Id == other).ExecuteUpdateAsync(set => set
                .SetProperty(f => f.ChannelId, _data.Web)
                .SetProperty(f => f.ReceivedAt, At(Monday.AddDays(1), 8))
                .SetProperty(f => f.Score, 9));
            await db.Feedback.Where(f => f.Id == detractor).ExecuteDeleteAsync();
        }

        Assert.Equal(
            [
                (Monday, _data.Store, Sentiment.Neutral, 1L),
                (Monday.AddDays(1), _data.Web, Sentiment.Positive, 1L),
            ],
            await VolumeAsync());
        Assert.Equal(
            [
                (Monday, _data.Store, ScoreScale.Nps, 10, 1L),
                (Monday.AddDays(1), _data.Web, ScoreScale.Nps, 9, 1L),
            ],
            await ScoresAsync());
    }

    [Fact]
    public async Task The_daily_counts_equal_a_count_of_the_feedback_itself()
    {
        var day = Monday.AddDays(-40);
        for (var i = 0; i < 60; i++)
        {
            await _data.Feedback().ReceivedAt(At(day.AddDays(i % 45), i % 24)).On(i % 3 == 0 ? _data.Web : _data.Store)
                .Feeling((Sentiment)(i % 3 + 1)).Nps(i % 11).AddAsync();
        }
        await using var db = _data.Database.CreateDbContext();
        var fromTheFeedback = (await db.Feedback.AsNoTracking().Select(f => new { f.ReceivedAt, f.ChannelId, f.Sentiment }).ToListAsync())
            .GroupBy(f => (DateOnly.FromDateTime(f.ReceivedAt), f.ChannelId, f.Sentiment))
            .Select(g => (g.Key.Item1, g.Key.ChannelId, g.Key.Sentiment, (long)g.Count()))
            .OrderBy(v => v.Item1).ThenBy(v => v.ChannelId).ThenBy(v => v.Sentiment)
            .ToList();

        Assert.Equal(fromTheFeedback, await VolumeAsync());
    }
}
