using System.Text;
using CxDashboard.Domain.Feedback;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static CxDashboard.Tests.Browser.BrowserSteps;

namespace CxDashboard.Tests.Browser;

/// <summary>A survey tool's export brought in by a contributor: the layout recognised, the columns mapped, the preview checked, then imported.</summary>
public sealed class ImportFeedbackBrowserTests(AppServerFixture app) : IClassFixture<AppServerFixture>, IDisposable
{
    public void Dispose() => app.AssertNoContentSecurityPolicyViolations();

    [BrowserFact]
    public async Task A_Qualtrics_export_is_mapped_previewed_and_imported_from_the_page()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var export = "StartDate,EndDate,RecordedDate,ResponseId,DistributionChannel,Q1,Q2\r\n"
            + "Start Date,End Date,Recorded Date,Response ID,Distribution Channel,How likely are you to recommend us?,What is the main reason for your score?\r\n"
            + "\"{\"\"ImportId\"\":\"\"startDate\"\"}\",\"{\"\"ImportId\"\":\"\"endDate\"\"}\",\"{\"\"ImportId\"\":\"\"recordedDate\"\"}\","
            + "\"{\"\"ImportId\"\":\"\"_recordId\"\"}\",\"{\"\"ImportId\"\":\"\"distributionChannel\"\"}\",\"{\"\"ImportId\"\":\"\"QID1\"\"}\",\"{\"\"ImportId\"\":\"\"QID2_TEXT\"\"}\"\r\n"
            + $"2026-11-20 09:58:12,2026-11-20 10:00:05,2026-11-20 10:00:06,R_{marker}1,anonymous,2,\"Nobody at the {marker} till, and a long queue\"\r\n"
            + $"2026-11-20 11:02:40,2026-11-20 11:03:10,2026-11-20 11:03:11,R_{marker}2,email,10,Quick and friendly\r\n";

        var page = await app.NewPageAsync();
        await SignInAsync(page, "Grace Okafor", "/feedback/import");
        await Field(page, "Survey source").FillAsync("Qualtrics " + marker);
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "qualtrics-export.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(export),
        });

        await Assertions.Expect(page.GetByText("This looks like a Qualtrics export.")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Columns in the file" })).ToContainTextAsync("Q2");
        await ChooseAsync(page, "Channel for the whole file", "Stores");
        await Accessibility.ScreenshotAsync(page, "import-01-mapped");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await Field(page, "Save this mapping as").FillAsync("Store NPS");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save preset" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Saved as 'Store NPS'.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        var preview = page.Locator("[data-testid=import-preview]");
        await Assertions.Expect(preview).ToContainTextAsync($"Nobody at the {marker} till");
        await Assertions.Expect(preview).ToContainTextAsync("2 rows checked, none with a problem");
        await Accessibility.ScreenshotAsync(page, "import-02-preview");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.Feedback.AnyAsync(f => f.ExternalId == $"R_{marker}1"));
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Import 2 rows" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=import-summary]"))
            .ToContainTextAsync("2 feedback items imported; 0 rows skipped as already imported; 1 follow-up opened.");
        await Accessibility.ScreenshotAsync(page, "import-03-imported");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await using (var db = app.CreateDbContext())
        {
            var detractor = await db.Feedback.AsNoTracking().SingleAsync(f => f.ExternalId == $"R_{marker}1");
            Assert.Equal(($"Import: Qualtrics {marker}", ScoreBand.Detractor, FollowUpStatus.Open),
                (detractor.ExternalSource, detractor.ScoreBand!.Value, detractor.FollowUpStatus));
            Assert.Equal("Store NPS", await db.ImportPresets.Where(p => p.SurveySource == $"Qualtrics {marker}").Select(p => p.Name).SingleAsync());
        }
    }
}
