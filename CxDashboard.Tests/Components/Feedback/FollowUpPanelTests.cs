using Bunit;
using CxDashboard.Domain.Feedback;
using CxDashboard.Tests.Components.Forms;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Features.Feedback;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace CxDashboard.Tests.Components.Feedback;

/// <summary>The follow-up panel on a feedback item: the note that records the contact and the resolution.</summary>
public sealed class FollowUpPanelTests : FeedbackComponentTest
{
    protected override Task PrepareAsync()
    {
        SignInAs("Dana Reid", Roles.ChannelLead, Data.Dana, Data.StoresTeam);
        return Task.CompletedTask;
    }

    private async Task<(IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<FeedbackDetailPage> Page, int Id)> RenderDetractorAsync()
    {
        var id = await Data.Feedback().On(Data.Store).Nps(2).Saying("Nobody could find my order.").WithFollowUp().AddAsync();
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var page = Render<FeedbackDetailPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.Contains("Mark contacted", page.Markup));
        return (dialogs, page, id);
    }

    private static void Click(IRenderedComponent<FeedbackDetailPage> page, string text) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == text).Click();

    private async Task<FeedbackItem> StoredAsync(int id)
    {
        await using var db = Data.Database.CreateDbContext();
        return await db.Feedback.SingleAsync(f => f.Id == id);
    }

    [Fact]
    public async Task Marking_contacted_without_a_note_asks_for_it_beside_the_note_and_records_nothing()
    {
        var (_, page, id) = await RenderDetractorAsync();

        Click(page, "Mark contacted");

        page.WaitForAssertion(() => Assert.Equal("Write how the customer was contacted: what was said and agreed.",
            page.ErrorUnder("How the customer was contacted")));
        var stored = await StoredAsync(id);
        Assert.Equal((FollowUpStatus.Open, (string?)null), (stored.FollowUpStatus, stored.FollowUpNote));
    }

    [Fact]
    public async Task Resolving_without_a_note_asks_for_it_before_any_confirmation()
    {
        var (dialogs, page, id) = await RenderDetractorAsync();

        Click(page, "Resolve");

        page.WaitForAssertion(() => Assert.Equal("Write how it was resolved: what was said and agreed.",
            page.ErrorUnder("How the customer was contacted")));
        Assert.DoesNotContain("Resolve the follow-up?", dialogs.Markup);
        Assert.Equal(FollowUpStatus.Open, (await StoredAsync(id)).FollowUpStatus);
    }

    [Fact]
    public async Task A_contact_note_is_saved_and_the_follow_up_moves_on()
    {
        var (_, page, id) = await RenderDetractorAsync();

        page.InputUnder("How the customer was contacted").Change("Called; the order is ready at the desk from tomorrow.");
        Click(page, "Mark contacted");

        page.WaitForAssertion(() => Assert.Contains("The contact is recorded.", page.Markup));
        var stored = await StoredAsync(id);
        Assert.Equal((FollowUpStatus.Contacted, "Called; the order is ready at the desk from tomorrow."), (stored.FollowUpStatus, stored.FollowUpNote));
    }
}
