using CxDashboard.Tests.Features.Feedback;
using CxDashboard.Web.Features.Themes;

namespace CxDashboard.Tests.Features.Themes;

/// <summary>Emerging phrases over stored feedback: the last 7 days against the 8 weeks before, by the service's clock.</summary>
public sealed class EmergingPhrasesTests : IAsyncLifetime
{
    private FeedbackData _data = null!;

    public async Task InitializeAsync() => _data = await FeedbackData.CreateAsync();

    public Task DisposeAsync() => _data.Database.DisposeAsync().AsTask();

    private async Task AddAsync(string verbatim, int daysAgo)
    {
        await _data.Feedback().Saying(verbatim).ReceivedAt(FeedbackData.Now.AddDays(-daysAgo).AddHours(-2)).AddAsync();
    }

    [Fact]
    public async Task A_burst_in_the_last_week_is_found_with_its_newest_examples_and_older_text_is_not()
    {
        string[] steady = ["The parcel arrived on time.", "Lovely staff in the shop.", "Checkout was quick."];
        for (var day = 0; day < 63; day += 3)
        {
            foreach (var text in steady)
            {
                await AddAsync(text, day);
            }
        }
        for (var i = 0; i < 8; i++)
        {
            await AddAsync($"The gift wrap was torn, order HF-{5_000_000 + i}.", i % 6);
        }
        // Older than the nine weeks: not counted at all.
        for (var i = 0; i < 20; i++)
        {
            await AddAsync("Gift wrap torn again", 70);
        }

        var found = await new EmergingPhrases(_data.Database, _data.Clock).FindAsync();

        var gift = Assert.Single(found, f => f.Phrase.Phrase == "gift wrap");
        Assert.Equal(0, gift.Phrase.Baseline);
        Assert.Equal(EmergingPhrases.ExamplesShown, gift.Examples.Count);
        Assert.All(gift.Examples, e => Assert.Contains("gift wrap", e.Verbatim, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(found, f => f.Phrase.Phrase.Contains("parcel", StringComparison.Ordinal));
    }
}
