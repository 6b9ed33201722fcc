using CxDashboard.Domain.Common;
using CxDashboard.Domain.Themes;

namespace CxDashboard.Tests.Domain.Themes;

public sealed class ThemeTests
{
    private static Theme Stored(Theme theme, int id)
    {
        typeof(Theme).GetProperty(nameof(Theme.Id))!.SetValue(theme, id);
        return theme;
    }

    [Fact]
    public void A_theme_can_sit_under_a_top_level_theme_but_not_three_levels_deep()
    {
        var delivery = Stored(Theme.Create("Delivery", null, "delivery", 1), 1);
        var late = Stored(Theme.Create("Late", delivery, "late", 1), 2);

        Assert.Equal(1, late.ParentThemeId);
        var refused = Assert.Throws<DomainException>(() => Theme.Create("Very late", late, "\"very late\"", 1));
        Assert.Equal("'Late' is itself under another theme: themes have two levels, so choose a top-level theme.", refused.Message);
    }

    [Fact]
    public void A_theme_with_themes_under_it_stays_on_top()
    {
        var returns = Stored(Theme.Create("Returns", null, "return*", 1), 1);
        var delivery = Stored(Theme.Create("Delivery", null, "delivery", 1), 2);

        var refused = Assert.Throws<DomainException>(() => delivery.PlaceUnder(returns, hasChildren: true));

        Assert.Equal("'Delivery' has themes under it, so it stays a top-level theme.", refused.Message);
        Assert.Null(delivery.ParentThemeId);
    }

    [Fact]
    public void A_proposed_theme_tags_nothing_until_it_is_made_active_and_then_needs_tagging()
    {
        var theme = Theme.Propose("Refunds", null, "refund*", 3);
        Assert.False(theme.NeedsTagging);

        theme.Activate();

        Assert.True(theme.NeedsTagging);
        theme.MarkTagged(theme.Rule);
        Assert.False(theme.NeedsTagging);
        theme.ChangeRule("refund* OR \"money back\"");
        Assert.True(theme.NeedsTagging);
    }

    [Fact]
    public void A_rule_that_does_not_read_leaves_the_theme_as_it_was()
    {
        var theme = Theme.Create("Refunds", null, "refund*", 3);

        Assert.Throws<DomainException>(() => theme.ChangeRule("refund* OR"));

        Assert.Equal("refund*", theme.Rule);
    }
}
