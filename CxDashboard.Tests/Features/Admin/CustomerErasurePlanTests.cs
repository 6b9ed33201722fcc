using CxDashboard.Tests.Support;
using CxDashboard.Web.Features.Admin;

namespace CxDashboard.Tests.Features.Admin;

/// <summary>
/// Erasing one customer among ten million feedback items must find their feedback and its audit entries by
/// index: a scan of the table holds the write lock for minutes. Checked on SQLite's plans.
/// </summary>
public sealed class CustomerErasurePlanTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_customers_feedback_is_found_by_its_reference_in_capitals_without_reading_the_table()
    {
        if (TestDatabase.UsesSqlServer)
        {
            return; // The plans checked are SQLite's.
        }
        await using var db = _database.CreateDbContext();

        var plan = await QueryPlan.OfAsync(db, CustomerErasure.NextBatch(db, "loy-88120", batchSize: 500));

        Assert.StartsWith("SEARCH f USING INDEX IX_Feedback_CustomerRefUpper (<expr>=?)", plan[0]);
        Assert.DoesNotContain(plan, line => line.StartsWith("SCAN ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_count_shown_before_erasing_reads_the_same_index()
    {
        if (TestDatabase.UsesSqlServer)
        {
            return;
        }
        await using var db = _database.CreateDbContext();

        var plan = await QueryPlan.OfAsync(db, db.Feedback.Where(CustomerErasure.Carrying("LOY-88120", db)).Select(f => f.Id));

        Assert.Equal(["SEARCH f USING INDEX IX_Feedback_CustomerRefUpper (<expr>=?)"], plan);
    }

    [Fact]
    public async Task The_audit_entries_of_the_erased_records_are_found_by_kind_and_record()
    {
        if (TestDatabase.UsesSqlServer)
        {
            return;
        }
        await using var db = _database.CreateDbContext();

        var plan = await QueryPlan.OfAsync(db, CustomerErasure.EntriesOf(db, "FeedbackItem", ["17", "4711", "90210"]));

        Assert.Contains(plan, line => line.StartsWith("SEARCH a USING INDEX IX_AuditEntries_EntityType_EntityId_At (EntityType=? AND EntityId=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.StartsWith("SCAN a", StringComparison.Ordinal));
    }
}
