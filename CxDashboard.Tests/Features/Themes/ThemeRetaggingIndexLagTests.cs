using CxDashboard.Domain.Themes;
using CxDashboard.Tests.Features.Feedback;
using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CxDashboard.Tests.Features.Themes;

/// <summary>
/// SQL Server's full-text index takes in a write only after its commit, in the background. Re-tagging all history
/// through such an index must not take a theme away from the items it has not seen yet: the newest items are
/// matched in memory. Played here on SQLite, whose index is made to lag by stopping the triggers that feed it.
/// </summary>
public sealed class ThemeRetaggingIndexLagTests : IAsyncLifetime
{
    private ThemeData _data = null!;
    private int _refunds;
    private int _older;
    private int _newest;

    public async Task InitializeAsync()
    {
        _data = await ThemeData.CreateAsync();
        _refunds = await _data.ThemeAsync("Refunds", "refund*");
        _older = await Feedback.Feedback().Saying("Refund came through at last").AddAsync();
        await using var db = Feedback.Database.CreateDbContext();
        await db.Feedback.Where(f => f.Id == _older)
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.RecordedAt, FeedbackData.Now.AddDays(-1)));
        // From here on the index takes in nothing, as SQL Server's does not until it has populated.
        await db.Database.ExecuteSqlRawAsync(FeedbackSearchIndex.DropTriggersSql);
        _newest = await Feedback.Feedback().Saying("Still waiting for my refund").AddAsync();
        // As tagging on arrival did.
        await db.Database.ExecuteSqlAsync($"INSERT INTO \"FeedbackThemes\" (\"FeedbackItemId\", \"ThemeId\") VALUES ({_newest}, {_refunds})");
    }

    public Task DisposeAsync() => _data.Feedback.Database.DisposeAsync().AsTask();

    private FeedbackData Feedback => _data.Feedback;

    private async Task RetagThroughIndexAsync(TimeSpan indexLag)
    {
        await using var db = Feedback.Database.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await ThemeTagging.TagAllAsync(db, transaction.GetDbTransaction(), new ActiveRule(_refunds, ThemeRule.Parse("refund*")),
            throughIndex: true, indexLag, CancellationToken.None);
        await transaction.CommitAsync();
    }

    [Fact]
    public async Task Retagging_through_an_index_that_has_not_seen_the_newest_items_still_tags_them_once()
    {
        await RetagThroughIndexAsync(ThemeTagging.SqlServerIndexLag);

        Assert.Equal([(_older, _refunds), (_newest, _refunds)], await _data.TagsAsync());
    }

    [Fact]
    public async Task Through_the_index_alone_the_newest_item_would_lose_its_theme()
    {
        await RetagThroughIndexAsync(TimeSpan.Zero);

        Assert.Equal([(_older, _refunds)], await _data.TagsAsync());
    }
}
