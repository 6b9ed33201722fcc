namespace CxDashboard.Web.Features.Feedback;

/// <summary>What a feedback import did, or why it did nothing.</summary>
public sealed record FeedbackImportResult(
    bool Succeeded,
    int Imported,
    int SkippedAsAlreadyImported,
    int FollowUpsOpened,
    int FollowUpsWithoutOwner,
    IReadOnlyList<ImportProblem> Problems,
    int ProblemsNotShown)
{
    public static FeedbackImportResult Refused(string reason) => new(false, 0, 0, 0, 0, [new ImportProblem(0, null, reason)], 0);

    public static FeedbackImportResult Refused(IReadOnlyList<ImportProblem> problems, int notShown) => new(false, 0, 0, 0, 0, problems, notShown);
}

/// <summary>A problem in the file: its line (0 for the file as a whole) and column (null for the row or the file).</summary>
public sealed record ImportProblem(int Line, string? Column, string Reason)
{
    public override string ToString() => (Line, Column) switch
    {
        (0, _) => Reason,
        (_, null) => $"Line {Line}: {Reason}",
        _ => $"Line {Line}, column {Column}: {Reason}",
    };
}

/// <summary>
/// What an import would store, before anything is written: the first rows as they will be stored, how many rows
/// the file holds, how many were imported before, and every problem in the whole file.
/// </summary>
public sealed record FeedbackImportPreview(
    int Rows,
    int AlreadyImported,
    IReadOnlyList<PreviewRow> FirstRows,
    IReadOnlyList<ImportProblem> Problems,
    int ProblemsNotShown)
{
    public bool CanImport => Problems.Count == 0 && Rows > 0;

    public static FeedbackImportPreview Refused(string reason) => new(0, 0, [], [new ImportProblem(0, null, reason)], 0);
}

/// <summary>One row of the file as it will be stored, with the names of what it refers to.</summary>
public sealed record PreviewRow(int Line, DateTime ReceivedAt, string Channel, string? JourneyStage, string Source, string Category,
    string Sentiment, string? Score, string Verbatim, string? CustomerRef, string? ExternalId, bool GetsFollowUp);

/// <summary>How far a check or an import has gone through the file.</summary>
public sealed record ImportProgress(string Step, double Fraction);
