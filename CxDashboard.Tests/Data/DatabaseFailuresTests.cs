using CxDashboard.Domain.Feedback;
using CxDashboard.Tests.Features.Feedback;
using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Tests.Data;

/// <summary>Only another writer storing the same row first is a conflict; any other refused save is a fault of ours.</summary>
public sealed class DatabaseFailuresTests : IAsyncLifetime
{
    private FeedbackData _data = null!;

    public async Task InitializeAsync() => _data = await FeedbackData.CreateAsync();

    public Task DisposeAsync() => _data.Database.DisposeAsync().AsTask();

    private FeedbackItem Item(int channelId, string externalId) => new(new FeedbackDetails(FeedbackData.Now.AddHours(-1), channelId, null,
        FeedbackSource.Review, FeedbackCategory.Product, Sentiment.Positive, null, null, "Fine", null, externalId, "API key: Qualtrics"), null, FeedbackData.Now);

    private async Task<DbUpdateException> SaveFailureAsync(params FeedbackItem[] items)
    {
        await using var db = _data.Database.CreateDbContext();
        db.Feedback.AddRange(items);
        return await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task The_same_id_stored_twice_is_a_conflict_and_not_an_outage()
    {
        var failure = await SaveFailureAsync(Item(_data.Web, "R-1"), Item(_data.Web, "R-1"));

        Assert.True(DatabaseFailures.IsUniqueViolation(failure));
        Assert.False(DatabaseFailures.IsUnavailable(failure));
    }

    [Fact]
    public async Task A_row_naming_a_missing_channel_is_neither_a_conflict_nor_an_outage()
    {
        var failure = await SaveFailureAsync(Item(_data.Web + 1000, "R-2"));

        Assert.False(DatabaseFailures.IsUniqueViolation(failure));
        Assert.False(DatabaseFailures.IsUnavailable(failure));
    }
}
