using System.Text;
using ClosedXML.Excel;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Metrics;
using CxDashboard.Web.Features.Metrics;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Tests.Features.Metrics;

public sealed class MetricValuesTests : IAsyncLifetime
{
    private MetricsData _data = null!;

    public async Task InitializeAsync() => _data = await MetricsData.CreateAsync();

    public async Task DisposeAsync() => await _data.DisposeAsync();

    private async Task<int> CountValuesAsync()
    {
        await using var db = _data.Database.CreateDbContext();
        return await db.MetricValues.CountAsync();
    }

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task An_import_with_one_bad_row_changes_nothing_and_names_that_row_and_why()
    {
        var id = await _data.Metric("CONV").AgreedBy(_data.StoresTeam).SaveAsync();

        var result = await _data.Importer.ImportAsync(_data.CxLead, id, "values.csv",
            Csv("Period,Channel,Value\n2026-10,store,55\n2026-10,web,140\n2026-10,,60\n"));

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(3, problem.Row);
        Assert.Contains("A percentage must be between 0 and 100", problem.Reason);
        Assert.Equal(0, await CountValuesAsync());
    }

    [Fact]
    public async Task Every_bad_row_of_a_file_is_listed_before_anything_is_written()
    {
        var id = await _data.Metric("CONV").SaveAsync();

        var result = await _data.Importer.ImportAsync(_data.CxLead, id, "values.csv",
            Csv("Period;Channel;Value;SampleSize\n2026-13;store;5;\n2026-10;mars;5;\n2026-10;web;lots;\n2027-01;;5;\n2026-10;store;5;2.5\n2026-W44;store;5;\n"));

        Assert.Equal([2, 3, 4, 5, 6, 7], result.Problems.Select(p => p.Row));
        Assert.Contains("'2026-13' is not a period", result.Problems[0].Reason);
        Assert.Contains("'mars' is not a channel code", result.Problems[1].Reason);
        Assert.Contains("'lots' is not a number", result.Problems[2].Reason);
        Assert.Contains("future periods", result.Problems[3].Reason);
        Assert.Contains("not a whole number", result.Problems[4].Reason);
        Assert.Contains("recorded per month", result.Problems[5].Reason);
        Assert.Equal(0, await CountValuesAsync());
    }

    [Fact]
    public async Task A_workbook_filled_in_from_the_template_imports_every_row()
    {
        var id = await _data.Metric("CSAT-SURVEY").RolledUpBy(Aggregation.WeightedBySample).SaveAsync();
        var template = MetricValuesTemplate.Build((await _data.Service.GetTemplateInfoAsync("csat-survey"))!);
        using var workbook = new XLWorkbook(new MemoryStream(template));
        var sheet = workbook.Worksheet("Values");
        sheet.Cell(2, 1).SetValue("2026-10");
        sheet.Cell(2, 2).SetValue("store");
        sheet.Cell(2, 3).SetValue(81.5);
        sheet.Cell(2, 4).SetValue(240);
        sheet.Cell(3, 1).SetValue("2026-10");
        sheet.Cell(3, 3).SetValue(79);
        using var filled = new MemoryStream();
        workbook.SaveAs(filled);
        filled.Position = 0;

        var result = await _data.Importer.ImportAsync(_data.CxLead, id, "filled.xlsx", filled);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems.Select(p => p.Reason)));
        Assert.Equal(2, result.Saved);
        var grid = await _data.Service.GetValueGridAsync(_data.CxLead, id, Period.Parse("2026-10"));
        Assert.Equal((81.5, (int?)240), (grid!.CellAt(Period.Parse("2026-10"), _data.Store)!.Value, grid.CellAt(Period.Parse("2026-10"), _data.Store)!.SampleSize));
        Assert.Equal(79, grid.CellAt(Period.Parse("2026-10"), null)!.Value);
    }

    [Fact]
    public async Task Importing_again_corrects_the_existing_value_instead_of_adding_one()
    {
        var id = await _data.Metric("CONV").SaveAsync();
        await _data.AddValuesAsync(id, ("2026-10", _data.Store, 50, null));

        var result = await _data.Importer.ImportAsync(_data.CxLead, id, "values.csv", Csv("Period,Channel,Value\n2026-10,STORE,52\n"));

        Assert.True(result.Succeeded);
        await using var db = _data.Database.CreateDbContext();
        Assert.Equal(52, (await db.MetricValues.SingleAsync()).Value);
    }

    [Theory]
    [InlineData("values.xlsx", "PK\u0003\u0004 definitely not a workbook", "not an Excel workbook")]
    [InlineData("values.xlsx", "", "The file is empty.")]
    [InlineData("values.pdf", "%PDF-1.7", "Upload an Excel workbook (.xlsx) or a CSV file (.csv).")]
    [InlineData("values.csv", "Period,Value\n2026-10,5\n", "no 'Channel' column")]
    [InlineData("values.csv", "Period,Channel,Value,Comment\n2026-10,,5,\n", "'Comment'")]
    [InlineData("values.csv", "Period,Channel,Value\n", "no values")]
    public async Task A_file_that_cannot_be_read_as_values_gets_a_clear_message(string fileName, string content, string message)
    {
        var id = await _data.Metric("CONV").SaveAsync();

        var result = await _data.Importer.ImportAsync(_data.CxLead, id, fileName, Csv(content));

        Assert.Contains(message, Assert.Single(result.Problems).Reason);
        Assert.Equal(0, await CountValuesAsync());
    }

    [Fact]
    public async Task A_file_over_ten_megabytes_is_refused()
    {
        var id = await _data.Metric("CONV").SaveAsync();

        var result = await _data.Importer.ImportAsync(_data.CxLead, id, "huge.csv", new MemoryStream(new byte[MetricValuesImporter.MaxFileBytes + 1]));

        Assert.Contains("larger than 10 MB", Assert.Single(result.Problems).Reason);
    }

    [Fact]
    public async Task A_channel_lead_is_refused_values_for_a_channel_another_team_owns()
    {
        var id = await _data.Metric("CONV").AgreedBy(_data.StoresTeam).SaveAsync();
        var october = Period.Parse("2026-10");

        var refused = await _data.Commands.SaveValuesAsync(_data.StoresLead, id,
            [new ValueInput(1, october, _data.Store, 40, null), new ValueInput(2, october, _data.Web, 35, null)]);

        Assert.False(refused.Succeeded);
        Assert.Equal("You may enter values only for channels your team owns; Website belongs to another team.", Assert.Single(refused.Problems).Reason);
        Assert.Equal(0, await CountValuesAsync());

        var own = await _data.Commands.SaveValuesAsync(_data.StoresLead, id, [new ValueInput(1, october, _data.Store, 40, null)]);
        Assert.True(own.Succeeded);
        var grid = await _data.Service.GetValueGridAsync(_data.StoresLead, id);
        Assert.Equal([true, false, false, false], grid!.Columns.Select(c => c.Editable));
    }

    [Fact]
    public async Task A_value_changed_by_someone_else_since_the_grid_was_opened_is_not_overwritten()
    {
        var id = await _data.Metric("CONV").SaveAsync();
        var october = Period.Parse("2026-10");
        await _data.AddValuesAsync(id, ("2026-10", _data.Store, 50, null));
        var seen = (await _data.Service.GetValueGridAsync(_data.CxLead, id))!.CellAt(october, _data.Store)!.Version;
        await _data.Commands.SaveValuesAsync(_data.StoresLead, id, [new ValueInput(1, october, _data.Store, 51, null, true, seen)]);

        var result = await _data.Commands.SaveValuesAsync(_data.CxLead, id, [new ValueInput(1, october, _data.Store, 60, null, true, seen)]);

        Assert.Contains("changed by someone else", Assert.Single(result.Problems).Reason);
        Assert.Contains("51.0%", result.Problems[0].Reason);
    }

    [Fact]
    public async Task The_import_template_is_a_workbook_with_the_six_columns()
    {
        await _data.Metric("CONV").SaveAsync();

        var bytes = MetricValuesTemplate.Build((await _data.Service.GetTemplateInfoAsync("conv"))!);

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var header = workbook.Worksheet("Values").Row(1).Cells(1, 6).Select(c => c.GetString());
        Assert.Equal(["Period", "Channel", "Value", "SampleSize", "Low", "High"], header);
        Assert.Contains("store", workbook.Worksheet("How to fill in").Column(1).CellsUsed().Select(c => c.GetString()));
    }
}
