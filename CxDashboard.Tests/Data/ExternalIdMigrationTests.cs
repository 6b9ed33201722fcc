using CxDashboard.Domain.Audit;
using CxDashboard.Domain.Feedback;
using CxDashboard.Tests.Features.Feedback;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Api;
using CxDashboard.Web.Features.Feedback;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CxDashboard.Tests.Data;

/// <summary>Feedback stored while external ids were one namespace keeps being recognised by the source that sent it.</summary>
public sealed class ExternalIdMigrationTests : IAsyncLifetime
{
    private FeedbackData _data = null!;

    public async Task InitializeAsync() => _data = await FeedbackData.CreateAsync();

    public async Task DisposeAsync() => await _data.Database.DisposeAsync();

    [Fact]
    public async Task Upgrading_gives_each_stored_id_the_source_that_sent_it_and_keeps_recognising_it()
    {
        await using (var db = _data.Database.CreateDbContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var perSource = migrations.FindIndex(m => m.EndsWith("_ExternalIdsPerSource", StringComparison.Ordinal));
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[perSource - 1]);

            var fromKey = await InsertLegacyAsync(db, "Q-1", null);
            var fromToken = await InsertLegacyAsync(db, "T-1", _data.Dana);
            await InsertLegacyAsync(db, "C-1", _data.Cara);
            await LegacyAuditEntries.InsertAsync(db,
                new AuditEntry(FeedbackData.Now, null, "API key: Qualtrics", nameof(FeedbackItem), $"{fromKey}", AuditAction.Created, "Created", null, "{}"),
                new AuditEntry(FeedbackData.Now, _data.Dana, "Dana Reid", nameof(FeedbackItem), $"{fromToken}", AuditAction.Created, "Created", null, "{}"));
            if (_data.Database.Provider == DatabaseProvider.Sqlite)
            {
                // SQLite compared ids ordinally, so a case variant from the same key could be stored beside the first.
                var variant = await InsertLegacyAsync(db, "q-1", null);
                await LegacyAuditEntries.InsertAsync(db, new AuditEntry(FeedbackData.Now, null, "API key: Qualtrics", nameof(FeedbackItem), $"{variant}",
                    AuditAction.Created, "Created", null, "{}"));
            }

            await migrator.MigrateAsync();
        }

        await using (var db = _data.Database.CreateDbContext())
        {
            var stored = await db.Feedback.AsNoTracking().OrderBy(f => f.Id).Select(f => new { f.ExternalId, f.ExternalSource, f.ExternalKey }).ToListAsync();
            Assert.Equal(("API key: Qualtrics", "Q-1"), (stored[0].ExternalSource, stored[0].ExternalKey));
            Assert.Equal(($"Token: person {_data.Dana}", "T-1"), (stored[1].ExternalSource, stored[1].ExternalKey));
            Assert.Equal(("Import: CSV import", "C-1"), (stored[2].ExternalSource, stored[2].ExternalKey));
            if (_data.Database.Provider == DatabaseProvider.Sqlite)
            {
                Assert.Equal(("q-1", "API key: Qualtrics", null), (stored[3].ExternalId, stored[3].ExternalSource, stored[3].ExternalKey));
            }
        }

        var ingestion = new IngestionService(_data.Database, _data.Clock, _data.Service(), new FeedbackIntake(_data.Database), _data.Metrics);
        var key = await ingestion.IngestFeedbackAsync(Batch("q-1"), new ApiClient(new AuditActor(null, "API key: Qualtrics"), null, null, "API key: Qualtrics"));
        var token = await ingestion.IngestFeedbackAsync(Batch("T-1"), new ApiClient(new AuditActor(_data.Dana, "Dana Reid"), _data.Dana, _data.Dana,
            ApiClient.TokenSource(_data.Dana)));
        var import = await new FeedbackImporter(_data.Database, _data.Clock, _data.Service(), _data.Metrics).ImportAsync(_data.CaraContributor, "survey.csv",
            new MemoryStream("ReceivedAt,Channel,Source,Category,Verbatim,ExternalId\n2026-11-20 10:00,store,Review,Product,Fine,c-1\n"u8.ToArray()));

        Assert.Equal((0, 1), (key.Result!.Created, key.Result.AlreadyPresent));
        Assert.Equal((0, 1), (token.Result!.Created, token.Result.AlreadyPresent));
        Assert.Equal((0, 1), (import.Imported, import.SkippedAsAlreadyImported));
    }

    private static FeedbackBatch Batch(string externalId) =>
        new([new FeedbackInput(externalId, new DateTimeOffset(FeedbackData.Now.AddHours(-1)), "web", null, "Review", "Product", "Positive", null, null,
            "Fine", null)]);

    private async Task<int> InsertLegacyAsync(CxDbContext db, string externalId, int? recordedBy)
    {
        var at = FeedbackData.Now.AddHours(-3);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Feedback" ("ExternalId", "ReceivedAt", "RecordedAt", "ChannelId", "Source", "Category", "Sentiment", "Verbatim",
                "RecordedByPersonId", "FollowUpStatus", "Version")
            VALUES ({externalId}, {at}, {at}, {_data.Web}, {(int)FeedbackSource.Review}, {(int)FeedbackCategory.Product}, {(int)Sentiment.Positive},
                'Fine', {recordedBy}, 0, 0)
            """);
        return await db.Database.SqlQuery<int>($"""SELECT "Id" AS "Value" FROM "Feedback" WHERE "ExternalId" = {externalId}""").SingleAsync();
    }
}
