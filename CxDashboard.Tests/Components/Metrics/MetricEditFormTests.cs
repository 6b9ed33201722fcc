using Bunit;
using CxDashboard.Tests.Components.Forms;
using CxDashboard.Web.Features.Metrics;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CxDashboard.Tests.Components.Metrics;

/// <summary>The metric form used to propose a new metric and to edit or revise one, with its targets.</summary>
public sealed class MetricEditFormTests : MetricsComponentTest
{
    private IRenderedComponent<MetricEditPage> RenderNewMetric()
    {
        var page = Render<MetricEditPage>();
        page.WaitForAssertion(() => Assert.Contains("Save draft", page.Markup));
        return page;
    }

    private static void Click(IRenderedComponent<MetricEditPage> page, string text) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == text).Click();

    private async Task<int> MetricCountAsync()
    {
        await using var db = Data.Database.CreateDbContext();
        return await db.Metrics.CountAsync();
    }

    [Fact]
    public async Task Saving_an_empty_metric_names_each_missing_field_beside_it_and_saves_nothing()
    {
        var page = RenderNewMetric();

        Click(page, "Save draft");

        page.WaitForAssertion(() => Assert.Equal("Enter a short code.", page.ErrorUnder("Code")));
        Assert.Equal("Enter the name.", page.ErrorUnder("Name"));
        Assert.Equal("Say what the metric measures.", page.ErrorUnder("What it measures"));
        Assert.Equal("Enter the formula.", page.ErrorUnder("Formula"));
        Assert.Equal("Name the data source.", page.ErrorUnder("Data source"));
        Assert.Equal("Choose at least one channel the metric applies to.", page.ErrorUnder("Channels it applies to"));
        Assert.Contains("Some fields need attention; see the messages next to them.", page.Find(".mud-alert").TextContent);
        Assert.Equal(0, await MetricCountAsync());
    }

    [Fact]
    public async Task A_target_quarter_written_another_way_is_refused_with_the_expected_form()
    {
        var page = RenderNewMetric();
        page.InputUnder("Code").Change("CONV");
        page.InputUnder("Name").Change("Online conversion");
        page.InputUnder("What it measures").Change("Share of web sessions that end in an order.");
        page.InputUnder("Formula").Change("Orders / sessions");
        page.InputUnder("Data source").Change("Web analytics");
        await page.InvokeAsync(() => page.FindComponents<MudSelect<int>>().Single(s => s.Instance.Label == "Channels it applies to")
            .Instance.SelectedValuesChanged.InvokeAsync([Data.Store]));
        Click(page, "Add a target");
        page.Find("input[aria-label='Quarter of target 1']").Change("Q3 2026");
        page.Find("input[aria-label='Value of target 1']").Change("40");

        Click(page, "Save draft");

        page.WaitForAssertion(() => Assert.Equal("Write the quarter as 2026-Q3.", page.ErrorUnder("Quarter")));
        Assert.Equal(0, await MetricCountAsync());

        page.Find("input[aria-label='Quarter of target 1']").Change("2026-Q3");
        Click(page, "Save draft");

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Matches(@"/metrics/\d+$", navigation.Uri));
        Assert.Equal(1, await MetricCountAsync());
    }

    [Fact]
    public async Task Saving_over_a_change_someone_else_saved_first_warns_shows_their_revision_and_saves_on_the_second_try()
    {
        var id = await Data.Metric("CONV").Named("Online conversion").SaveAsync();
        var page = Render<MetricEditPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.Contains("Save draft", page.Markup));
        var (theirs, version) = (await Data.Commands.GetFormAsync(id))!.Value;
        theirs.Name = "Web conversion";
        await Data.Commands.UpdateAsync(Data.CxLead, id, version, theirs, propose: false);
        page.InputUnder("Name").Change("Site conversion");

        Click(page, "Save draft");

        page.WaitForAssertion(() => Assert.Single(page.FindAll(".mud-alert-text-warning")));
        Assert.Contains("Web conversion: revision", page.Markup);
        Assert.Contains("as saved now", page.Markup);
        Assert.Equal("Web conversion", (await Data.Commands.GetFormAsync(id))!.Value.Form.Name);

        Click(page, "Save draft");

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith($"/metrics/{id}", navigation.Uri));
        Assert.Equal("Site conversion", (await Data.Commands.GetFormAsync(id))!.Value.Form.Name);
    }
}
