using CxDashboard.Domain.Themes;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Feedback;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CxDashboard.Web.Features.Themes;

/// <summary>Tags all stored feedback again with one theme, through the search index where the database has one.</summary>
public sealed class ThemeTagger(VerbatimSearch search)
{
    /// <summary>
    /// Replaces a theme's tags with the items its rule matches now, in one transaction: through the search index
    /// where there is one, otherwise (SQL Server without Full-Text Search) by reading every verbatim in batches.
    /// The theme then records the rule its tags reflect, unless the rule changed meanwhile (it is then tagged again).
    /// </summary>
    public async Task<string> RetagAsync(CxDbContext db, int themeId, CancellationToken ct) =>
        await RetagAsync(db, themeId, db.Database.IsSqlite() || await search.MatchesWordsAsync(db, ct), ct);

    /// <param name="throughIndex">
    /// Whether the search index holds every stored verbatim: not on SQL Server without Full-Text Search, nor
    /// right after a bulk load there, while the index is still being filled in the background.
    /// </param>
    public static async Task<string> RetagAsync(CxDbContext db, int themeId, bool throughIndex, CancellationToken ct)
    {
        var rule = ThemeRule.Parse(await db.Themes.AsNoTracking().Where(t => t.Id == themeId).Select(t => t.Rule).SingleAsync(ct));
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await ThemeTagging.TagAllAsync(db, transaction.GetDbTransaction(), new ActiveRule(themeId, rule), throughIndex, ct);
            await db.Themes.Where(t => t.Id == themeId && t.Rule == rule.Text)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.TaggedRule, rule.Text), ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return rule.Text;
    }
}
