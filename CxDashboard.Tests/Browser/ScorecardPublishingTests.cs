using System.Text.RegularExpressions;
using ClosedXML.Excel;
using CxDashboard.Domain.Scorecards;
using CxDashboard.Web.Features.Scorecards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static CxDashboard.Tests.Browser.BrowserSteps;

namespace CxDashboard.Tests.Browser;

/// <summary>The quarter's scorecard from draft to published workbook, in a real browser, by the head of CX.</summary>
public sealed class ScorecardPublishingTests(AppServerFixture app) : IClassFixture<AppServerFixture>, IDisposable
{
    public void Dispose() => app.AssertNoContentSecurityPolicyViolations();

    [BrowserFact]
    public async Task Head_of_cx_publishes_the_draft_scorecard_and_downloads_it_and_an_executive_reads_it()
    {
        string quarter;
        int eleanorId;
        await using (var db = app.CreateDbContext())
        {
            var scorecards = await db.Scorecards.Select(s => new { s.Quarter, s.Status }).ToListAsync();
            quarter = scorecards.Single(s => s.Status == ScorecardStatus.Draft).Quarter.ToString();
            eleanorId = await db.People.Where(p => p.DisplayName == "Eleanor Hartley").Select(p => p.Id).SingleAsync();
        }
        var headline = $"Ease of returns up in every channel; delivery promise still amber. ({Guid.NewGuid().ToString("N")[..6]})";

        // Eleanor Hartley (head of CX) finds the draft in the list of scorecards.
        var eleanor = await app.NewPageAsync();
        await SignInAsync(eleanor, "Eleanor Hartley", "/scorecards");
        await Assertions.Expect(eleanor.Locator("h1")).ToHaveTextAsync("Scorecards");
        var listed = eleanor.Locator($"tr[data-quarter='{quarter}']");
        await Assertions.Expect(listed.Locator("[data-status=Draft]")).ToBeVisibleAsync();
        await Accessibility.ScreenshotAsync(eleanor, "scorecard-01-list");
        await Accessibility.AssertNoSeriousViolationsAsync(eleanor);

        await listed.GetByRole(AriaRole.Link, new() { Name = quarter, Exact = true }).ClickAsync();
        await ExpectPathAsync(eleanor, $"/scorecards/{quarter}");
        await WaitForInteractiveAsync(eleanor);
        await Assertions.Expect(eleanor.Locator("h1")).ToHaveTextAsync($"Scorecard {quarter}");
        var publish = eleanor.GetByTestId("publish");
        await Assertions.Expect(publish).ToBeEnabledAsync();
        await Assertions.Expect(eleanor.Locator("div:has(> h1) [data-status]")).ToHaveAttributeAsync("data-status", "Draft");
        await Accessibility.ScreenshotAsync(eleanor, "scorecard-02-draft");
        await Accessibility.AssertNoSeriousViolationsAsync(eleanor);

        // She writes the headline.
        await eleanor.GetByRole(AriaRole.Button, new() { Name = "Edit the headline" }).ClickAsync();
        var editor = eleanor.Locator(".mud-paper").Filter(new() { Has = eleanor.Locator("h2", new() { HasTextRegex = new("^\\s*Headline\\s*$") }) });
        var field = Field(editor, "Headline summary");
        await field.FillAsync(headline);
        await Assertions.Expect(field).ToHaveValueAsync(headline);
        await Accessibility.AssertNoSeriousViolationsAsync(eleanor);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(eleanor.GetByTestId("headline")).ToHaveTextAsync(headline);

        // She publishes, confirming what publishing means.
        await publish.ClickAsync();
        var dialog = eleanor.Locator(".mud-dialog").Filter(new() { HasText = "Publishing freezes" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog).ToContainTextAsync($"Publish the {quarter} scorecard?");
        // The dialog fades in: axe and the screenshot should see it whole, not half transparent.
        await dialog.EvaluateAsync("d => Promise.all((d.closest('.mud-dialog-container') ?? d).getAnimations({ subtree: true })" +
            ".filter(a => a.effect?.getTiming().iterations !== Infinity).map(a => a.finished))");
        await Accessibility.ScreenshotAsync(eleanor, "scorecard-03-confirm");
        await Accessibility.AssertNoSeriousViolationsAsync(eleanor);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);

        await Assertions.Expect(eleanor.Locator("div:has(> h1) [data-status]")).ToHaveAttributeAsync("data-status", "Published");
        await Assertions.Expect(eleanor.Locator("div:has(> h1) [data-status]")).ToHaveTextAsync("Published");
        await Assertions.Expect(publish).ToHaveCountAsync(0);
        await Assertions.Expect(eleanor.GetByText(new Regex("^Published .* by Eleanor Hartley\\. These figures are frozen"))).ToBeVisibleAsync();
        await Assertions.Expect(eleanor.GetByTestId("headline")).ToHaveTextAsync(headline);
        await Assertions.Expect(eleanor.GetByRole(AriaRole.Button, new() { Name = "Edit the headline" })).ToHaveCountAsync(0);
        await Accessibility.ScreenshotAsync(eleanor, "scorecard-04-published");
        await Accessibility.AssertNoSeriousViolationsAsync(eleanor);

        // She downloads the workbook: the summary sheet carries the quarter, the headline and the figures.
        var download = await eleanor.RunAndWaitForDownloadAsync(() => eleanor.GetByTestId("export").ClickAsync());
        Assert.Equal($"scorecard-{quarter}.xlsx", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"scorecard-{quarter}-{Guid.NewGuid():N}.xlsx");
        try
        {
            await download.SaveAsAsync(path);
            using var workbook = new XLWorkbook(path);
            var summary = workbook.Worksheet("Summary");
            Assert.Equal("Quarter", summary.Cell(1, 1).GetString());
            Assert.Equal(quarter, summary.Cell(1, 2).GetString());
            Assert.Equal("Published", summary.Cell(2, 2).GetString());
            Assert.Equal("Headline", summary.Cell(5, 1).GetString());
            Assert.Equal(headline, summary.Cell(5, 2).GetString());
            var header = ScorecardWorkbook.SummaryHeaderRow;
            Assert.Equal("Metric", summary.Cell(header, 3).GetString());
            Assert.Equal("Actual", summary.Cell(header, 5).GetString());
            var metricRows = summary.RowsUsed(r => r.RowNumber() > header).ToList();
            Assert.NotEmpty(metricRows);
            Assert.Contains(metricRows, r => !r.Cell(3).IsEmpty() && r.Cell(5).DataType == XLDataType.Number && r.Cell(5).GetDouble() is var v && double.IsFinite(v));
        }
        finally
        {
            File.Delete(path);
        }

        // The database holds it published by her, with its frozen lines.
        await using (var db = app.CreateDbContext())
        {
            var scorecards = await db.Scorecards.Include(s => s.Lines).AsNoTracking().ToListAsync();
            var stored = scorecards.Single(s => s.Quarter.ToString() == quarter);
            Assert.Equal(ScorecardStatus.Published, stored.Status);
            Assert.Equal(headline, stored.Headline);
            Assert.Equal(eleanorId, stored.PublishedByPersonId);
            Assert.NotNull(stored.PublishedAt);
            Assert.NotEmpty(stored.Lines);
            Assert.DoesNotContain(scorecards, s => s.Status == ScorecardStatus.Draft);
        }

        // Margaret Osei (executive), in her own session, reads the published scorecard; she cannot publish.
        var margaret = await app.NewPageAsync();
        await SignInAsync(margaret, "Margaret Osei", $"/scorecards/{quarter}");
        await Assertions.Expect(margaret.Locator("h1")).ToHaveTextAsync($"Scorecard {quarter}");
        await Assertions.Expect(margaret.Locator("div:has(> h1) [data-status]")).ToHaveAttributeAsync("data-status", "Published");
        await Assertions.Expect(margaret.GetByTestId("headline")).ToHaveTextAsync(headline);
        await Assertions.Expect(margaret.GetByTestId("export")).ToBeVisibleAsync();
        await Assertions.Expect(margaret.GetByTestId("publish")).ToHaveCountAsync(0);
        await Assertions.Expect(margaret.GetByTestId("scorecard-refused")).ToHaveCountAsync(0);
        await Accessibility.ScreenshotAsync(margaret, "scorecard-05-executive");
        await Accessibility.AssertNoSeriousViolationsAsync(margaret);
    }
}
