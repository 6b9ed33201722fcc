using CxDashboard.Domain.Common;
using CxDashboard.Domain.Themes;

namespace CxDashboard.Tests.Domain.Themes;

public sealed class ThemeRuleTests
{
    [Theory]
    [InlineData("refund", "Still no refund after two weeks", true)]
    [InlineData("refund", "They refunded me", false)]
    [InlineData("refund*", "They refunded me", true)]
    [InlineData("refund*", "Refunds are slow", true)]
    [InlineData("REFUND", "still no Refund", true)]
    [InlineData("cafe", "The café was closed", true)]
    public void A_word_matches_whole_words_and_a_star_matches_their_beginnings(string rule, string verbatim, bool matches) =>
        Assert.Equal(matches, ThemeRule.Parse(rule).Matches(verbatim));

    [Theory]
    [InlineData("\"arrived late\"", "The parcel arrived late again", true)]
    [InlineData("\"arrived late\"", "Late, and it arrived damaged", false)]
    [InlineData("\"arrived lat\"*", "It arrived later than promised", true)]
    [InlineData("\"click & collect\"", "Click and collect was ready", false)]
    [InlineData("\"click & collect\"", "Click & collect was ready", true)]
    [InlineData("don't", "I don't know where it is", true)]
    public void A_phrase_matches_its_words_side_by_side_and_in_order(string rule, string verbatim, bool matches) =>
        Assert.Equal(matches, ThemeRule.Parse(rule).Matches(verbatim));

    [Theory]
    [InlineData("late AND parcel", "The parcel was late", true)]
    [InlineData("late AND parcel", "The order was late", false)]
    [InlineData("late parcel", "The order was late", false)]
    [InlineData("late OR damaged", "It arrived damaged", true)]
    [InlineData("late OR damaged", "It arrived fine", false)]
    [InlineData("delivery NOT late", "Delivery was quick", true)]
    [InlineData("delivery NOT late", "Delivery was late", false)]
    public void AND_OR_and_NOT_combine_what_the_words_find(string rule, string verbatim, bool matches) =>
        Assert.Equal(matches, ThemeRule.Parse(rule).Matches(verbatim));

    [Theory]
    // NOT binds tightest, then AND, then OR, as in SQLite's FTS5.
    [InlineData("late OR delivery NOT driver", "Late, the driver said", true)]
    [InlineData("(late OR delivery) NOT driver", "Late, the driver said", false)]
    [InlineData("parcel AND late OR damaged", "Damaged box", true)]
    [InlineData("parcel AND (late OR damaged)", "Damaged box", false)]
    public void NOT_binds_before_AND_and_AND_before_OR_unless_brackets_say_otherwise(string rule, string verbatim, bool matches) =>
        Assert.Equal(matches, ThemeRule.Parse(rule).Matches(verbatim));

    [Theory]
    [InlineData("", "The rule is required.")]
    [InlineData("(late OR damaged", "The rule opens a bracket it never closes.")]
    [InlineData("late)", "The rule closes a bracket it never opened.")]
    [InlineData("NOT late", "NOT leaves out what follows it from what comes before: write what to find first, as in delivery NOT late.")]
    [InlineData("late OR", "The rule ends with 'OR': say what should follow it.")]
    [InlineData("late AND OR damaged", "'AND' cannot be followed by 'OR'.")]
    [InlineData("\"arrived late", "The phrase starting \"arrived late has no closing quote.")]
    [InlineData("re*fund", "In 're*fund', a * may only end a word: refund* finds refund, refunds and refunded.")]
    [InlineData("late & ()", "'&' has no letters or digits to look for: put punctuation inside a \"phrase\" or leave it out.")]
    public void A_rule_that_does_not_read_is_refused_saying_why(string rule, string message)
    {
        var refused = Assert.Throws<DomainException>(() => ThemeRule.Parse(rule));

        Assert.Equal(message, refused.Message);
        Assert.Equal(message, ThemeRule.Problem(rule));
    }

    [Fact]
    public void A_rule_longer_than_a_thousand_characters_is_refused() =>
        Assert.Equal("The rule must be at most 1000 characters.", ThemeRule.Problem(string.Join(" OR ", Enumerable.Repeat("late", 201))));
}
