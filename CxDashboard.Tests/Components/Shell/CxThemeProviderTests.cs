using Bunit;
using CxDashboard.Web.Components.Layout;
using MudBlazor;

namespace CxDashboard.Tests.Components.Shell;

public sealed class CxThemeProviderTests : ShellTestContext
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Each_mode_gets_exactly_the_stylesheet_MudBlazor_writes_for_it(bool dark)
    {
        var mudBlazors = Render<MudThemeProvider>(p => p.Add(t => t.Theme, CxTheme.Shared).Add(t => t.IsDarkMode, dark));
        var ours = Render<CxThemeProvider>(p => p.Add(t => t.Theme, CxTheme.Shared).Add(t => t.IsDarkMode, dark));

        Assert.Equal(mudBlazors.Markup, ours.Markup);
    }

    [Fact]
    public void Switching_to_dark_mode_switches_the_page_to_the_dark_palette_and_back()
    {
        var provider = Render<CxThemeProvider>(p => p.Add(t => t.Theme, CxTheme.Shared).Add(t => t.IsDarkMode, false));
        Assert.Equal("rgba(245,247,249,1)", Background(provider));

        provider.Render(p => p.Add(t => t.IsDarkMode, true));
        Assert.Equal("rgba(18,23,28,1)", Background(provider));

        provider.Render(p => p.Add(t => t.IsDarkMode, false));
        Assert.Equal("rgba(245,247,249,1)", Background(provider));
    }

    [Fact]
    public void A_theme_other_than_the_apps_is_written_as_given()
    {
        var theme = new MudTheme { PaletteLight = new PaletteLight { Background = "#102030" } };

        var provider = Render<CxThemeProvider>(p => p.Add(t => t.Theme, theme));

        Assert.Equal("rgba(16,32,48,1)", Background(provider));
    }

    private static string Background(IRenderedComponent<CxThemeProvider> provider)
    {
        var css = provider.FindAll("style.mud-theme-provider").Single().TextContent;
        var start = css.IndexOf("--mud-palette-background:", StringComparison.Ordinal) + "--mud-palette-background:".Length;
        return css[start..css.IndexOf(';', start)].Trim();
    }
}
