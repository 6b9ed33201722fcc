using Bunit;
using Bunit.Rendering;
using CxDashboard.Domain.Friction;
using CxDashboard.Tests.Components.Forms;
using CxDashboard.Tests.Features.Friction;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Features.Friction;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Components.Friction;

/// <summary>The after-check of a linked metric, one of the conditions of the closing checklist.</summary>
public sealed class AfterCheckFormTests : FrictionComponentTest
{
    private async Task<(IRenderedComponent<ContainerFragment> Page, int Id)> RenderCheckFormAsync()
    {
        var id = await Data.IssueAsync(status: FrictionStatus.Resolved);
        await using (var db = Database.CreateDbContext())
        {
            var issue = await db.FrictionIssues.Include(i => i.LinkedMetrics).SingleAsync(i => i.Id == id);
            issue.LinkMetric(Data.Nps, before: 40);
            await db.SaveChangesAsync();
        }
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/friction/{id}");
        var page = ComponentHost.RenderWithPopovers<FrictionIssuePage>(this, b => b.AddComponentParameter(2, nameof(FrictionIssuePage.Id), id));
        page.WaitForAssertion(() => Assert.Contains("Record after-check", page.Markup));
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Record after-check").Click();
        page.WaitForAssertion(() => Assert.Contains("Record check", page.Markup));
        return (page, id);
    }

    private static void RecordCheck(IRenderedComponent<ContainerFragment> page) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Record check").Click();

    private async Task<LinkedMetric> StoredAsync(int id)
    {
        await using var db = Database.CreateDbContext();
        return await db.Set<LinkedMetric>().SingleAsync(m => m.FrictionIssueId == id);
    }

    [Fact]
    public async Task A_check_without_the_value_after_asks_for_it_beside_the_field_and_records_nothing()
    {
        var (page, id) = await RenderCheckFormAsync();

        RecordCheck(page);

        page.WaitForAssertion(() => Assert.Equal("Enter the value after.", page.ErrorUnder("After")));
        Assert.Null(page.ErrorUnder("Before"));
        var stored = await StoredAsync(id);
        Assert.Null(stored.After);
        Assert.False(stored.IsChecked);
    }

    [Fact]
    public async Task A_check_with_both_values_is_recorded_and_shown_with_its_date()
    {
        var (page, id) = await RenderCheckFormAsync();

        page.InputUnder("After").Change("46");
        RecordCheck(page);

        page.WaitForAssertion(() => Assert.Contains("After: 46", page.Find("[data-testid=linked-metric]").TextContent));
        Assert.Contains("Before: 40", page.Find("[data-testid=linked-metric]").TextContent);
        Assert.Contains("checked 23 Nov 2026", page.Find("[data-testid=linked-metric]").TextContent);
        var stored = await StoredAsync(id);
        Assert.Equal((40.0, 46.0), (stored.Before, stored.After));
        Assert.True(stored.IsChecked);
    }
}
