using CxDashboard.Domain.Themes;

namespace CxDashboard.Tests.Domain.Themes;

public sealed class PhraseCounterTests
{
    private static readonly string[] Steady =
    [
        "The parcel arrived on time and the driver was friendly.",
        "Lovely staff at the Leeds store, very helpful.",
        "Refund took a week but it came through.",
        "Checkout was quick, paid with my card.",
    ];

    private static PhraseCounter Counted(int burst)
    {
        var counter = new PhraseCounter();
        var id = 0;
        for (var week = 0; week < 9; week++)
        {
            var recent = week == 8;
            for (var i = 0; i < 40; i++)
            {
                counter.Add(Steady[i % Steady.Length] + $" Order HF-{4_000_000 + ++id}.", recent, id);
            }
        }
        for (var i = 0; i < burst; i++)
        {
            counter.Add($"The gift wrap was torn on order HF-{5_000_000 + i}, 2 of 3 boxes.", recent: true, ++id);
        }
        return counter;
    }

    [Fact]
    public void A_phrase_planted_in_the_last_week_is_found_and_the_steady_words_are_not()
    {
        var phrases = Counted(burst: 12).Emerging(10).Select(p => p.Phrase).ToList();

        Assert.Contains("gift wrap", phrases);
        Assert.DoesNotContain(phrases, p => p.Contains("parcel", StringComparison.Ordinal) || p.Contains("staff", StringComparison.Ordinal));
    }

    [Fact]
    public void Numbers_order_references_and_stop_words_are_never_emerging_phrases()
    {
        var phrases = Counted(burst: 12).Emerging(50).Select(p => p.Phrase).ToList();

        Assert.DoesNotContain(phrases, p => p.Any(char.IsDigit) || p.StartsWith("hf", StringComparison.Ordinal));
        Assert.DoesNotContain(phrases, p => p is "the" or "was" or "on" || p.StartsWith("the ", StringComparison.Ordinal) || p.EndsWith(" on", StringComparison.Ordinal));
        Assert.DoesNotContain("order", phrases);
    }

    [Fact]
    public void Steady_text_alone_has_no_emerging_phrase() => Assert.Empty(Counted(burst: 0).Emerging(10));

    [Fact]
    public void A_phrase_is_kept_with_the_items_it_came_from_for_examples_and_links()
    {
        var gift = Counted(burst: 12).Emerging(10).Single(p => p.Phrase == "gift wrap");

        Assert.Equal((12, 52), (gift.Recent, gift.RecentDocuments));
        Assert.Equal(12, gift.RecentIds.Count);
        Assert.Equal("\"gift wrap\"", gift.Rule);
    }
}
