using Bunit;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Metrics;
using CxDashboard.Tests.Features.Metrics;
using CxDashboard.Web.Features.Metrics;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CxDashboard.Tests.Components.Metrics;

public sealed class MetricComponentsTests : MetricsComponentTest
{
    [Fact]
    public async Task Choosing_a_dimension_narrows_the_catalogue_to_that_dimension()
    {
        await Data.Metric("NPS").Named("Net Promoter Score").In(MetricDimension.Advocacy).SaveAsync();
        await Data.Metric("CES").Named("Customer effort").In(MetricDimension.EffortSatisfaction).SaveAsync();
        var page = Render<MetricCatalogue>();
        page.WaitForAssertion(() => Assert.Contains("Customer effort", page.Markup));

        var dimension = page.FindComponent<MudSelect<MetricDimension?>>();
        await page.InvokeAsync(() => dimension.Instance.ValueChanged.InvokeAsync(MetricDimension.Advocacy));

        page.WaitForAssertion(() =>
        {
            Assert.Contains("Net Promoter Score", page.Markup);
            Assert.DoesNotContain("Customer effort", page.Markup);
        });
    }

    [Fact]
    public async Task A_status_in_the_address_preselects_the_filter()
    {
        await Data.Metric("NPS").Named("Net Promoter Score").AgreedBy(Data.StoresTeam).SaveAsync();
        await Data.Metric("CES").Named("Customer effort").SaveAsync();
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("/metrics?status=Agreed");

        var page = Render<MetricCatalogue>();

        page.WaitForAssertion(() => Assert.Contains("Net Promoter Score", page.Markup));
        Assert.DoesNotContain("Customer effort", page.Markup);
    }

    [Fact]
    public async Task An_out_of_range_value_in_the_grid_shows_why_next_to_the_cell()
    {
        var id = await Data.Metric("CONV").SaveAsync();
        var grid = (await Data.Service.GetValueGridAsync(Data.CxLead, id, Period.Parse("2026-11")))!;
        IReadOnlyList<ValueInput>? saved = null;

        var editor = Render<ValueGridEditor>(p => p
            .Add(e => e.Grid, grid)
            .Add(e => e.OnSave, (IReadOnlyList<ValueInput> inputs) => saved = inputs));
        editor.Find("input[aria-label='Store, 2026-11']").Change("150");

        Assert.Contains("A percentage must be between 0 and 100.", editor.Markup);
        Assert.True(editor.FindAll("button").Single(b => b.TextContent.Contains("Save values")).HasAttribute("disabled"));

        editor.Find("input[aria-label='Store, 2026-11']").Change("45.5");
        Assert.DoesNotContain("A percentage must be between", editor.Markup);
        editor.FindAll("button").Single(b => b.TextContent.Contains("Save values")).Click();
        var input = Assert.Single(saved!);
        Assert.Equal((Period.Parse("2026-11"), (int?)Data.Store, 45.5, true, (int?)null), (input.Period, input.ChannelId, input.Value, input.CheckVersion, input.VersionSeen));
    }

    [Fact]
    public async Task A_computed_metric_shows_its_values_read_only()
    {
        var id = await Data.Metric("NPS").ComputedFrom(CxDashboard.Domain.Feedback.ScoreScale.Nps).On(Data.Store).SaveAsync();
        await Data.AddScoresAsync(Data.Store, CxDashboard.Domain.Feedback.ScoreScale.Nps, MetricsData.Now.AddDays(-2), 10, 10, 3);
        var grid = (await Data.Service.GetValueGridAsync(Data.CxLead, id))!;

        var editor = Render<ValueGridEditor>(p => p.Add(e => e.Grid, grid));

        Assert.Empty(editor.FindAll("input"));
        Assert.Contains("+33", editor.Markup);
        Assert.Contains("(n=3)", editor.Markup);
    }

    [Fact]
    public async Task The_metric_page_shows_the_revision_in_force_beside_the_one_waiting_for_sign_off()
    {
        var id = await Data.Metric("CONV").Named("Online conversion").Target("2026-Q4", 40, 2).AgreedBy(Data.StoresTeam).SaveAsync();
        await Data.AddValuesAsync(id, ("2026-10", null, 39, null), ("2026-10", Data.Web, 41, null));
        var (form, version) = (await Data.Commands.GetFormAsync(id))!.Value;
        form.Targets[0].Value = 45;
        await Data.Commands.UpdateAsync(Data.CxLead, id, version, form, propose: false);

        var page = Render<MetricPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.Contains("In force: revision 1", page.Markup));
        Assert.Contains("Proposed: revision 2, waiting for Customer Experience, Stores", page.Markup);
        Assert.Contains("Your team's answer to revision 2", page.Markup);
        page.WaitForAssertion(() => Assert.Contains("39.0%", page.Markup));
        Assert.Contains("New revision opened", page.Markup);
    }

    [Fact]
    public async Task The_prerendered_metric_page_shows_the_values_loading_and_leaves_computing_them_to_the_interactive_page()
    {
        var id = await Data.Metric("CONV").Named("Online conversion").Target("2026-Q4", 40, 2).AgreedBy(Data.StoresTeam).SaveAsync();
        await Data.AddValuesAsync(id, ("2026-10", null, 39, null));
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var page = Render<MetricPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.Contains("Online conversion", page.Markup));
        Assert.NotEmpty(page.FindAll("[aria-label='Loading the values']"));
        Assert.DoesNotContain("39.0%", page.Markup);
    }

    [Fact]
    public async Task The_values_page_offers_the_template_and_the_import()
    {
        var id = await Data.Metric("CONV").Named("Online conversion").SaveAsync();

        var page = Render<MetricValuesPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.Contains("Values of Online conversion", page.Markup));
        Assert.Contains("/export/metrics/CONV/values-template.xlsx", page.Markup);
        Assert.Contains("Import a file", page.Markup);
    }
}
