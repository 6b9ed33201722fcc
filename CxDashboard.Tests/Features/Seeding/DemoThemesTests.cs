using CxDashboard.Domain.Themes;
using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CxDashboard.Tests.Features.Seeding;

public sealed class DemoThemesTests(SeededDatabase seeded, ITestOutputHelper output) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task The_demo_retailer_ships_between_25_and_40_active_themes_in_two_levels()
    {
        await using var db = seeded.Database.CreateDbContext();
        var themes = await db.Themes.AsNoTracking().ToListAsync();

        Assert.InRange(themes.Count, 25, 40);
        Assert.All(themes, t => Assert.Equal(ThemeStatus.Active, t.Status));
        Assert.All(themes, t => Assert.False(t.NeedsTagging));
        var parents = themes.Where(t => t.ParentThemeId is not null).Select(t => t.ParentThemeId).ToHashSet();
        Assert.All(themes.Where(t => parents.Contains(t.Id)), parent => Assert.Null(parent.ParentThemeId));
    }

    [Fact]
    public async Task The_demo_themes_cover_most_of_the_demo_verbatims()
    {
        await using var db = seeded.Database.CreateDbContext();
        var withWords = await db.Feedback.CountAsync(f => f.Verbatim != "");
        var tagged = await db.Feedback.CountAsync(f => f.Verbatim != "" && db.FeedbackThemes.Any(l => l.FeedbackItemId == f.Id));

        var coverage = (double)tagged / withWords;
        output.WriteLine($"{tagged} of {withWords} verbatims carry a theme: {coverage:P1}");
        Assert.True(coverage >= 0.9, $"Only {coverage:P1} of the demo verbatims carry a theme.");
    }

    [Fact]
    public async Task The_seeded_tags_are_what_each_rule_matches_in_memory()
    {
        await using var db = seeded.Database.CreateDbContext();
        var rules = await ThemeTagging.ActiveRulesAsync(db, CancellationToken.None);
        var items = await db.Feedback.AsNoTracking().Select(f => new { f.Id, f.Verbatim }).ToListAsync();

        var expected = items.SelectMany(i => ThemeTagging.ThemesOf(i.Verbatim, rules).Select(t => (i.Id, t))).Order().ToList();

        var stored = (await db.FeedbackThemes.AsNoTracking().ToListAsync()).Select(l => (l.FeedbackItemId, l.ThemeId)).Order().ToList();
        Assert.Equal(expected, stored);
    }
}
