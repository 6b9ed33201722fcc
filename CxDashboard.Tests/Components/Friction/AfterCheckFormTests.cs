using Bunit;
using Bunit.Rendering;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Friction;
using CxDashboard.Tests.Components.Forms;
using CxDashboard.Tests.Features.Friction;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Features.Friction;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CxDashboard.Tests.Components.Friction;

/// <summary>
/// The after-check of a linked metric, one of the conditions of the closing checklist: two periods
/// are chosen, the metric's totals for them are read from the data, and the checklist says whether
/// the change is a real improvement or within the noise.
/// </summary>
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

    private static Task ChooseAsync(IRenderedComponent<ContainerFragment> page, string label, string period) =>
        page.InvokeAsync(() => page.FindComponents<MudSelect<Period?>>().Single(s => s.Instance.Label == label).Instance.ValueChanged.InvokeAsync(Period.Parse(period)));

    private static void Click(IRenderedComponent<ContainerFragment> page, string button) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == button).Click();

    private static string MetricLine(IRenderedComponent<ContainerFragment> page) =>
        page.FindAll("[data-testid=check-done], [data-testid=check-missing]").Single(c => c.TextContent.Contains("Net Promoter Score")).TextContent;

    private async Task<LinkedMetric> StoredAsync(int id)
    {
        await using var db = Database.CreateDbContext();
        return await db.Set<LinkedMetric>().SingleAsync(m => m.FrictionIssueId == id);
    }

    [Fact]
    public async Task A_check_without_the_period_after_asks_for_it_beside_the_field_and_records_nothing()
    {
        var (page, id) = await RenderCheckFormAsync();
        await ChooseAsync(page, "Before the fix", "2026-08");

        Click(page, "Record check");

        page.WaitForAssertion(() => Assert.Equal("Choose the period after.", page.ErrorUnder("After the fix")));
        Assert.Null(page.ErrorUnder("Before the fix"));
        Assert.False((await StoredAsync(id)).IsChecked);
    }

    [Fact]
    public async Task A_significant_improvement_shows_its_figures_with_their_answers_and_ticks_the_checklist()
    {
        await Data.MonthlyTotalAsync(Data.Nps, "2026-08", 40.5, sampleSize: 1200, margin: 3.1);
        await Data.MonthlyTotalAsync(Data.Nps, "2026-10", 47.3, sampleSize: 1150, margin: 3.0);
        var (page, id) = await RenderCheckFormAsync();
        await ChooseAsync(page, "Before the fix", "2026-08");
        await ChooseAsync(page, "After the fix", "2026-10");

        Click(page, "Record check");

        page.WaitForAssertion(() => Assert.Contains("+6.8, a real improvement", page.Find("[data-testid=metric-finding]").TextContent));
        Assert.Contains("Before: +41 in 2026-08 (n = 1,200, ±3.1) · After: +47 in 2026-10 (n = 1,150, ±3.0)", page.Find("[data-testid=metric-check]").TextContent);
        Assert.StartsWith("Done: Net Promoter Score improved", MetricLine(page).Trim());
        Assert.True((await StoredAsync(id)).ShowsRealImprovement);
    }

    [Fact]
    public async Task A_change_within_the_noise_is_missing_from_the_checklist_until_a_reason_is_given()
    {
        await Data.MonthlyTotalAsync(Data.Nps, "2026-08", 40.45, sampleSize: 310, margin: 5.9);
        await Data.MonthlyTotalAsync(Data.Nps, "2026-10", 41.54, sampleSize: 325, margin: 5.8);
        var (page, id) = await RenderCheckFormAsync();
        await ChooseAsync(page, "Before the fix", "2026-08");
        await ChooseAsync(page, "After the fix", "2026-10");
        Click(page, "Record check");
        page.WaitForAssertion(() => Assert.Contains("+1.1, within the noise", MetricLine(page)));
        Assert.StartsWith("Missing:", MetricLine(page).Trim());

        Click(page, "Close without an improvement…");
        page.WaitForAssertion(() => page.InputUnder("Why close without a significant improvement?"));
        page.InputUnder("Why close without a significant improvement?").Change("Complaints about collection stopped; NPS lags a quarter.");
        Click(page, "Record reason");

        page.WaitForAssertion(() => Assert.StartsWith("Done: Net Promoter Score closes without a significant improvement", MetricLine(page).Trim()));
        Assert.Equal("Complaints about collection stopped; NPS lags a quarter.", (await StoredAsync(id)).ReasonToCloseWithoutImprovement);
    }
}
