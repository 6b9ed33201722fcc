using Bunit;
using CxDashboard.Domain.Common;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Metrics;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace CxDashboard.Tests.Components.Metrics;

/// <summary>Importing a metric's values from a file on its values page.</summary>
public sealed class ValuesImportTests : MetricsComponentTest
{
    private async Task<(IRenderedComponent<ValuesImport> Import, int Id)> RenderImportAsync()
    {
        var id = await Data.Metric("CONV").SaveAsync();
        var import = Render<ValuesImport>(p => p
            .Add(x => x.MetricId, id)
            .Add(x => x.Code, "CONV")
            .Add(x => x.Caller, Data.CxLead));
        return (import, id);
    }

    private async Task<int> ValueCountAsync()
    {
        await using var db = Data.Database.CreateDbContext();
        return await db.MetricValues.CountAsync();
    }

    [Fact]
    public async Task A_row_with_a_word_for_a_value_is_named_and_nothing_is_imported()
    {
        var (import, _) = await RenderImportAsync();

        import.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("Period,Channel,Value\n2026-10,,52\n2026-11,,abc\n", "values.csv"));

        import.WaitForAssertion(() => Assert.Contains("Nothing was imported from values.csv.", import.Find(".mud-alert").TextContent));
        Assert.Contains("The value 'abc' is not a number (use a dot for decimals).", import.Find(".mud-alert").TextContent);
        Assert.Equal(0, await ValueCountAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_a_spreadsheet_is_refused_with_what_to_upload()
    {
        var (import, _) = await RenderImportAsync();

        import.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("just some notes", "notes.txt"));

        import.WaitForAssertion(() => Assert.Contains("Upload an Excel workbook (.xlsx) or a CSV file (.csv).", import.Find(".mud-alert").TextContent));
        Assert.Equal(0, await ValueCountAsync());
    }

    [Fact]
    public async Task A_valid_file_records_its_values_and_says_how_many()
    {
        var (import, id) = await RenderImportAsync();

        import.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("Period,Channel,Value\n2026-10,,52.5\n", "values.csv"));

        import.WaitForAssertion(() => Assert.Contains("values.csv: 1 value recorded or corrected.", import.Find(".mud-alert").TextContent));
        await using var db = Data.Database.CreateDbContext();
        var value = await db.MetricValues.SingleAsync();
        Assert.Equal((id, Period.Parse("2026-10"), 52.5), (value.MetricDefinitionId, value.Period, value.Value));
    }
}
