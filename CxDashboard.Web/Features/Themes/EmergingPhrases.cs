using CxDashboard.Domain.Themes;
using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Themes;

/// <summary>
/// What customers started saying this week: the words and two- and three-word phrases of the last 7 days'
/// verbatims that are significantly more frequent than in the 8 weeks before. The nine weeks of verbatims are
/// read once, in the inbox's date order, and counted as they stream past (<see cref="PhraseCounter"/>); none is kept.
/// </summary>
public sealed class EmergingPhrases(IDbContextFactory<CxDbContext> factory, TimeProvider clock)
{
    public static readonly TimeSpan Recent = TimeSpan.FromDays(7);
    public static readonly TimeSpan Baseline = TimeSpan.FromDays(56);

    public const int Shown = 15;
    public const int ExamplesShown = 3;
    private const int ExampleLength = 200;

    /// <summary>The items of the recent window linked to a new friction issue at most: the issue form takes them in its address.</summary>
    public const int LinkedAtMost = 20;

    public async Task<IReadOnlyList<EmergingPhraseRow>> FindAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var recentFrom = now - Recent;
        var baselineFrom = recentFrom - Baseline;
        var counter = new PhraseCounter(LinkedAtMost);
        await using var db = await factory.CreateDbContextAsync(ct);
        await foreach (var item in db.Feedback.AsNoTracking()
                           .Where(f => f.ReceivedAt >= baselineFrom && f.ReceivedAt <= now && f.Verbatim != "")
                           .Select(f => new { f.Id, f.ReceivedAt, f.Verbatim, Unlinked = f.FrictionIssueId == null })
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            counter.Add(item.Verbatim, item.ReceivedAt >= recentFrom, item.Id, item.Unlinked);
        }
        var phrases = counter.Emerging(Shown);
        var exampleIds = phrases.SelectMany(p => p.RecentIds.Take(ExamplesShown)).Distinct().ToList();
        var examples = await db.Feedback.AsNoTracking()
            .Where(f => exampleIds.Contains(f.Id))
            .Select(f => new RuleExample(f.Id, f.ReceivedAt, f.Verbatim.Length > ExampleLength ? f.Verbatim.Substring(0, ExampleLength) + "…" : f.Verbatim))
            .ToDictionaryAsync(e => e.FeedbackId, ct);
        return phrases
            .Select(p => new EmergingPhraseRow(p, p.RecentIds.Take(ExamplesShown).Where(examples.ContainsKey).Select(id => examples[id]).ToList()))
            .ToList();
    }
}
