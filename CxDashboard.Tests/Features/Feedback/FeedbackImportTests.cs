using System.Text;
using CxDashboard.Domain.Audit;
using CxDashboard.Domain.Feedback;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Feedback;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Tests.Features.Feedback;

public sealed class FeedbackImportTests : IAsyncLifetime
{
    private const string Header = "ReceivedAt,Channel,JourneyStage,Source,Category,ScoreScale,Score,Verbatim,CustomerRef,ExternalId";

    private FeedbackData _data = null!;

    public async Task InitializeAsync() => _data = await FeedbackData.CreateAsync();

    public Task DisposeAsync() => _data.Database.DisposeAsync().AsTask();

    private FeedbackImporter Importer() => new(_data.Database, _data.Clock, _data.Service(), _data.Metrics);

    private Task<FeedbackImportResult> ImportAsync(string csv, string fileName = "survey.csv", Caller? caller = null) =>
        ImportAsync(Encoding.UTF8.GetBytes(csv), fileName, caller);

    private Task<FeedbackImportResult> ImportAsync(byte[] content, string fileName = "survey.csv", Caller? caller = null) =>
        Importer().ImportAsync(caller ?? _data.CaraContributor, fileName, new MemoryStream(content));

    private static string Csv(params string[] lines) => string.Join("\r\n", [Header, .. lines]) + "\r\n";

    private const string ThreeRows = Header + "\n"
        + "2026-11-20 10:00,store,purchase,Survey,Service,Nps,3,\"The queue was long, and nobody helped.\",LOY-1001,S-1\n"
        + "2026-11-20T11:30:00Z,Website,,Review,Product,,,Lovely coat and quick delivery,,S-2\n"
        + "2026-11-21 08:15,web,Delivery,Complaint,Experience,,,Parcel arrived damaged,,S-3\n";

    private async Task<(int Feedback, int Audit)> CountsAsync()
    {
        await using var db = _data.Database.CreateDbContext();
        return (await db.Feedback.CountAsync(), await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task A_valid_export_is_imported_with_follow_ups_for_the_detractor_and_the_complaint()
    {
        var result = await ImportAsync(ThreeRows);

        Assert.True(result.Succeeded, string.Join(" ", result.Problems));
        Assert.Equal((3, 0, 2), (result.Imported, result.SkippedAsAlreadyImported, result.FollowUpsOpened));
        await using var db = _data.Database.CreateDbContext();
        var items = await db.Feedback.AsNoTracking().OrderBy(f => f.ExternalId).ToListAsync();
        var detractor = items[0];
        Assert.Equal((_data.Store, _data.Purchase, Sentiment.Negative), (detractor.ChannelId, detractor.JourneyStageId, detractor.Sentiment));
        Assert.Equal(ScoreBand.Detractor, detractor.ScoreBand);
        Assert.Equal((FollowUpStatus.Open, _data.Dana), (detractor.FollowUpStatus, detractor.FollowUpOwnerPersonId));
        Assert.Equal(new DateTime(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc), detractor.FollowUpDueAt);
        Assert.Equal("LOY-1001", detractor.CustomerRef);
        var review = items[1];
        Assert.Equal((_data.Web, Sentiment.Positive, FollowUpStatus.None), (review.ChannelId, review.Sentiment, review.FollowUpStatus));
        var complaint = items[2];
        Assert.Equal((_data.Delivery, FollowUpStatus.Open, _data.Eli), (complaint.JourneyStageId, complaint.FollowUpStatus, complaint.FollowUpOwnerPersonId));
        Assert.All(items, i => Assert.Equal((_data.Cara, FeedbackData.Now), (i.RecordedByPersonId!.Value, i.RecordedAt)));
    }

    [Fact]
    public async Task An_import_writes_one_audit_entry_naming_who_the_file_and_the_ids()
    {
        await ImportAsync(ThreeRows, "november-survey.csv");

        await using var db = _data.Database.CreateDbContext();
        var ids = await db.Feedback.Select(f => f.Id).OrderBy(i => i).ToListAsync();
        var entry = Assert.Single(await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(FeedbackItem)).ToListAsync());
        Assert.Equal((_data.Cara, "Cara Moss", AuditAction.Created, FeedbackData.Now), (entry.ActorPersonId!.Value, entry.ActorName, entry.Action, entry.At));
        Assert.Contains("november-survey.csv", entry.Summary, StringComparison.Ordinal);
        Assert.Contains($"{ids[0]}–{ids[^1]}", entry.Summary, StringComparison.Ordinal);
        Assert.Contains("Imported 3 feedback items", entry.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_the_same_export_again_skips_every_row_already_imported()
    {
        await ImportAsync(ThreeRows);

        var again = await ImportAsync(ThreeRows + "2026-11-22 09:00,store,,Survey,Service,Nps,10,Great help,,S-4\n");

        Assert.True(again.Succeeded);
        Assert.Equal((1, 3, 0), (again.Imported, again.SkippedAsAlreadyImported, again.FollowUpsOpened));
        Assert.Equal(4, (await CountsAsync()).Feedback);
    }

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "empty.csv", "", "The file is empty." },
        { "header-only.csv", Header + "\n", "The file has a header row but no feedback." },
        { "survey.xlsx", "PK\u0003\u0004", "The file is not an Excel workbook that can be read." },
        { "survey.pdf", "%PDF-1.7", "Upload a CSV file (.csv) or an Excel workbook (.xlsx)." },
        { "binary.csv", "PK\u0003\u0004\0\0\0", "The file is not a CSV text file." },
        { "columns.csv", "Channel,Source,Category,Verbatim\nstore,Survey,Service,Slow\n",
            "Choose the column that says when the feedback was received." },
        { "missing.csv", "ReceivedAt,Channel,Source,Category\n2026-11-20 10:00,store,Survey,Service\n", "Line 2: " + FeedbackItem.VerbatimMissing },
        { "score.csv", Csv("2026-11-20 10:00,store,,Survey,Service,Nps,ten,Slow,,S-1"), "Line 2, column Score: The score 'ten' is not a whole number." },
        { "date.csv", Csv("2026-11-20 10:00,store,,Survey,Service,,,Fine,,S-1", "yesterday,store,,Survey,Service,,,Slow,,S-2"),
            "Line 3, column ReceivedAt: 'yesterday' is not a date and time" },
        { "channel.csv", Csv("2026-11-20 10:00,moon,,Survey,Service,,,Slow,,S-1"), "Line 2, column Channel: There is no channel with the code 'moon'." },
        { "scale.csv", Csv("2026-11-20 10:00,store,,Survey,Service,Nps,11,,,S-1"), "Line 2: " },
        { "twice.csv", Csv("2026-11-20 10:00,store,,Survey,Service,,,Slow,,S-1", "2026-11-20 11:00,store,,Survey,Service,,,Slow,,S-1"),
            "Line 3, column ExternalId: The external id 'S-1' appears twice in the file (also line 2)." },
        { "quotes.csv", Csv("2026-11-20 10:00,store,,Survey,Service,,,\"Slow,,S-1"), "check its quotes and separators" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_with_a_message_naming_the_line_and_column_and_changes_nothing(string fileName, string content, string message)
    {
        await ImportAsync(ThreeRows);
        var before = await CountsAsync();

        var result = await ImportAsync(content, fileName);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.ToString().Contains(message, StringComparison.Ordinal));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_file_over_200_MB_is_refused_and_changes_nothing()
    {
        var before = await CountsAsync();

        var result = await Importer().ImportAsync(_data.CaraContributor, "survey.csv", new EndlessCsv(FeedbackImporter.MaxFileBytes + 1));

        Assert.Equal("The file is larger than 200 MB. Split the export into smaller files (by date, for example).", Assert.Single(result.Problems).ToString());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task One_bad_row_among_good_ones_keeps_the_good_ones_out_too()
    {
        var before = await CountsAsync();

        var result = await ImportAsync(ThreeRows + "2026-11-22 09:00,store,,Survey,Service,Nps,10,Great help,not an email@x,S-4\n");

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p is { Line: 5, Column: "CustomerRef" });
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task An_executive_may_not_import_feedback()
    {
        var before = await CountsAsync();

        await Assert.ThrowsAsync<NotAllowedException>(() => ImportAsync(ThreeRows, caller: _data.Executive));

        Assert.Equal(before, await CountsAsync());
    }
}
