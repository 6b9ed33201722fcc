using CxDashboard.Domain.Feedback;

namespace CxDashboard.Web.Features.Feedback;

/// <summary>A mapping offered by name: one the app ships for a survey tool's export, or one someone saved.</summary>
public sealed record ImportPresetChoice(string Name, string SurveySource, ImportMapping Mapping, bool Shipped);

/// <summary>
/// The mappings the app ships, built from the survey tools' own descriptions of their exports. Neither tool can
/// know which question is the score or the comment, nor which channel the survey ran in, so those are the
/// exports' usual first questions and the person checks them on the page.
/// </summary>
public static class ShippedPresets
{
    /// <summary>
    /// Qualtrics "Data Table" export, CSV or TSV: three header rows, the field's internal id (ResponseId,
    /// StartDate, EndDate, RecordedDate, Q1, Q2…), the question's text, then a <c>{"ImportId":"…"}</c> object
    /// (Qualtrics support, "Understanding Your Dataset":
    /// https://www.qualtrics.com/support/survey-platform/data-and-analysis-module/data/download-data/understanding-your-dataset/).
    /// RecordedDate is when the response was recorded, in the time zone chosen for the export.
    /// </summary>
    public static readonly ImportPresetChoice Qualtrics = new("Qualtrics data table", SheetLayout.Qualtrics, new ImportMapping
    {
        HeaderRows = 3,
        NameRow = 1,
        ReceivedAt = "RecordedDate",
        ExternalId = "ResponseId",
        Score = "Q1",
        WholeFileScoreScale = ScoreScale.Nps,
        Comments = ["Q2"],
        WholeFileSource = FeedbackSource.Survey,
        WholeFileCategory = FeedbackCategory.Experience,
    }, Shipped: true);

    /// <summary>
    /// SurveyMonkey "All responses data" export, CSV or XLSX: two header rows, the question's text (over the first
    /// of its columns only), then what each column holds ("Response", "Open-Ended Response", or an answer choice);
    /// the respondent's columns come first: Respondent ID, Collector ID, Start Date, End Date, IP Address…
    /// (SurveyMonkey User Manual, "All Responses Collected" spreadsheet, https://www.scribd.com/doc/56134416/User-Manual).
    /// Dates are written month first (MM/DD/YYYY).
    /// </summary>
    public static readonly ImportPresetChoice SurveyMonkey = new("SurveyMonkey all responses", SheetLayout.SurveyMonkey, new ImportMapping
    {
        HeaderRows = 2,
        NameRow = 1,
        ReceivedAt = "End Date",
        DayFirst = false,
        ExternalId = "Respondent ID",
        WholeFileSource = FeedbackSource.Survey,
        WholeFileCategory = FeedbackCategory.Experience,
        WholeFileScoreScale = ScoreScale.Nps,
    }, Shipped: true);

    public static readonly IReadOnlyList<ImportPresetChoice> All = [Qualtrics, SurveyMonkey];
}
