using Bunit;
using CxDashboard.Domain.Statistics;
using CxDashboard.Domain.Themes;
using CxDashboard.Web.Features.Themes;
using MudBlazor.Services;

namespace CxDashboard.Tests.Components.Themes;

public sealed class ThemeEffectsTableTests : BunitContext
{
    public ThemeEffectsTableTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    private string RowText(ThemeEffect effect)
    {
        var table = Render<ThemeEffectsTable>(p => p.Add(t => t.Impact,
            new ThemeImpact(500, [new ThemeImpactRow(1, "Refunds", effect.Mentioning.Size, 0.04, 0, 0, effect.Mentioning.Size, effect)])));
        return table.Find("tbody tr").TextContent;
    }

    [Fact]
    public void A_theme_mentioned_in_too_few_answers_shows_no_effect_only_how_few_they_are()
    {
        var text = RowText(new ThemeEffect(new NpsSample(0, 0, 2), new NpsSample(200, 150, 150)));

        Assert.Contains("too few answers (n = 2)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("−100", text, StringComparison.Ordinal);
        Assert.Contains("+10 (n = 500)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_theme_with_enough_answers_shows_its_effect_with_its_interval_and_whether_it_is_real()
    {
        var text = RowText(new ThemeEffect(new NpsSample(10, 20, 70), new NpsSample(200, 150, 150)));

        Assert.Contains("−60 (n = 100)", text, StringComparison.Ordinal);
        Assert.Matches(@"−70\.0 \(−\d+\.\d to −\d+\.\d\)", text);
        Assert.DoesNotContain("too few", text, StringComparison.Ordinal);
    }
}
