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
using MudBlazor;

namespace CxDashboard.Tests.Components.Friction;

/// <summary>"Who was told", one of the conditions of the closing checklist.</summary>
public sealed class PeopleToldFormTests : FrictionComponentTest
{
    private async Task<(IRenderedComponent<ContainerFragment> Page, int Id)> RenderResolvedIssueAsync()
    {
        var id = await Data.IssueAsync(status: FrictionStatus.Resolved);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/friction/{id}");
        var page = ComponentHost.RenderWithPopovers<FrictionIssuePage>(this, b => b.AddComponentParameter(2, nameof(FrictionIssuePage.Id), id));
        page.WaitForAssertion(() => Assert.Contains("Record who was told", page.Markup));
        return (page, id);
    }

    private static void Record(IRenderedComponent<ContainerFragment> page) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Record who was told").Click();

    private async Task<FrictionIssue> StoredAsync(int id)
    {
        await using var db = Database.CreateDbContext();
        return await db.FrictionIssues.SingleAsync(i => i.Id == id);
    }

    [Fact]
    public async Task Recording_without_an_audience_or_how_names_both_and_records_nothing()
    {
        var (page, id) = await RenderResolvedIssueAsync();

        Record(page);

        page.WaitForAssertion(() => Assert.Equal("Choose customers, front-line staff, or both.", page.Find("[role=alert]").TextContent.Trim()));
        Assert.Equal("Say how they were told (e-mail, store briefing, …).", page.ErrorUnder("How they were told"));
        Assert.Null(page.ErrorUnder("When"));
        Assert.Equal(ToldAudience.None, (await StoredAsync(id)).Told);
    }

    [Fact]
    public async Task Customers_told_by_e_mail_today_tick_the_checklist()
    {
        var (page, id) = await RenderResolvedIssueAsync();

        page.FindComponents<MudCheckBox<bool>>().Single(c => c.Instance.Label == "Customers").Find("input").Change(true);
        page.InputUnder("How they were told").Change("E-mail to every customer who complained");
        Record(page);

        page.WaitForAssertion(() => Assert.Contains("Customers told on 23 Nov 2026: E-mail to every customer who complained", page.Markup));
        var stored = await StoredAsync(id);
        Assert.Equal((ToldAudience.Customers, "E-mail to every customer who complained"), (stored.Told, stored.ToldHow));
    }

    [Fact]
    public async Task Enter_in_how_they_were_told_records_it()
    {
        var (page, id) = await RenderResolvedIssueAsync();

        page.FindComponents<MudCheckBox<bool>>().Single(c => c.Instance.Label == "Front-line staff").Find("input").Change(true);
        var how = page.InputUnder("How they were told");
        how.Change("Store briefing on Monday");
        how.PressEnterIn();

        page.WaitForAssertion(() => Assert.Contains("Front-line staff told on 23 Nov 2026: Store briefing on Monday", page.Markup));
        var stored = await StoredAsync(id);
        Assert.Equal((ToldAudience.FrontLineStaff, "Store briefing on Monday"), (stored.Told, stored.ToldHow));
    }
}
