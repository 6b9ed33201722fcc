using Bunit;
using CxDashboard.Domain.Feedback;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Features.Themes;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace CxDashboard.Tests.Components.Themes;

/// <summary>The head of CX deletes a theme from the catalogue after a confirmation that says how many items carry it.</summary>
public sealed class ThemesPageDeleteTests : ThemesPageTest
{
    private (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<ThemesPage> Page) OpenWithDialogs()
    {
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        return (dialogs, Open("/themes"));
    }

    private async Task<int> RefundsCarriedByTwoAsync()
    {
        var refunds = await ThemeAsync("Refunds", "refund*");
        await Data.Service().RecordAsync(Data.Command(Data.Store, ScoreScale.Nps, 2, verbatim: "Still no refund"), Data.CxLead);
        await Data.Service().RecordAsync(Data.Command(Data.Store, ScoreScale.Nps, 3, verbatim: "Refund took weeks"), Data.CxLead);
        return refunds;
    }

    private async Task<bool> StoredAsync(int themeId)
    {
        await using var db = Data.Database.CreateDbContext();
        return await db.Themes.AnyAsync(t => t.Id == themeId);
    }

    [Fact]
    public async Task Deleting_asks_first_naming_how_many_items_carry_the_theme_and_keeping_it_changes_nothing()
    {
        var refunds = await RefundsCarriedByTwoAsync();
        var (dialogs, page) = OpenWithDialogs();

        page.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Delete Refunds").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Delete the theme 'Refunds'?", dialogs.Markup));
        Assert.Contains("2 items carry it: those tags go with the theme, and so do its links to friction issues.", dialogs.Markup);
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Keep it").Click();

        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Delete the theme 'Refunds'?", dialogs.Markup));
        Assert.True(await StoredAsync(refunds));
    }

    [Fact]
    public async Task Confirming_deletes_the_theme_and_the_catalogue_no_longer_lists_it()
    {
        var refunds = await RefundsCarriedByTwoAsync();
        var (dialogs, page) = OpenWithDialogs();

        page.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Delete Refunds").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Delete the theme 'Refunds'?", dialogs.Markup));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete the theme").Click();

        page.WaitForAssertion(() => Assert.Contains("The theme 'Refunds' is deleted, with its tags on 2 items.", page.Markup));
        Assert.False(await StoredAsync(refunds));
        Assert.DoesNotContain(page.FindComponent<ThemeCatalogueTable>().Instance.Catalogue, t => t.Id == refunds);
    }

    [Fact]
    public async Task A_theme_with_themes_under_it_is_refused_with_their_names_without_asking()
    {
        var delivery = await ThemeAsync("Delivery", "deliver*");
        await ThemeAsync("Late", "late", delivery);
        var (dialogs, page) = OpenWithDialogs();

        page.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Delete Delivery").Click();

        page.WaitForAssertion(() => Assert.Contains("'Delivery' has 1 theme under it (Late): delete them or move them to another theme first.", page.Markup));
        Assert.DoesNotContain("Delete the theme", dialogs.Markup);
        Assert.True(await StoredAsync(delivery));
    }
}

/// <summary>A lead may propose and edit their proposals, but is offered no way to delete a theme.</summary>
public sealed class ThemesPageDeleteForLeadTests : ThemesPageTest
{
    protected override (string Name, string Role) SignedIn => ("Dana Reid", Roles.ChannelLead);

    [Fact]
    public async Task A_channel_lead_is_offered_no_delete_button()
    {
        await ThemeAsync("Refunds", "refund*");

        var page = Open("/themes");

        Assert.Contains("Refunds", page.Markup);
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() == "Delete");
    }
}
