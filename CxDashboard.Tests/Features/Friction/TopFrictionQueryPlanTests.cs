using CxDashboard.Domain.Friction;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Features.Friction;

namespace CxDashboard.Tests.Features.Friction;

/// <summary>
/// The dashboard's most severe open issues: hundreds of thousands of issues are open at ten times the data, and the
/// section shows five. Each open status is read in the (Status, Severity, CreatedAt) index's order and stops after
/// five entries (the index holds all it needs); nothing is sorted. Checked on SQLite's plans.
/// </summary>
public sealed class TopFrictionQueryPlanTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData(FrictionStatus.New)]
    [InlineData(FrictionStatus.Triaged)]
    [InlineData(FrictionStatus.InProgress)]
    [InlineData(FrictionStatus.Resolved)]
    public async Task The_most_severe_issues_of_an_open_status_are_read_in_the_index_s_order_without_sorting(FrictionStatus status)
    {
        if (TestDatabase.UsesSqlServer)
        {
            return; // The plans checked are SQLite's.
        }
        await using var db = _database.CreateDbContext();

        var plan = await QueryPlan.OfAsync(db, FrictionService.MostSevereQuery(db.FrictionIssues, status, take: 5));

        Assert.Equal(["SEARCH f USING COVERING INDEX IX_FrictionIssues_Status_Severity_CreatedAt (Status=?)"], plan);
    }
}
