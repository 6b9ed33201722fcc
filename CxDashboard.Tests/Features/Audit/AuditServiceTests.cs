using CxDashboard.Domain.Audit;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Features.Audit;
using CxDashboard.Web.Features.Common;

namespace CxDashboard.Tests.Features.Audit;

public sealed class AuditServiceTests : IAsyncLifetime
{
    private static readonly DateTime Day = new(2026, 10, 5, 0, 0, 0, DateTimeKind.Utc);
    private static readonly Caller CxLead = new(1, "Cleo Marsh", 1, new HashSet<string> { Roles.CxLead });

    private TestDatabase _database = null!;

    private AuditService Service => new(_database);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using var db = _database.CreateDbContext();
        // Sixty changes over three days by two people on two kinds of record.
        for (var i = 0; i < 60; i++)
        {
            var at = Day.AddDays(i / 20).AddMinutes(i);
            var (actor, type) = i % 2 == 0 ? ("Priya Shah", "FrictionIssue") : ("Tom Baxter", "ActionItem");
            db.AuditEntries.Add(new AuditEntry(at, null, actor, type, (i % 5 + 1).ToString(), AuditAction.Changed,
                $"Changed {type} #{i % 5 + 1}: Status '{(i == 7 ? "Blocked" : "Open")}' → 'Done'", "{\"Status\":\"Open\"}", "{\"Status\":\"Done\"}"));
        }
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Pages_follow_each_other_newest_first_without_gaps_or_repeats()
    {
        var seen = new List<AuditRow>();
        AuditCursor? after = null;
        do
        {
            var page = await Service.GetPageAsync(new AuditFilter(), after, CxLead, pageSize: 25);
            seen.AddRange(page.Rows);
            after = page.Next;
        }
        while (after is not null);

        Assert.Equal(60, seen.Count);
        Assert.Equal(60, seen.Select(r => r.Id).Distinct().Count());
        Assert.Equal(seen.OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Select(r => r.Id), seen.Select(r => r.Id));
    }

    [Fact]
    public async Task Filters_narrow_by_day_kind_person_record_and_words()
    {
        var secondDay = await Service.GetPageAsync(new AuditFilter(From: DateOnly.FromDateTime(Day.AddDays(1)), To: DateOnly.FromDateTime(Day.AddDays(1))), null, CxLead, 200);
        var tomsActions = await Service.GetPageAsync(new AuditFilter(EntityType: "ActionItem", Actor: "tom"), null, CxLead, 200);
        var issueThree = await Service.GetPageAsync(new AuditFilter(EntityType: "FrictionIssue", EntityId: "3"), null, CxLead, 200);
        var blocked = await Service.GetPageAsync(new AuditFilter(Text: "blocked"), null, CxLead, 200);

        Assert.Equal(20, secondDay.Rows.Count);
        Assert.All(secondDay.Rows, r => Assert.Equal(Day.AddDays(1).Date, r.At.Date));
        Assert.Equal(30, tomsActions.Rows.Count);
        Assert.All(tomsActions.Rows, r => Assert.Equal(("Tom Baxter", "ActionItem"), (r.ActorName, r.EntityType)));
        Assert.All(issueThree.Rows, r => Assert.Equal(("FrictionIssue", "3"), (r.EntityType, r.EntityId)));
        Assert.Equal(6, issueThree.Rows.Count);
        Assert.Contains("'Blocked'", Assert.Single(blocked.Rows).Summary);
        Assert.Null(blocked.Next);
    }

    [Fact]
    public async Task Only_the_head_of_cx_and_admins_read_the_trail()
    {
        var executive = new Caller(2, "Margaret Osei", 1, new HashSet<string> { Roles.Executive });

        await Assert.ThrowsAsync<NotAllowedException>(() => Service.GetPageAsync(new AuditFilter(), null, executive));
    }

    [Fact]
    public void The_export_link_carries_the_filters_under_the_export_keys()
    {
        var filter = new AuditFilter(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), "FrictionIssue", "Priya Shah", "3", "status & owner");

        Assert.Equal("from=2026-10-01&to=2026-10-31&entity=FrictionIssue&record=3&actor=Priya%20Shah&q=status%20%26%20owner", filter.ToExportQuery());
    }

    [Fact]
    public void The_kinds_of_record_come_from_the_model_and_include_erasures()
    {
        var types = Service.EntityTypes();

        Assert.Contains("FrictionIssue", types);
        Assert.Contains("ApiKey", types);
        Assert.Contains("Customer", types);
        Assert.DoesNotContain("AuditEntry", types);
    }
}
