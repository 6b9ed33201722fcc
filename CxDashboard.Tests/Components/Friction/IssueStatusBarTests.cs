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

/// <summary>The words a status step asks for on the issue page: the won't-fix reason, the resolution, why a fix did not hold.</summary>
public sealed class IssueStatusBarTests : FrictionComponentTest
{
    private IRenderedComponent<ContainerFragment> RenderIssue(int id)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/friction/{id}");
        var page = ComponentHost.RenderWithPopovers<FrictionIssuePage>(this, b => b.AddComponentParameter(2, nameof(FrictionIssuePage.Id), id));
        page.WaitForAssertion(() => Assert.Contains("Closing the loop", page.Markup));
        return page;
    }

    private static void Click(IRenderedComponent<ContainerFragment> page, string text) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == text).Click();

    private async Task<FrictionIssue> StoredAsync(int id)
    {
        await using var db = Database.CreateDbContext();
        return await db.FrictionIssues.SingleAsync(i => i.Id == id);
    }

    [Fact]
    public async Task Marking_won_t_fix_without_a_reason_asks_for_it_beside_the_box_and_the_issue_stays_open()
    {
        var id = await Data.IssueAsync(status: FrictionStatus.Triaged);
        var page = RenderIssue(id);

        Click(page, "Won't fix…");
        Click(page, "Mark won't fix");

        page.WaitForAssertion(() => Assert.Equal("Say why it won't be fixed.", page.ErrorUnder("Reason it won't be fixed")));
        Assert.Equal("1000", page.InputUnder("Reason it won't be fixed").GetAttribute("maxlength"));
        Assert.Equal(FrictionStatus.Triaged, (await StoredAsync(id)).Status);
    }

    [Fact]
    public async Task A_won_t_fix_reason_is_saved_with_the_status()
    {
        var id = await Data.IssueAsync(status: FrictionStatus.Triaged);
        var page = RenderIssue(id);

        Click(page, "Won't fix…");
        page.InputUnder("Reason it won't be fixed").Change("The lockers are replaced next spring.");
        Click(page, "Mark won't fix");

        page.WaitForAssertion(() => Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() == "Mark won't fix"));
        var stored = await StoredAsync(id);
        Assert.Equal((FrictionStatus.WontFix, "The lockers are replaced next spring."), (stored.Status, stored.WontFixReason));
    }

    [Fact]
    public async Task Resolving_without_saying_what_changed_asks_for_it_and_the_issue_stays_in_progress()
    {
        var id = await Data.IssueAsync(status: FrictionStatus.InProgress);
        var page = RenderIssue(id);

        Click(page, "Resolve…");
        Click(page, "Resolve");

        page.WaitForAssertion(() => Assert.Equal("Describe what was changed to resolve it.", page.ErrorUnder("Resolution")));
        Assert.Equal(FrictionStatus.InProgress, (await StoredAsync(id)).Status);
    }

    [Fact]
    public async Task Reopening_without_saying_why_the_fix_did_not_hold_is_refused()
    {
        var id = await Data.IssueAsync(status: FrictionStatus.Resolved);
        var page = RenderIssue(id);

        Click(page, "Reopen…");
        Click(page, "Reopen");

        page.WaitForAssertion(() => Assert.Equal("Say why the fix did not hold.", page.ErrorUnder("Why it did not hold")));
        Assert.Equal(FrictionStatus.Resolved, (await StoredAsync(id)).Status);
    }
}
