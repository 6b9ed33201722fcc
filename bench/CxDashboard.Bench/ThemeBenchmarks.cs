using System.Diagnostics;
using CxDashboard.Domain.Themes;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Themes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Bench;

/// <summary>
/// Themes at scale: tagging arriving feedback in memory against the import's pace, tagging all stored feedback
/// again after a rule changes (one set-based statement per theme through the FTS5 index), the themes page's
/// queries and the emerging phrases.
/// </summary>
internal sealed class ThemeBenchmarks(IServiceProvider services, int runs, Report report)
{
    private const double PageSeconds = 1;
    private const double RetagSeconds = 120;
    private const int TaggedSample = 100_000;

    // The import's floor rate at 100,000 rows in today's full-scale run (docs/performance.md): tagging must not hold it back.
    private const double ImportRowsPerSecond = 8_000;

    public async Task RunAsync()
    {
        await TaggingOnArrivalAsync();
        await RetaggingAsync();
        await PageAsync();
    }

    private async Task TaggingOnArrivalAsync()
    {
        var factory = services.GetRequiredService<IDbContextFactory<CxDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var rules = await ThemeTagging.ActiveRulesAsync(db, CancellationToken.None);
        var verbatims = await db.Feedback.AsNoTracking().OrderByDescending(f => f.Id).Take(TaggedSample).Select(f => f.Verbatim).ToListAsync();
        var samples = new List<double>();
        long tags = 0;
        for (var run = 0; run < Math.Max(1, runs); run++)
        {
            tags = 0;
            var started = Stopwatch.GetTimestamp();
            foreach (var verbatim in verbatims)
            {
                tags += ThemeTagging.ThemesOf(verbatim, rules).Count();
            }
            samples.Add(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        var t = Timings.Of(samples);
        var rate = verbatims.Count / t.Median;
        report.Add(new ReportLine("Themes", Report.Inv($"tagging arriving feedback in memory: {verbatims.Count:N0} verbatims × {rules.Count} rules ({tags:N0} tags)"),
            Report.Inv($"median {t.Median:0.00} s (p95 {t.P95:0.00} s), {rate:N0} rows/s"),
            Report.Inv($"import floor {ImportRowsPerSecond:N0} rows/s"), "≥ the import's rate (keeps pace)", rate >= ImportRowsPerSecond));
    }

    private async Task RetaggingAsync()
    {
        var factory = services.GetRequiredService<IDbContextFactory<CxDbContext>>();
        var tagger = services.GetRequiredService<ThemeTagger>();
        await using var db = await factory.CreateDbContextAsync();
        var biggest = await db.FeedbackThemes.GroupBy(l => l.ThemeId).OrderByDescending(g => g.Count())
            .Select(g => new { ThemeId = g.Key, Items = g.Count() }).FirstAsync();
        var name = await db.Themes.Where(t => t.Id == biggest.ThemeId).Select(t => t.Name).SingleAsync();

        var one = new List<double>();
        for (var run = 0; run < Math.Max(1, runs); run++)
        {
            var started = Stopwatch.GetTimestamp();
            await tagger.RetagAsync(db, biggest.ThemeId, CancellationToken.None);
            one.Add(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        var o = Timings.Of(one);
        report.Add(new ReportLine("Themes", Report.Inv($"re-tagging all history after a rule change: '{name}', {biggest.Items:N0} items tagged (DELETE + INSERT … SELECT FTS5 MATCH)"),
            Report.Inv($"median {o.Median:0.0} s (p95 {o.P95:0.0} s)"), "—", "< 2 min", o.P95 < RetagSeconds));

        var themes = await db.Themes.CountAsync();
        await db.Themes.ExecuteUpdateAsync(set => set.SetProperty(t => t.TaggedRule, (string?)null));
        var retagging = services.GetRequiredService<ThemeRetagging>();
        var all = Stopwatch.GetTimestamp();
        var tagged = await retagging.TagPendingAsync(CancellationToken.None);
        var seconds = Stopwatch.GetElapsedTime(all).TotalSeconds;
        report.Add(new ReportLine("Themes", Report.Inv($"re-tagging all history for every theme ({tagged} of {themes}), the background service's round"),
            Report.Inv($"{seconds:0.0} s"), "—", "—", null));
    }

    private async Task PageAsync()
    {
        using var scope = services.CreateScope();
        var themes = scope.ServiceProvider.GetRequiredService<ThemeService>();
        var emerging = scope.ServiceProvider.GetRequiredService<EmergingPhrases>();
        var now = DateTime.UtcNow;
        var (from, to) = ThemePeriods.Range(ThemePeriod.ThisQuarter, now);
        var (yearFrom, yearTo) = ThemePeriods.Range(ThemePeriod.Last12Months, now);
        await TimeAsync("themes page: effect on NPS of every theme, this quarter (ThemeService.ImpactAsync)",
            () => themes.ImpactAsync(new ThemeImpactQuery(from, to)));
        await TimeAsync("themes page: effect on NPS of every theme, last 12 months (ThemeService.ImpactAsync)",
            () => themes.ImpactAsync(new ThemeImpactQuery(yearFrom, yearTo)));
        await TimeAsync("themes page: the catalogue with items tagged (ThemeService.CatalogueAsync)", () => themes.CatalogueAsync());
        await TimeAsync("themes page: live preview of a rule, common words (ThemeService.PreviewAsync)",
            () => themes.PreviewAsync("deliver* OR parcel OR \"the app\""));
        await TimeAsync("dashboard: the three themes that cost the most this quarter (ThemeService.CostliestAsync)",
            () => themes.CostliestAsync(new ThemeImpactQuery(from, to), 3));
        await TimeAsync("emerging phrases: last 7 days against the 8 weeks before (EmergingPhrases.FindAsync)", () => emerging.FindAsync());
    }

    private async Task TimeAsync(string what, Func<Task> query)
    {
        await query();
        var samples = new List<double>();
        for (var run = 0; run < Math.Max(3, runs); run++)
        {
            samples.Add(await Timing.TimeAsync(query));
        }
        var t = Timings.Of(samples);
        report.Add(new ReportLine("Themes", what, Report.Inv($"median {t.Median:0} ms (p95 {t.P95:0} ms)"), "—", "< 1 s", t.P95 < PageSeconds * 1000));
    }
}
