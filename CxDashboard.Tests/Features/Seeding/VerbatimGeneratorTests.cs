using CxDashboard.Domain.Feedback;
using CxDashboard.Web.Data.Seeding;

namespace CxDashboard.Tests.Features.Seeding;

public sealed class VerbatimGeneratorTests
{
    public static TheoryData<string, Sentiment> Templates()
    {
        var texts = VerbatimGenerator.Templates(Voice.Customer).Concat(VerbatimGenerator.Templates(Voice.Staff))
            .Select(t => (t.Text, t.Sentiment))
            .Concat(DemoFriction.All.SelectMany(i => i.Evidence)
                .Select(line => (line.StartsWith("staff:", StringComparison.Ordinal) ? line["staff:".Length..] : line, Sentiment.Negative)));
        var data = new TheoryData<string, Sentiment>();
        foreach (var (text, sentiment) in texts.Distinct())
        {
            data.Add(text, sentiment);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Every_template_reads_as_the_sentiment_of_its_list(string text, Sentiment sentiment)
    {
        var template = VerbatimTemplate.Compile("buy", FeedbackCategory.Experience, "*", sentiment, text);
        var generator = new VerbatimGenerator(["store"]);
        var random = new Random(7);

        for (var i = 0; i < 20; i++)
        {
            var verbatim = generator.Render(template, random, Voice.Customer);
            Assert.Equal(sentiment, SentimentRules.Suggest(null, null, verbatim).Sentiment);
            Assert.DoesNotContain("{", verbatim);
        }
    }

    [Fact]
    public void Every_channel_has_templates_for_every_voice_and_sentiment()
    {
        var generator = new VerbatimGenerator(DemoCatalogue.Channels.Select(c => c.Code).ToList());
        var random = new Random(1);
        for (var channel = 0; channel < DemoCatalogue.Channels.Length; channel++)
        {
            foreach (var voice in Enum.GetValues<Voice>())
            {
                foreach (var sentiment in Enum.GetValues<Sentiment>())
                {
                    Assert.Equal(sentiment, generator.Pick(random, channel, voice, sentiment).Sentiment);
                }
            }
        }
    }
}
