using System.Net;
using ClosedXML.Excel;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Friction;
using Microsoft.EntityFrameworkCore;
using static CxDashboard.Tests.Http.Exports.ExportSheet;

namespace CxDashboard.Tests.Http.Exports;

public sealed class ExportEndpointsTests(ExportAppFixture app) : IClassFixture<ExportAppFixture>
{
    private const string Today = "2026-11-23";

    [Fact]
    public async Task The_feedback_export_has_a_frozen_filtered_header_typed_cells_and_formula_text_kept_as_text()
    {
        var client = await app.SignedInAsync(ExportAppFixture.HeadOfCx);

        var (workbook, fileName) = await ExportAppFixture.DownloadAsync(client, "/export/feedback.xlsx");

        using (workbook)
        {
            Assert.Equal($"feedback-{Today}.xlsx", fileName);
            var sheet = workbook.Worksheet(1);
            Assert.Equal(["Id", "Received (UTC)", "Channel", "Journey stage", "Source", "Category", "Sentiment", "Score scale", "Score",
                "Score band", "What was said", "Customer reference", "Follow-up", "Follow-up due (UTC)", "Friction issue", "Themes"], Headers(sheet));
            Assert.Equal(1, sheet.SheetView.SplitRow);
            Assert.True(sheet.AutoFilter.IsEnabled);
            Assert.Equal(501, DataRows(sheet).Count());

            // Newest first: the complaint added last is on the first row.
            var said = Cell(sheet, 2, "What was said");
            Assert.False(said.HasFormula);
            Assert.Equal(XLDataType.Text, said.DataType);
            Assert.Equal("'" + ExportAppFixture.FormulaVerbatim, said.GetString());
            Assert.Equal(ExportAppFixture.CustomerRef, Cell(sheet, 2, "Customer reference").GetString());
            Assert.Equal(XLDataType.Number, Cell(sheet, 2, "Id").DataType);
            Assert.Equal(XLDataType.DateTime, Cell(sheet, 2, "Received (UTC)").DataType);
            Assert.Equal(ExportAppFixture.Now, Cell(sheet, 2, "Received (UTC)").GetDateTime());
            var scored = DataRows(sheet).First(r => !Cell(sheet, r.RowNumber(), "Score").IsEmpty());
            Assert.Equal(XLDataType.Number, Cell(sheet, scored.RowNumber(), "Score").DataType);
        }
    }

    [Fact]
    public async Task The_feedback_export_applies_the_inbox_filters_from_the_query_string()
    {
        var client = await app.SignedInAsync(ExportAppFixture.HeadOfCx);
        await using var db = await app.Database.CreateDbContextAsync();
        var website = await db.Channels.Where(c => c.Code == "website").Select(c => c.Id).SingleAsync();
        var expected = await db.Feedback.CountAsync(f => f.ChannelId == website && f.Sentiment == Sentiment.Negative);

        var (workbook, _) = await ExportAppFixture.DownloadAsync(client, "/export/feedback.xlsx?channel=website&sentiment=Negative");

        using (workbook)
        {
            var sheet = workbook.Worksheet(1);
            var rows = DataRows(sheet).Select(r => (Cell(sheet, r.RowNumber(), "Channel").GetString(), Cell(sheet, r.RowNumber(), "Sentiment").GetString())).ToList();
            Assert.True(expected > 1);
            Assert.Equal(expected, rows.Count);
            Assert.All(rows, r => Assert.Equal(("Website", "Negative"), r));
        }
    }

    [Fact]
    public async Task The_feedback_export_of_one_theme_lists_its_feedback_with_the_themes_of_each_item()
    {
        var client = await app.SignedInAsync(ExportAppFixture.HeadOfCx);
        await using var db = await app.Database.CreateDbContextAsync();
        var refunds = await db.Themes.Where(t => t.Name == "Refunds").Select(t => t.Id).SingleAsync();
        var expected = await db.FeedbackThemes.CountAsync(l => l.ThemeId == refunds);

        var (workbook, _) = await ExportAppFixture.DownloadAsync(client, $"/export/feedback.xlsx?theme={refunds}");

        using (workbook)
        {
            var sheet = workbook.Worksheet(1);
            var themes = DataRows(sheet).Select(r => Cell(sheet, r.RowNumber(), "Themes").GetString()).ToList();
            Assert.True(expected > 1);
            Assert.Equal(expected, themes.Count);
            Assert.All(themes, t => Assert.Contains("Returns and refunds › Refunds", t, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_feedback_export_keeps_the_inbox_sort_from_the_address()
    {
        var client = await app.SignedInAsync(ExportAppFixture.HeadOfCx);

        var (workbook, _) = await ExportAppFixture.DownloadAsync(client, "/export/feedback.xlsx?sort=OldestFirst&sentiment=Negative");

        using (workbook)
        {
            var sheet = workbook.Worksheet(1);
            var received = DataRows(sheet).Select(r => Cell(sheet, r.RowNumber(), "Received (UTC)").GetDateTime()).ToList();
            Assert.True(received.Count > 1);
            Assert.Equal(received.Order().ToList(), received);
            Assert.True(received[0] < received[^1]);
        }
    }

    [Fact]
    public async Task The_friction_export_keeps_the_list_sort_from_the_address()
    {
        var client = await app.SignedInAsync(ExportAppFixture.HeadOfCx);

        var (workbook, _) = await ExportAppFixture.DownloadAsync(client, "/export/friction.xlsx?view=list&sort=Title&order=asc&page=3");

        using (workbook)
        {
            var sheet = workbook.Worksheet(1);
            var titles = DataRows(sheet).Select(r => Cell(sheet, r.RowNumber(), "Issue").GetString()).ToList();
            Assert.True(titles.Count > 1);
            Assert.Equal(titles.Order(StringComparer.Ordinal).ToList(), titles);
        }
    }

    [Fact]
    public async Task The_actions_export_keeps_the_tab_and_sort_from_the_address()
    {
        var client = await app.SignedInAsync(ExportAppFixture.HeadOfCx);

        var (workbook, _) = await ExportAppFixture.DownloadAsync(client, "/export/actions.xlsx?tab=all&sort=Title&order=desc");

        using (workbook)
        {
            var sheet = workbook.Worksheet(1);
            var titles = DataRows(sheet).Select(r => Cell(sheet, r.RowNumber(), "Action").GetString()).ToList();
            Assert.True(titles.Count > 1);
            Assert.Equal(titles.OrderDescending(StringComparer.Ordinal).ToList(), titles);
        }
    }

    [Fact]
    public async Task A_contributor_exports_feedback_without_customer_references()
    {
        var client = await app.SignedInAsync(ExportAppFixture.Contributor);

        var (workbook, _) = await ExportAppFixture.DownloadAsync(client, "/export/feedback.xlsx?channel=website");

        using (workbook)
        {
            var sheet = workbook.Worksheet(1);
            Assert.DoesNotContain("Customer reference", Headers(sheet));
            Assert.DoesNotContain(sheet.CellsUsed(), c => c.GetString().Contains(ExportAppFixture.CustomerRef, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_audit_export_is_refused_to_a_channel_lead_and_given_to_the_head_of_cx()
    {
        var lead = await app.SignedInAsync(ExportAppFixture.StoresChannelLead);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync("/export/audit.xlsx")).StatusCode);

        var head = await app.SignedInAsync(ExportAppFixture.HeadOfCx);
        var (workbook, fileName) = await ExportAppFixture.DownloadAsync(head, $"/export/audit.xlsx?from={Today}&to={Today}");
        using (workbook)
        {
            Assert.Equal($"audit-{Today}.xlsx", fileName);
            var sheet = workbook.Worksheet(1);
            Assert.Equal(["When (UTC)", "Who", "What", "Record", "Change", "Summary", "Before", "After"], Headers(sheet));
            Assert.NotEmpty(DataRows(sheet));
            Assert.All(DataRows(sheet), r => Assert.Equal(ExportAppFixture.Now, Cell(sheet, r.RowNumber(), "When (UTC)").GetDateTime()));
        }
    }

    [Fact]
    public async Task The_audit_export_keeps_the_record_and_the_words_the_audit_page_filtered_on()
    {
        var head = await app.SignedInAsync(ExportAppFixture.HeadOfCx);
        string what, record, word;
        var (everything, _) = await ExportAppFixture.DownloadAsync(head, "/export/audit.xlsx");
        using (everything)
        {
            var sheet = everything.Worksheet(1);
            var first = DataRows(sheet).First().RowNumber();
            (what, record) = (Cell(sheet, first, "What").GetString(), Cell(sheet, first, "Record").GetString());
            word = Cell(sheet, first, "Summary").GetString().Split(' ', StringSplitOptions.RemoveEmptyEntries).MaxBy(w => w.Length)!;
        }
        var filter = new CxDashboard.Web.Features.Audit.AuditFilter(EntityType: what, EntityId: record, Text: word);

        var (workbook, _) = await ExportAppFixture.DownloadAsync(head, "/export/audit.xlsx?" + filter.ToExportQuery());

        using (workbook)
        {
            var sheet = workbook.Worksheet(1);
            Assert.NotEmpty(DataRows(sheet));
            Assert.All(DataRows(sheet), r =>
            {
                Assert.Equal((what, record), (Cell(sheet, r.RowNumber(), "What").GetString(), Cell(sheet, r.RowNumber(), "Record").GetString()));
                Assert.Contains(word, Cell(sheet, r.RowNumber(), "Summary").GetString(), StringComparison.OrdinalIgnoreCase);
            });
        }
    }

    [Fact]
    public async Task The_reviews_export_has_a_row_per_decision_with_its_reviews_date_kind_and_title()
    {
        var client = await app.SignedInAsync(ExportAppFixture.Contributor);
        await using var db = await app.Database.CreateDbContextAsync();
        var decisions = await db.Reviews.SelectMany(r => r.Decisions).CountAsync();

        var (workbook, _) = await ExportAppFixture.DownloadAsync(client, "/export/reviews.xlsx");

        using (workbook)
        {
            var sheet = workbook.Worksheet(1);
            var rows = DataRows(sheet).ToList();
            Assert.Equal(decisions, rows.Count(r => !Cell(sheet, r.RowNumber(), "Decision").IsEmpty()));
            Assert.All(rows, r =>
            {
                Assert.Equal(XLDataType.DateTime, Cell(sheet, r.RowNumber(), "Date").DataType);
                Assert.Contains(Cell(sheet, r.RowNumber(), "Kind").GetString(), new[] { "Monthly CX council", "Quarterly executive review" });
                Assert.False(Cell(sheet, r.RowNumber(), "Title").IsEmpty());
            });
        }
    }

    [Fact]
    public async Task The_friction_and_actions_exports_apply_their_pages_filters()
    {
        var client = await app.SignedInAsync(ExportAppFixture.StoresChannelLead);
        await using var db = await app.Database.CreateDbContextAsync();
        var severe = await db.FrictionIssues.CountAsync(i => i.Severity == 4);
        var quickWins = await db.Actions.CountAsync(a => a.QuickWin);

        var (friction, _) = await ExportAppFixture.DownloadAsync(client, "/export/friction.xlsx?view=list&severity=4");
        var (actions, _) = await ExportAppFixture.DownloadAsync(client, "/export/actions.xlsx?tab=all&quickWins=true");

        using (friction)
        using (actions)
        {
            var issues = friction.Worksheet(1);
            Assert.Equal(severe, DataRows(issues).Count());
            Assert.All(DataRows(issues), r => Assert.Equal(4, Cell(issues, r.RowNumber(), "Severity").GetDouble()));
            Assert.All(DataRows(issues), r => Assert.False(Cell(issues, r.RowNumber(), "Channels").IsEmpty()));
            var list = actions.Worksheet(1);
            Assert.Equal(quickWins, DataRows(list).Count());
            Assert.All(DataRows(list), r => Assert.Equal("Yes", Cell(list, r.RowNumber(), "Quick win").GetString()));
            Assert.All(DataRows(list), r => Assert.Equal(XLDataType.DateTime, Cell(list, r.RowNumber(), "Due").DataType));
        }
    }

    [Fact]
    public async Task The_metric_catalogue_and_a_metrics_values_export_as_numbers_with_rag()
    {
        var client = await app.SignedInAsync(ExportAppFixture.StoresChannelLead);
        await using var db = await app.Database.CreateDbContextAsync();
        var metric = await db.MetricValues.GroupBy(v => v.MetricDefinitionId).Select(g => new { Id = g.Key, Count = g.Count() }).FirstAsync();

        var (catalogue, _) = await ExportAppFixture.DownloadAsync(client, "/export/metrics.xlsx");
        var (values, fileName) = await ExportAppFixture.DownloadAsync(client, $"/export/metrics/{metric.Id}/values.xlsx");

        using (catalogue)
        using (values)
        {
            var metrics = catalogue.Worksheet(1);
            Assert.Equal(await db.Metrics.CountAsync(), DataRows(metrics).Count());
            Assert.Contains(DataRows(metrics), r => Cell(metrics, r.RowNumber(), "RAG").GetString() is "Green" or "Amber" or "Red");
            // A figure computed from answers carries them and its interval as numbers beside it.
            Assert.Equal(["Latest value", "n", "Low", "High", "Target"], Headers(metrics).SkipWhile(h => h != "Latest value").Take(5));
            var answered = DataRows(metrics).Where(r => !Cell(metrics, r.RowNumber(), "Low").IsEmpty()).Select(r => r.RowNumber()).ToList();
            Assert.NotEmpty(answered);
            Assert.All(answered, row =>
            {
                Assert.Equal(XLDataType.Number, Cell(metrics, row, "n").DataType);
                var (low, value, high) = (Cell(metrics, row, "Low").GetDouble(), Cell(metrics, row, "Latest value").GetDouble(), Cell(metrics, row, "High").GetDouble());
                Assert.True(low <= value && value <= high, $"{low} ≤ {value} ≤ {high}");
            });
            var sheet = values.Worksheet(1);
            Assert.EndsWith($"-values-{Today}.xlsx", fileName);
            Assert.Equal(["Period", "Period start", "Channel", "Value", "n", "Low", "High", "Recorded by", "Recorded (UTC)"], Headers(sheet));
            Assert.Equal(metric.Count, DataRows(sheet).Count());
            Assert.Equal(XLDataType.Number, Cell(sheet, 2, "Value").DataType);
        }
    }
}
