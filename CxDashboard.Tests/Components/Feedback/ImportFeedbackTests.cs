using Bunit;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Features.Feedback;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Components.Feedback;

public sealed class ImportFeedbackTests : FeedbackComponentTest
{
    protected override Task PrepareAsync()
    {
        SignInAs("Cara Moss", Roles.Contributor, Data.Cara);
        Services.AddSingleton(new FeedbackImporter(Data.Database, Data.Clock, Data.Service(), Data.Metrics));
        Services.AddSingleton(new ImportPresetService(Data.Database, Data.Clock));
        return Task.CompletedTask;
    }

    /// <summary>The page checks and imports off the render thread; on a busy machine that takes more than a second.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static void Click(IRenderedComponent<ImportFeedback> page, string button) =>
        page.WaitForAssertion(() => page.FindAll("button").First(b => b.TextContent.Trim().StartsWith(button, StringComparison.Ordinal)).Click(), Patience);

    private static IRenderedComponent<ImportFeedback> Upload(IRenderedComponent<ImportFeedback> page, string csv)
    {
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(csv, "survey.csv"));
        page.WaitForAssertion(() => Assert.Contains("Columns in the file", page.Markup, StringComparison.Ordinal), Patience);
        return page;
    }

    [Fact]
    public async Task A_file_with_a_bad_score_shows_the_line_and_column_in_the_preview_and_imports_nothing()
    {
        var page = Upload(Render<ImportFeedback>(),
            "ReceivedAt,Channel,Source,Category,ScoreScale,Score,Verbatim\n2026-11-20 10:00,store,Survey,Service,Nps,ten,Slow tills\n");

        Click(page, "Check the file");

        page.WaitForAssertion(() =>
        {
            var problems = page.Find("[data-testid=import-problems]").TextContent;
            Assert.Contains("Nothing can be imported from survey.csv yet", problems, StringComparison.Ordinal);
            Assert.Contains("Line 2, column Score: The score 'ten' is not a whole number.", problems, StringComparison.Ordinal);
        }, Patience);
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim().StartsWith("Import", StringComparison.Ordinal));
        await using var db = Data.Database.CreateDbContext();
        Assert.Equal(0, await db.Feedback.CountAsync());
    }

    [Fact]
    public void A_checked_file_is_imported_and_shows_what_was_imported_skipped_and_followed_up()
    {
        var page = Upload(Render<ImportFeedback>(),
            "ReceivedAt,Channel,Source,Category,ScoreScale,Score,Verbatim,ExternalId\n2026-11-20 10:00,store,Survey,Service,Nps,2,Slow tills,S-1\n");

        Click(page, "Check the file");
        page.WaitForAssertion(() => Assert.Contains("Slow tills", page.Find("[data-testid=import-preview]").TextContent, StringComparison.Ordinal), Patience);
        Click(page, "Import 1 row");

        page.WaitForAssertion(() => Assert.Contains("1 feedback item imported; 0 rows skipped as already imported; 1 follow-up opened.",
            page.Find("[data-testid=import-summary]").TextContent, StringComparison.Ordinal), Patience);
    }

    [Fact]
    public async Task The_survey_source_named_on_the_page_owns_the_imported_external_ids()
    {
        var page = Render<ImportFeedback>();
        page.Find("input[type=text]").Change("Medallia");
        Upload(page, "ReceivedAt,Channel,Source,Category,Verbatim,ExternalId\n2026-11-20 10:00,store,Review,Service,Quick and kind,M-1\n");

        Click(page, "Check the file");
        Click(page, "Import 1 row");

        page.WaitForAssertion(() => Assert.Contains("1 feedback item imported",
            page.Find("[data-testid=import-summary]").TextContent, StringComparison.Ordinal), Patience);
        await using var db = Data.Database.CreateDbContext();
        Assert.Equal("Import: Medallia", await db.Feedback.Select(f => f.ExternalSource).SingleAsync());
    }
}
