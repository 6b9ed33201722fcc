using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using CxDashboard.Domain.Feedback;
using CxDashboard.Web.Features.Feedback;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Tests.Features.Feedback;

/// <summary>
/// Exports as survey tools write them, made here from their documented layouts: a Qualtrics data table (three header
/// rows), SurveyMonkey's all-responses file (two), a plain CSV with names of its own, and an Excel workbook.
/// </summary>
public sealed class SurveyExportImportTests : IAsyncLifetime
{
    private FeedbackData _data = null!;
    private readonly List<ImportFile> _files = [];

    public async Task InitializeAsync() => _data = await FeedbackData.CreateAsync();

    public async Task DisposeAsync()
    {
        foreach (var file in _files)
        {
            await file.DisposeAsync();
        }
        await _data.Database.DisposeAsync();
    }

    private FeedbackImporter Importer() => new(_data.Database, _data.Clock, _data.Service(), _data.Metrics);

    private ImportPresetService Presets() => new(_data.Database, _data.Clock);

    private async Task<ImportFile> FileAsync(string name, byte[] content)
    {
        var file = await ImportFile.SpoolAsync(new MemoryStream(content), name);
        _files.Add(file);
        return file;
    }

    private Task<ImportFile> FileAsync(string name, string text) => FileAsync(name, Encoding.UTF8.GetBytes(text));

    private async Task<List<FeedbackItem>> StoredAsync()
    {
        await using var db = _data.Database.CreateDbContext();
        return await db.Feedback.AsNoTracking().OrderBy(f => f.Id).ToListAsync();
    }

    // Qualtrics' data table: the field's id, the question's text, then its ImportId (with the export's time zone on dates).
    private const string Qualtrics = "\uFEFF"
        + "StartDate,EndDate,Status,Progress,Duration (in seconds),Finished,RecordedDate,ResponseId,DistributionChannel,UserLanguage,Q1,Q2\r\n"
        + "Start Date,End Date,Response Type,Progress,Duration (in seconds),Finished,Recorded Date,Response ID,Distribution Channel,User Language,"
        + "\"How likely are you to recommend Harlow & Finch to a friend or colleague? - 0 = Not at all likely, 10 = Extremely likely\",What is the main reason for your score?\r\n"
        + "\"{\"\"ImportId\"\":\"\"startDate\"\",\"\"timeZone\"\":\"\"America/Denver\"\"}\",\"{\"\"ImportId\"\":\"\"endDate\"\",\"\"timeZone\"\":\"\"America/Denver\"\"}\","
        + "\"{\"\"ImportId\"\":\"\"status\"\"}\",\"{\"\"ImportId\"\":\"\"progress\"\"}\",\"{\"\"ImportId\"\":\"\"duration\"\"}\",\"{\"\"ImportId\"\":\"\"finished\"\"}\","
        + "\"{\"\"ImportId\"\":\"\"recordedDate\"\",\"\"timeZone\"\":\"\"America/Denver\"\"}\",\"{\"\"ImportId\"\":\"\"_recordId\"\"}\","
        + "\"{\"\"ImportId\"\":\"\"distributionChannel\"\"}\",\"{\"\"ImportId\"\":\"\"userLanguage\"\"}\",\"{\"\"ImportId\"\":\"\"QID1\"\"}\",\"{\"\"ImportId\"\":\"\"QID2_TEXT\"\"}\"\r\n"
        + "2026-11-20 09:58:12,2026-11-20 10:00:05,IP Address,100,113,True,2026-11-20 10:00:06,R_1a2B3c4D5e6F7g8,anonymous,EN,3,\"The queue was long, and nobody helped.\"\r\n"
        + "2026-11-20 11:02:40,2026-11-20 11:03:10,IP Address,100,30,True,2026-11-20 11:03:11,R_9h8G7f6E5d4C3b2,email,EN,10,\r\n";

    // SurveyMonkey's all-responses export: the question over its first column, then what each column holds.
    private const string SurveyMonkey =
        "Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,First Name,Last Name,Custom Data 1,"
        + "How likely is it that you would recommend Harlow & Finch to a friend or colleague?,Which of our channels did you use?,,Why did you give that score?\r\n"
        + ",,,,,,,,,Response,Store,Website,Open-Ended Response\r\n"
        + "114227000001,431234567,11/20/2026 09:58:12 AM,11/20/2026 10:00:05 AM,81.2.69.160,,,,,9,Store,,Friendly staff at the till\r\n"
        + "114227000002,431234567,11/21/2026 01:15:00 PM,11/21/2026 01:17:30 PM,81.2.69.161,,,,,2,,Website,Parcel arrived two days late\r\n";

    [Fact]
    public async Task A_Qualtrics_data_table_is_recognised_and_imported_with_its_shipped_preset_in_the_exports_time_zone()
    {
        var file = await FileAsync("qualtrics.csv", Qualtrics);
        var layout = FeedbackImporter.ReadLayout(file);

        Assert.Equal((SheetLayout.Qualtrics, 3, 1), (layout.Recognised, layout.HeaderRows, layout.NameRow));
        Assert.Equal(["The queue was long, and nobody helped."], layout.Column("Q2")!.Samples);
        var mapping = ShippedPresets.Qualtrics.Mapping.Over(ImportMapping.Guess(layout)) with { WholeFileChannel = "store", TimeZone = "America/Denver" };
        var result = await Importer().ImportAsync(_data.CaraContributor, file, null, mapping, "Qualtrics");

        Assert.True(result.Succeeded, string.Join(" ", result.Problems));
        Assert.Equal((2, 1), (result.Imported, result.FollowUpsOpened));
        var stored = await StoredAsync();
        Assert.Equal(["R_1a2B3c4D5e6F7g8", "R_9h8G7f6E5d4C3b2"], stored.Select(f => f.ExternalId));
        // 10:00:06 in Denver in November (MST, UTC-7).
        Assert.Equal(new DateTime(2026, 11, 20, 17, 0, 6, DateTimeKind.Utc), stored[0].ReceivedAt);
        Assert.Equal((ScoreScale.Nps, 3, ScoreBand.Detractor), (stored[0].ScoreScale!.Value, stored[0].Score!.Value, stored[0].ScoreBand!.Value));
        Assert.Equal("The queue was long, and nobody helped.", stored[0].Verbatim);
        Assert.Equal(("Import: Qualtrics", _data.Store, FeedbackSource.Survey), (stored[1].ExternalSource, stored[1].ChannelId, stored[1].Source));
    }

    [Fact]
    public async Task A_SurveyMonkey_export_names_each_column_by_its_question_and_answer_and_its_score_and_comment_are_guessed()
    {
        var file = await FileAsync("surveymonkey.csv", SurveyMonkey);
        var layout = FeedbackImporter.ReadLayout(file);

        Assert.Equal((SheetLayout.SurveyMonkey, 2), (layout.Recognised, layout.HeaderRows));
        Assert.Contains(layout.Columns, c => c.Name == "Which of our channels did you use? – Website");
        var mapping = ShippedPresets.SurveyMonkey.Mapping.Over(ImportMapping.Guess(layout)) with { WholeFileChannel = "web" };
        Assert.Equal(("How likely is it that you would recommend Harlow & Finch to a friend or colleague?", "Why did you give that score?"),
            (mapping.Score, Assert.Single(mapping.Comments)));

        var result = await Importer().ImportAsync(_data.CaraContributor, file, null, mapping, "SurveyMonkey");

        Assert.True(result.Succeeded, string.Join(" ", result.Problems));
        var stored = await StoredAsync();
        Assert.Equal(["114227000001", "114227000002"], stored.Select(f => f.ExternalId));
        // Month first, as SurveyMonkey writes dates; 1:17 PM is 13:17.
        Assert.Equal(new DateTime(2026, 11, 21, 13, 17, 30, DateTimeKind.Utc), stored[1].ReceivedAt);
        Assert.Equal((2, "Parcel arrived two days late"), (stored[1].Score!.Value, stored[1].Verbatim));
    }

    [Fact]
    public async Task A_plain_CSV_is_previewed_with_its_guessed_columns_and_the_preview_writes_nothing()
    {
        var file = await FileAsync("store-survey.csv",
            "Response ID,Submitted,Store visited,Likelihood to recommend,Comments,Anything else?\n"
            + "S-1,2026-11-20 10:00,Leeds,3,The queue was long,Please open more tills\n"
            + "S-2,2026-11-20 11:30,York,9,Helpful staff,\n");
        var layout = FeedbackImporter.ReadLayout(file);
        var guess = ImportMapping.Guess(layout);

        Assert.Equal(("Submitted", "Likelihood to recommend", "Response ID", ScoreScale.Nps), (guess.ReceivedAt, guess.Score, guess.ExternalId, guess.WholeFileScoreScale));
        Assert.Equal(["Comments", "Anything else?"], guess.Comments);
        var unfinished = await Importer().PreviewAsync(_data.CaraContributor, file, null, guess, "Store survey");
        Assert.Contains(unfinished.Problems, p => p.Reason == "Choose the column that gives the category, or one category for the whole file.");

        var mapping = guess with { WholeFileChannel = "store", WholeFileCategory = FeedbackCategory.Service };
        var preview = await Importer().PreviewAsync(_data.CaraContributor, file, null, mapping, "Store survey");

        Assert.True(preview.CanImport, string.Join(" ", preview.Problems));
        Assert.Equal(2, preview.Rows);
        var first = preview.FirstRows[0];
        Assert.Equal((2, "Store", "Service", "NPS 3 · detractor", "The queue was long\nPlease open more tills", true),
            (first.Line, first.Channel, first.Category, first.Score, first.Verbatim, first.GetsFollowUp));
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task A_workbook_is_read_from_the_chosen_sheet_with_its_typed_dates_and_numbers()
    {
        using var workbook = new XLWorkbook();
        workbook.AddWorksheet("About").Cell(1, 1).Value = "Exported from the store survey";
        var sheet = workbook.AddWorksheet("Responses");
        sheet.Cell(1, 1).Value = "ResponseId";
        sheet.Cell(1, 2).Value = "RecordedDate";
        sheet.Cell(1, 3).Value = "Score";
        sheet.Cell(1, 4).Value = "Comment";
        sheet.Cell(2, 1).Value = "W-1";
        sheet.Cell(2, 2).Value = new DateTime(2026, 11, 20, 10, 15, 0);
        sheet.Cell(2, 3).Value = 2;
        sheet.Cell(2, 4).Value = "Nobody at the till";
        var bytes = new MemoryStream();
        workbook.SaveAs(bytes);
        var file = await FileAsync("responses.xlsx", bytes.ToArray());

        Assert.Equal(["About", "Responses"], SheetReader.SheetsOf(file));
        var layout = FeedbackImporter.ReadLayout(file, "Responses");
        var mapping = ImportMapping.Guess(layout) with { WholeFileChannel = "store", WholeFileCategory = FeedbackCategory.Service, TimeZone = "Europe/London" };
        var result = await Importer().ImportAsync(_data.CaraContributor, file, "Responses", mapping, "Store survey");

        Assert.True(result.Succeeded, string.Join(" ", result.Problems));
        var stored = Assert.Single(await StoredAsync());
        Assert.Equal(("W-1", new DateTime(2026, 11, 20, 10, 15, 0, DateTimeKind.Utc), 2, "Nobody at the till"),
            (stored.ExternalId, stored.ReceivedAt, stored.Score!.Value, stored.Verbatim));
    }

    [Fact]
    public async Task A_saved_preset_is_offered_again_for_its_source_and_maps_the_next_export_the_same_way()
    {
        var file = await FileAsync("qualtrics.csv", Qualtrics);
        var mapping = ShippedPresets.Qualtrics.Mapping with { WholeFileChannel = "web", TimeZone = "Europe/London", WholeFileCategory = FeedbackCategory.Product };
        await Presets().SaveAsync(_data.CaraContributor, "Online NPS", "Qualtrics", mapping);
        await Presets().SaveAsync(_data.CaraContributor, "Online NPS", "Qualtrics", mapping with { Comments = ["Q2"] });

        var offered = await Presets().ListAsync(_data.CaraContributor, "Qualtrics");
        var elsewhere = await Presets().ListAsync(_data.CaraContributor, "SurveyMonkey");

        var saved = Assert.Single(offered, p => !p.Shipped);
        Assert.Equal(("Online NPS", mapping.ToJson()), (saved.Name, saved.Mapping.ToJson()));
        Assert.DoesNotContain(elsewhere, p => !p.Shipped);
        Assert.Equal(ShippedPresets.All.Select(p => p.Name), offered.Where(p => p.Shipped).Select(p => p.Name));
        var before = await Importer().PreviewAsync(_data.CaraContributor, file, null, mapping, "Qualtrics");
        var after = await Importer().PreviewAsync(_data.CaraContributor, file, null, saved.Mapping, "Qualtrics");
        Assert.True(after.CanImport, string.Join(" ", after.Problems));
        Assert.Equal(before.FirstRows, after.FirstRows);
    }

    [Fact]
    public async Task Importing_the_same_export_again_skips_every_response_already_imported()
    {
        var mapping = ShippedPresets.Qualtrics.Mapping with { WholeFileChannel = "store" };
        await Importer().ImportAsync(_data.CaraContributor, await FileAsync("qualtrics.csv", Qualtrics), null, mapping, "Qualtrics");

        var preview = await Importer().PreviewAsync(_data.CaraContributor, await FileAsync("again.csv", Qualtrics), null, mapping, "Qualtrics");
        var again = await Importer().ImportAsync(_data.CaraContributor, await FileAsync("again.csv", Qualtrics), null, mapping, "Qualtrics");

        Assert.Equal((2, 2), (preview.Rows, preview.AlreadyImported));
        Assert.Equal((0, 2), (again.Imported, again.SkippedAsAlreadyImported));
        Assert.Equal(2, (await StoredAsync()).Count);
    }

    [Fact]
    public async Task A_workbook_packed_to_blow_up_when_read_is_refused_before_it_is_read()
    {
        var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using (var workbook = zip.CreateEntry("xl/workbook.xml").Open())
            {
                await workbook.WriteAsync("<workbook/>"u8.ToArray());
            }
            await using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var spaces = new byte[1024 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < 64; i++)
            {
                await sheet.WriteAsync(spaces);
            }
        }

        var result = await Importer().ImportAsync(_data.CaraContributor, "responses.xlsx", new MemoryStream(bomb.ToArray()));

        Assert.Equal("The workbook unpacks to far more than its size: it cannot be read safely. Save the export again as CSV UTF-8, or as a new workbook.",
            Assert.Single(result.Problems).Reason);
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task A_CSV_saved_in_a_legacy_encoding_is_refused_with_how_to_save_it()
    {
        var latin1 = Encoding.Latin1.GetBytes("ReceivedAt,Channel,Source,Category,Verbatim\n2026-11-20 10:00,store,Survey,Service,Très lent\n");

        var result = await Importer().ImportAsync(_data.CaraContributor, "survey.csv", new MemoryStream(latin1));

        Assert.Equal("The file is not a CSV text file (it is not UTF-8 text). Save the export as CSV UTF-8.", Assert.Single(result.Problems).Reason);
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task A_mapping_naming_a_column_the_file_lacks_says_which_and_writes_nothing()
    {
        var file = await FileAsync("qualtrics.csv", Qualtrics);

        var result = await Importer().ImportAsync(_data.CaraContributor, file, null,
            ShippedPresets.Qualtrics.Mapping with { WholeFileChannel = "store", Comments = ["Q7"] }, "Qualtrics");

        Assert.Equal(["The file has no column 'Q7'. Choose another column, or check the header rows."], result.Problems.Select(p => p.Reason));
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task Every_progress_report_of_a_check_and_an_import_arrives_before_it_ends_the_last_at_the_whole_file()
    {
        var file = await FileAsync("qualtrics.csv", Qualtrics);
        var mapping = ShippedPresets.Qualtrics.Mapping.Over(ImportMapping.Guess(FeedbackImporter.ReadLayout(file))) with { WholeFileChannel = "store" };
        var reports = new System.Collections.Concurrent.ConcurrentQueue<ImportProgress>();
        // A page busy drawing takes its time over a report. One that came after the step had ended would show the
        // step as under way again, with every button off, until the next step.
        var progress = new Web.Features.Common.InlineProgress<ImportProgress>(p =>
        {
            Thread.Sleep(p.Fraction >= 1 ? 300 : 0);
            reports.Enqueue(p);
        });

        var preview = await Importer().PreviewAsync(_data.CaraContributor, file, null, mapping, "Qualtrics", progress);
        var afterCheck = reports.ToArray();
        var result = await Importer().ImportAsync(_data.CaraContributor, file, null, mapping, "Qualtrics", progress);
        var afterImport = reports.ToArray();

        Assert.True(preview.CanImport && result.Succeeded);
        Assert.Equal(("Checking", 1.0), (afterCheck[^1].Step, afterCheck[^1].Fraction));
        Assert.Equal(("Importing", 1.0), (afterImport[^1].Step, afterImport[^1].Fraction));
    }
}
