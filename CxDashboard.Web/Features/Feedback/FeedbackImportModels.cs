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
