using CxDashboard.Domain.Themes;
using CxDashboard.Tests.Features.Feedback;
using CxDashboard.Web.Features.Themes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CxDashboard.Tests.Features.Themes;

/// <summary>The feedback tests' small retailer, with the theme services and a way to add themes.</summary>
public sealed class ThemeData
{
    private ThemeData(FeedbackData feedback)
    {
        Feedback = feedback;
        Retagging = new ThemeRetagging(feedback.Database, new ThemeTagger(feedback.Search), NullLogger<ThemeRetagging>.Instance);
    }

    public FeedbackData Feedback { get; }

    public ThemeRetagging Retagging { get; }

    public static async Task<ThemeData> CreateAsync() => new(await FeedbackData.CreateAsync());

    public ThemeService Service() => new(Feedback.Database, Feedback.Clock, Feedback.Search, Retagging);

    /// <summary>Adds an active theme whose tags are up to date (there is no feedback yet, or the caller tags it).</summary>
    public async Task<int> ThemeAsync(string name, string rule, int? parentId = null, bool proposed = false)
    {
        await using var db = Feedback.Database.CreateDbContext();
        var parent = parentId is { } id ? await db.Themes.SingleAsync(t => t.Id == id) : null;
        var theme = proposed ? Theme.Propose(name, parent, rule, Feedback.Dana) : Theme.Create(name, parent, rule, Feedback.Dana);
        theme.MarkTagged(theme.Rule);
        db.Themes.Add(theme);
        await db.SaveChangesAsync();
        return theme.Id;
    }

    /// <summary>Which items carry which theme, as (item, theme) pairs in order.</summary>
    public async Task<List<(int Item, int Theme)>> TagsAsync()
    {
        await using var db = Feedback.Database.CreateDbContext();
        return (await db.FeedbackThemes.AsNoTracking().OrderBy(l => l.FeedbackItemId).ThenBy(l => l.ThemeId).ToListAsync())
            .Select(l => (l.FeedbackItemId, l.ThemeId)).ToList();
    }
}
