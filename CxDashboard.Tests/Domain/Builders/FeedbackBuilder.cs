using CxDashboard.Domain.Feedback;

namespace CxDashboard.Tests.Domain.Builders;

/// <summary>An NPS survey answer of 3 from a store customer who waited at the click &amp; collect desk, received an hour ago.</summary>
public sealed class FeedbackBuilder
{
    private FeedbackDetails _details = new(
        ReceivedAt: Known.Now.AddHours(-1),
        ChannelId: Known.Channels.Store,
        JourneyStageId: null,
        Source: FeedbackSource.Survey,
        Category: FeedbackCategory.Service,
        Sentiment: Sentiment.Negative,
        ScoreScale: ScoreScale.Nps,
        Score: 3,
        Verbatim: "Waited twenty minutes at the click & collect desk.",
        CustomerRef: "CUST-1001");
    private DateTime _recordedAt = Known.Now;

    public FeedbackBuilder WithScore(ScoreScale scale, int score) => With(d => d with { ScoreScale = scale, Score = score });

    public FeedbackBuilder WithoutScore() => With(d => d with { ScoreScale = null, Score = null });

    public FeedbackBuilder From(FeedbackSource source) => With(d => d with { Source = source });

    public FeedbackBuilder Saying(string verbatim) => With(d => d with { Verbatim = verbatim });

    public FeedbackBuilder ReceivedAt(DateTime at) => With(d => d with { ReceivedAt = at });

    public FeedbackBuilder RecordedAt(DateTime at) { _recordedAt = at; return this; }

    public FeedbackBuilder With(Func<FeedbackDetails, FeedbackDetails> change) { _details = change(_details); return this; }

    public FeedbackDetails Details => _details;

    public FeedbackItem Build() => new(_details, Known.People.StoresLead, _recordedAt);
}
