using System.Text;
using CxDashboard.Domain.Feedback;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Api;
using CxDashboard.Web.Features.Feedback;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Tests.Features.Feedback;

/// <summary>External ids belong to the source that sent them, and one id in any case is the same id (on both providers).</summary>
public sealed class ExternalIdSourceTests : IAsyncLifetime
{
    private const string Header = "ReceivedAt,Channel,Source,Category,Verbatim,ExternalId";

    private FeedbackData _data = null!;

    public async Task InitializeAsync() => _data = await FeedbackData.CreateAsync();

    public Task DisposeAsync() => _data.Database.DisposeAsync().AsTask();

    private static ApiClient Key(string name)
    {
        var source = ApiClient.KeyDisplayName(name);
        return new ApiClient(new AuditActor(null, source), null, null, source);
    }

    private Task<Ingestion<FeedbackIngested>> SendAsync(ApiClient client, params string[] externalIds) =>
        new IngestionService(_data.Database, _data.Clock, _data.Service(), new FeedbackIntake(_data.Database), _data.Metrics).IngestFeedbackAsync(new FeedbackBatch(externalIds
            .Select(id => (FeedbackInput?)new FeedbackInput(id, new DateTimeOffset(FeedbackData.Now.AddHours(-1)), "web", null, "Review",
                "Product", "Positive", null, null, $"Answer {id}", null))
            .ToList()), client);

    private Task<FeedbackImportResult> ImportAsync(string? surveySource, params string[] externalIds) =>
        new FeedbackImporter(_data.Database, _data.Clock, _data.Service(), _data.Metrics).ImportAsync(_data.CaraContributor, "survey.csv",
            new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n",
                [Header, .. externalIds.Select(id => $"2026-11-20 10:00,store,Review,Product,Answer {id},{id}")]) + "\n")),
            surveySource);

    private async Task<List<(string? Source, string? Id)>> StoredAsync()
    {
        await using var db = _data.Database.CreateDbContext();
        return (await db.Feedback.AsNoTracking().OrderBy(f => f.Id).Select(f => new { f.ExternalSource, f.ExternalId }).ToListAsync())
            .Select(f => (f.ExternalSource, f.ExternalId)).ToList();
    }

    [Fact]
    public async Task Two_api_keys_may_send_the_same_external_id()
    {
        await SendAsync(Key("Qualtrics"), "R-100");

        var other = await SendAsync(Key("Trustpilot"), "R-100");

        Assert.Equal((1, 0), (other.Result!.Created, other.Result.AlreadyPresent));
        Assert.Equal([("API key: Qualtrics", "R-100"), ("API key: Trustpilot", "R-100")], await StoredAsync());
    }

    [Fact]
    public async Task An_id_sent_again_by_the_same_key_in_another_case_is_skipped_as_already_stored()
    {
        await SendAsync(Key("Qualtrics"), "r-100-ä");

        var again = await SendAsync(Key("Qualtrics"), "R-100-Ä", "R-101");

        Assert.Equal((1, 1), (again.Result!.Created, again.Result.AlreadyPresent));
        Assert.Equal(["R-100-Ä"], again.Result.AlreadyPresentExternalIds);
        Assert.Equal(2, (await StoredAsync()).Count);
    }

    [Fact]
    public async Task A_batch_naming_one_id_twice_in_different_cases_is_refused()
    {
        var sent = await SendAsync(Key("Qualtrics"), "R-100", "r-100");

        Assert.Null(sent.Result);
        Assert.Contains("appears twice in the batch", Assert.Single(sent.Problems["items[1].externalId"]), StringComparison.Ordinal);
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task An_import_never_claims_the_ids_an_api_key_sent()
    {
        await SendAsync(Key("Qualtrics"), "R-100");

        var imported = await ImportAsync(null, "R-100");

        Assert.Equal((1, 0), (imported.Imported, imported.SkippedAsAlreadyImported));
        Assert.Contains(("Import: CSV import", "R-100"), await StoredAsync());
    }

    [Fact]
    public async Task An_export_imported_again_under_its_survey_source_skips_its_rows_in_any_case()
    {
        await ImportAsync("Medallia", "M-1", "M-2");

        var again = await ImportAsync("Medallia", "m-1", "M-2", "M-3");
        var otherTool = await ImportAsync("Hotjar", "M-1");

        Assert.Equal((1, 2), (again.Imported, again.SkippedAsAlreadyImported));
        Assert.Equal((1, 0), (otherTool.Imported, otherTool.SkippedAsAlreadyImported));
        Assert.Equal(4, (await StoredAsync()).Count);
    }

    [Fact]
    public async Task The_database_refuses_a_second_copy_of_an_id_from_one_source_whatever_its_case()
    {
        await using var db = _data.Database.CreateDbContext();
        db.Feedback.AddRange(Item("R-7"), Item("r-7"));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    private FeedbackItem Item(string externalId) => new(new FeedbackDetails(FeedbackData.Now.AddHours(-1), _data.Web, null, FeedbackSource.Review,
        FeedbackCategory.Product, Sentiment.Positive, null, null, "Fine", null, externalId, "API key: Qualtrics"), null, FeedbackData.Now);
}
