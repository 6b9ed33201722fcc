using CxDashboard.Tests.Support;
using CxDashboard.Web.Features.Audit;

namespace CxDashboard.Tests.Features.Audit;

/// <summary>
/// The audit trail grows by every change anyone makes, into the tens of millions of entries: each page of the
/// audit page must seek an index in its order, never read or sort the trail. Checked on SQLite's plans.
/// </summary>
public sealed class AuditQueryPlanTests : IAsyncLifetime
{
    private static readonly AuditCursor DeepPage = new(new DateTime(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc), 9_000_000);

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    public static TheoryData<string> Filters() => ["none", "dates", "kind of record", "one record", "kind of record and dates"];

    private static AuditFilter Filter(string name) => name switch
    {
        "none" => new AuditFilter(),
        "dates" => new AuditFilter(From: new DateOnly(2025, 1, 1), To: new DateOnly(2025, 6, 30)),
        "kind of record" => new AuditFilter(EntityType: "FeedbackItem"),
        "one record" => new AuditFilter(EntityType: "FrictionIssue", EntityId: "42"),
        "kind of record and dates" => new AuditFilter(From: new DateOnly(2025, 1, 1), EntityType: "ActionItem"),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task The_first_page_and_a_deep_page_of_the_trail_seek_an_index_in_their_order(string filter)
    {
        if (TestDatabase.UsesSqlServer)
        {
            return; // The plans checked are SQLite's.
        }
        await using var db = _database.CreateDbContext();

        var first = await QueryPlan.OfAsync(db, AuditService.PageQuery(db.AuditEntries, Filter(filter), after: null, take: 51));
        var deep = await QueryPlan.OfAsync(db, AuditService.PageQuery(db.AuditEntries, Filter(filter), DeepPage, take: 51));

        switch (filter)
        {
            case "none":
                // The whole trail newest first: the index read in its order, stopping after the page.
                Assert.Equal(["SCAN a USING INDEX IX_AuditEntries_At_Id"], first);
                Assert.Equal(["SEARCH a USING INDEX IX_AuditEntries_At_Id (At<?)"], deep);
                break;
            case "one record":
                // One record's history is a handful of entries: sorting them costs nothing.
                Assert.All([first, deep], plan => Assert.StartsWith("SEARCH a USING INDEX IX_AuditEntries_EntityType_EntityId_At (EntityType=? AND EntityId=?", plan[0]));
                break;
            default:
                QueryPlan.AssertSeeksOnly(first);
                QueryPlan.AssertSeeksOnly(deep);
                break;
        }
    }

    [Fact]
    public async Task The_kind_of_record_filter_reads_only_that_kind_newest_first()
    {
        if (TestDatabase.UsesSqlServer)
        {
            return;
        }
        await using var db = _database.CreateDbContext();

        var plan = await QueryPlan.OfAsync(db, AuditService.PageQuery(db.AuditEntries, Filter("kind of record"), DeepPage, take: 51));

        Assert.Equal(["SEARCH a USING INDEX IX_AuditEntries_EntityType_At_Id (EntityType=? AND At<?)"], plan);
    }
}
