using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Tests.Features.Feedback;
using CxDashboard.Web.Features.Themes;

namespace CxDashboard.Tests.Features.Themes;

/// <summary>The figures of each theme, checked against counts made by hand.</summary>
public sealed class ThemeImpactTests : IAsyncLifetime
{
    private ThemeData _data = null!;
    private int _refunds;
    private int _staff;

    public async Task InitializeAsync()
    {
        _data = await ThemeData.CreateAsync();
        _refunds = await _data.ThemeAsync("Refunds", "refund*");
        _staff = await _data.ThemeAsync("Helpful staff", "helpful");
    }

    public Task DisposeAsync() => _data.Feedback.Database.DisposeAsync().AsTask();

    private FeedbackData Feedback => _data.Feedback;

    private async Task RecordAsync(string verbatim, int nps, Sentiment sentiment, int times = 1, int? channelId = null, DateTime? receivedAt = null)
    {
        for (var i = 0; i < times; i++)
        {
            await Feedback.Service().RecordAsync(Feedback.Command(channelId ?? Feedback.Store, ScoreScale.Nps, nps, verbatim: verbatim,
                sentiment: sentiment, receivedAt: receivedAt), Feedback.CxLead);
        }
    }

    private static ThemeImpactQuery November => new(new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1));

    [Fact]
    public async Task Each_theme_has_its_volume_share_sentiment_and_the_NPS_of_those_who_mention_it_against_the_rest_worst_first()
    {
        // Refunds: 2 detractors, 1 passive. Helpful staff: 3 promoters. Neither: 2 promoters, 2 detractors.
        await RecordAsync("Still no refund", 2, Sentiment.Negative, times: 2);
        await RecordAsync("Refund was slow", 7, Sentiment.Neutral);
        await RecordAsync("So helpful", 10, Sentiment.Positive, times: 3);
        await RecordAsync("Fine", 9, Sentiment.Positive, times: 2);
        await RecordAsync("Bad", 0, Sentiment.Negative, times: 2);
        // Outside the period and on another channel: counted only where asked for.
        await RecordAsync("Refund refused", 0, Sentiment.Negative, receivedAt: new DateTime(2026, 10, 30, 0, 0, 0, DateTimeKind.Utc));

        var impact = await _data.Service().ImpactAsync(November);

        Assert.Equal(10, impact.TotalItems);
        Assert.Equal([_refunds, _staff], impact.Themes.Select(t => t.ThemeId));
        var refunds = impact.Themes[0];
        Assert.Equal(("Refunds", 3, 0.3, 0, 1, 2), (refunds.Name, refunds.Items, refunds.Share, refunds.Positive, refunds.Neutral, refunds.Negative));
        // Mentioning: (0 − 2) / 3 = −66.7; the other 7: (5 − 2) / 7 = +42.9.
        Assert.Equal(-200.0 / 3, refunds.Effect.Mentioning.Estimate()!.Value.Value, 6);
        Assert.Equal(300.0 / 7, refunds.Effect.Others.Estimate()!.Value.Value, 6);
        Assert.Equal(-200.0 / 3 - 300.0 / 7, refunds.Effect.Points!.Value.Value, 6);
        Assert.True(refunds.Effect.Points.Value.Low < refunds.Effect.Points.Value.Value);
        var staff = impact.Themes[1];
        Assert.Equal((3, 3, 0, 0), (staff.Items, staff.Positive, staff.Neutral, staff.Negative));
        // Mentioning: +100; the other 7: (2 − 4) / 7 = −28.6.
        Assert.Equal(100 + 200.0 / 7, staff.Effect.Points!.Value.Value, 6);
    }

    [Fact]
    public async Task A_channel_narrows_the_figures_to_its_feedback()
    {
        await RecordAsync("Still no refund", 2, Sentiment.Negative);
        await RecordAsync("Refund on the website was quick", 9, Sentiment.Positive, channelId: Feedback.Web);

        var impact = await _data.Service().ImpactAsync(November with { ChannelId = Feedback.Web });

        Assert.Equal(1, impact.TotalItems);
        var refunds = Assert.Single(impact.Themes);
        Assert.Equal((1, 1.0, 1), (refunds.Items, refunds.Share, refunds.Positive));
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_refused()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => _data.Service().ImpactAsync(November with { To = November.From }));

        Assert.Equal("The period must end after it starts.", refused.Message);
    }
}
