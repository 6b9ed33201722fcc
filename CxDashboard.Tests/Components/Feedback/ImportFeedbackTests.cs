using Bunit;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Features.Feedback;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Components.Feedback;

public sealed class ImportFeedbackTests : FeedbackComponentTest
{
    protected override Task PrepareAsync()
    {
        SignInAs("Cara Moss", Roles.Contributor, Data.Cara);
        Services.AddSingleton(new FeedbackImporter(Data.Database, Data.Clock, Data.Service(), new FeedbackIntake(Data.Database), Data.Metrics));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_file_with_a_bad_score_shows_the_line_and_column_and_imports_nothing()
    {
        var page = Render<ImportFeedback>();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            "ReceivedAt,Channel,Source,Category,ScoreScale,Score,Verbatim\n2026-11-20 10:00,store,Survey,Service,Nps,ten,Slow tills\n", "survey.csv"));

        page.WaitForAssertion(() =>
        {
            var problems = page.Find("[data-testid=import-problems]").TextContent;
            Assert.Contains("Nothing was imported from survey.csv", problems, StringComparison.Ordinal);
            Assert.Contains("Line 2, column Score: The score 'ten' is not a whole number.", problems, StringComparison.Ordinal);
        });
        await using var db = Data.Database.CreateDbContext();
        Assert.Equal(0, await db.Feedback.CountAsync());
    }

    [Fact]
    public void A_valid_file_shows_what_was_imported_skipped_and_followed_up()
    {
        var page = Render<ImportFeedback>();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            "ReceivedAt,Channel,Source,Category,ScoreScale,Score,Verbatim,ExternalId\n2026-11-20 10:00,store,Survey,Service,Nps,2,Slow tills,S-1\n",
            "survey.csv"));

        page.WaitForAssertion(() => Assert.Contains("1 feedback item imported; 0 rows skipped as already imported; 1 follow-up opened.",
            page.Find("[data-testid=import-summary]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_survey_source_named_on_the_page_owns_the_imported_external_ids()
    {
        var page = Render<ImportFeedback>();

        page.Find("input[type=text]").Change("Medallia");
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            "ReceivedAt,Channel,Source,Category,Verbatim,ExternalId\n2026-11-20 10:00,store,Review,Service,Quick and kind,M-1\n", "survey.csv"));

        page.WaitForAssertion(() => Assert.Contains("1 feedback item imported",
            page.Find("[data-testid=import-summary]").TextContent, StringComparison.Ordinal));
        await using var db = Data.Database.CreateDbContext();
        Assert.Equal("Import: Medallia", await db.Feedback.Select(f => f.ExternalSource).SingleAsync());
    }
}
