using Bunit;
using CxDashboard.Domain.Themes;
using CxDashboard.Tests.Components.Feedback;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Features.Themes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CxDashboard.Tests.Components.Themes;

/// <summary>The themes page over the feedback tests' retailer, with the theme services, signed in as the head of CX unless a test says otherwise.</summary>
public abstract class ThemesPageTest : FeedbackComponentTest
{
    protected virtual (string Name, string Role) SignedIn => ("Dana Reid", Roles.CxLead);

    protected ThemeService Themes { get; private set; } = null!;

    protected override Task PrepareAsync()
    {
        var (name, role) = SignedIn;
        SignInAs(name, role, Data.Dana, Data.StoresTeam);
        var retagging = new ThemeRetagging(Data.Database, new ThemeTagger(Data.Search), NullLogger<ThemeRetagging>.Instance);
        Themes = new ThemeService(Data.Database, Data.Clock, Data.Search, retagging);
        Services.AddSingleton(Themes);
        Services.AddSingleton(new EmergingPhrases(Data.Database, Data.Clock));
        return Task.CompletedTask;
    }

    /// <summary>Adds an active theme whose tags are up to date (feedback recorded afterwards is tagged on arrival).</summary>
    protected async Task<int> ThemeAsync(string name, string rule, int? parentId = null)
    {
        await using var db = Data.Database.CreateDbContext();
        var parent = parentId is { } id ? db.Themes.Single(t => t.Id == id) : null;
        var theme = Theme.Create(name, parent, rule, Data.Dana);
        theme.MarkTagged(theme.Rule);
        db.Themes.Add(theme);
        await db.SaveChangesAsync();
        return theme.Id;
    }

    protected IRenderedComponent<ThemesPage> Open(string address)
    {
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo(address);
        var page = Render<ThemesPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.FindComponent<ThemeEffectsTable>().Instance.Impact));
        return page;
    }
}
