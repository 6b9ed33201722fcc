using System.Data.Common;
using CxDashboard.Domain.Themes;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Data.Seeding;

public sealed partial class DemoDataSeeder
{
    /// <summary>
    /// The demo retailer's themes, owned by the head of CX, and every seeded item tagged with them: one
    /// set-based statement per theme through SQLite's search index; on SQL Server, whose full-text index is
    /// still being filled after a bulk load, by matching the verbatims as they are read.
    /// </summary>
    private async Task SeedThemesAsync(CxDbContext db, DemoState state, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var themes = new Dictionary<string, Theme>(StringComparer.Ordinal);
        foreach (var entry in DemoThemes.All.Where(e => e.Parent is null))
        {
            themes[entry.Name] = Theme.Create(entry.Name, null, entry.Rule, state.CxLead.Id);
        }
        db.Themes.AddRange(themes.Values);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var entry in DemoThemes.All.Where(e => e.Parent is not null))
        {
            themes[entry.Name] = Theme.Create(entry.Name, themes[entry.Parent!], entry.Rule, state.CxLead.Id);
        }
        db.Themes.AddRange(themes.Values.Where(t => t.Id == 0));
        await db.SaveChangesAsync(cancellationToken);

        var throughIndex = db.Database.IsSqlite();
        foreach (var theme in themes.Values)
        {
            await ThemeTagging.TagAllAsync(db, transaction, new ActiveRule(theme.Id, theme.ParsedRule), throughIndex, cancellationToken);
            theme.MarkTagged(theme.Rule);
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Tagged the feedback with {Themes} themes", themes.Count);
    }
}
