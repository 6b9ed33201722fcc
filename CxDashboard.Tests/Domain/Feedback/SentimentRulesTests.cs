using CxDashboard.Domain.Feedback;

namespace CxDashboard.Tests.Domain.Feedback;

public class SentimentRulesTests
{
    [Theory]
    [InlineData(ScoreScale.Nps, 9, Sentiment.Positive, "NPS score 9 is in the top band.")]
    [InlineData(ScoreScale.Nps, 7, Sentiment.Neutral, "NPS score 7 is in the middle band.")]
    [InlineData(ScoreScale.Nps, 2, Sentiment.Negative, "NPS score 2 is in the bottom band.")]
    [InlineData(ScoreScale.Csat, 5, Sentiment.Positive, "CSAT score 5 is in the top band.")]
    [InlineData(ScoreScale.Ces, 3, Sentiment.Negative, "CES score 3 is in the bottom band.")]
    public void The_score_decides_when_there_is_one(ScoreScale scale, int score, Sentiment sentiment, string reason)
    {
        var suggestion = SentimentRules.Suggest(scale, score, "Terrible, awful, worst shop ever");

        Assert.Equal(sentiment, suggestion.Sentiment);
        Assert.Equal(reason, suggestion.Reason);
    }

    [Fact]
    public void Without_a_score_words_of_disappointment_make_it_negative_and_are_named()
    {
        var suggestion = SentimentRules.Suggest(null, null, "The driver was rude and the parcel arrived late.");

        Assert.Equal(Sentiment.Negative, suggestion.Sentiment);
        Assert.Equal("Words of disappointment: rude, late.", suggestion.Reason);
    }

    [Fact]
    public void Without_a_score_words_of_praise_make_it_positive_and_are_named()
    {
        var suggestion = SentimentRules.Suggest(null, null, "Lovely staff, QUICK and easy. Thanks!");

        Assert.Equal(Sentiment.Positive, suggestion.Sentiment);
        Assert.Contains("lovely", suggestion.Reason);
        Assert.Contains("quick", suggestion.Reason);
        Assert.Contains("easy", suggestion.Reason);
        Assert.Contains("thanks", suggestion.Reason);
    }

    [Fact]
    public void Words_match_only_as_whole_words()
    {
        var suggestion = SentimentRules.Suggest(null, null, "I bought the latest catalogue; the badge was unbroken.");

        Assert.Equal(Sentiment.Neutral, suggestion.Sentiment);
        Assert.Equal("No score and no telling words.", suggestion.Reason);
    }

    [Fact]
    public void A_phrase_is_matched_as_a_whole() =>
        Assert.Equal("Words of disappointment: out of stock.",
            SentimentRules.Suggest(null, null, "Found it online but it was out of stock in store").Reason);

    [Fact]
    public void As_many_words_of_praise_as_of_disappointment_is_neutral_and_says_so()
    {
        var suggestion = SentimentRules.Suggest(null, null, "Friendly staff but the queue was slow.");

        Assert.Equal(Sentiment.Neutral, suggestion.Sentiment);
        Assert.Equal("As many words of praise (friendly) as of disappointment (slow).", suggestion.Reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_words_and_no_score_is_neutral(string? verbatim) =>
        Assert.Equal(Sentiment.Neutral, SentimentRules.Suggest(null, null, verbatim).Sentiment);

    [Fact]
    public void A_scale_without_a_score_falls_back_to_the_words() =>
        Assert.Equal(Sentiment.Positive, SentimentRules.Suggest(ScoreScale.Nps, null, "Brilliant service").Sentiment);
}
