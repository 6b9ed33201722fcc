using CxDashboard.Domain.Friction;

namespace CxDashboard.Web.Features.Friction;

/// <summary>A step of the friction issue's state machine a person can take.</summary>
public enum FrictionMove
{
    Triage = 1,
    Start = 2,
    Resolve = 3,
    Reopen = 4,
    WontFix = 5,
    Close = 6,
}

/// <summary>What a move is called, where it leads and whether it needs words from the person.</summary>
public sealed record FrictionMoveInfo(FrictionMove Move, string Label, FrictionStatus To, string? TextLabel);

/// <summary>
/// How the moves the Domain allows (<see cref="FrictionIssue.AllowedMoves"/>) are offered in menus.
/// The Domain still decides: closing may be refused while the loop is not closed.
/// </summary>
public static class FrictionMoves
{
    private static readonly FrictionMoveInfo Triage = new(FrictionMove.Triage, "Triage", FrictionStatus.Triaged, null);
    private static readonly FrictionMoveInfo Start = new(FrictionMove.Start, "Start work", FrictionStatus.InProgress, null);
    private static readonly FrictionMoveInfo Resolve = new(FrictionMove.Resolve, "Resolve…", FrictionStatus.Resolved, "Resolution");
    private static readonly FrictionMoveInfo Reopen = new(FrictionMove.Reopen, "Reopen…", FrictionStatus.InProgress, "Why it did not hold");
    private static readonly FrictionMoveInfo WontFix = new(FrictionMove.WontFix, "Won't fix…", FrictionStatus.WontFix, "Reason it won't be fixed");
    private static readonly FrictionMoveInfo Close = new(FrictionMove.Close, "Close the loop", FrictionStatus.Closed, null);

    public static IReadOnlyList<FrictionStatus> Columns { get; } =
        [FrictionStatus.New, FrictionStatus.Triaged, FrictionStatus.InProgress, FrictionStatus.Resolved, FrictionStatus.Closed, FrictionStatus.WontFix];

    public static IReadOnlyList<FrictionMoveInfo> From(FrictionStatus status) =>
        [.. FrictionIssue.AllowedMoves(status).Select(to => Toward(status, to))];

    private static FrictionMoveInfo Toward(FrictionStatus from, FrictionStatus to) => to switch
    {
        FrictionStatus.Triaged => Triage,
        FrictionStatus.InProgress => from == FrictionStatus.Resolved ? Reopen : Start,
        FrictionStatus.Resolved => Resolve,
        FrictionStatus.WontFix => WontFix,
        _ => Close,
    };

    public static FrictionMoveInfo Describe(FrictionMove move) => move switch
    {
        FrictionMove.Triage => Triage,
        FrictionMove.Start => Start,
        FrictionMove.Resolve => Resolve,
        FrictionMove.Reopen => Reopen,
        FrictionMove.WontFix => WontFix,
        _ => Close,
    };

    /// <summary>
    /// For a step that needs words: what to ask for when they are missing, and the length the issue
    /// keeps (the Domain refuses more).
    /// </summary>
    public static (string Missing, int MaxLength) TextRule(FrictionMove move) => move switch
    {
        FrictionMove.Resolve => ("Describe what was changed to resolve it.", 4000),
        FrictionMove.Reopen => ("Say why the fix did not hold.", 1000),
        _ => ("Say why it won't be fixed.", 1000),
    };

    public static string Label(FrictionStatus status) => status switch
    {
        FrictionStatus.InProgress => "In progress",
        FrictionStatus.WontFix => "Won't fix",
        _ => status.ToString(),
    };

    public static string SeverityLabel(int severity) => severity switch
    {
        1 => "1 · Cosmetic",
        2 => "2 · Annoying",
        3 => "3 · Serious",
        _ => "4 · Blocks the journey",
    };
}
