using CxDashboard.Domain.Statistics;
using CxDashboard.Domain.Themes;

namespace CxDashboard.Web.Features.Themes;

/// <summary>A theme in the catalogue, with how many stored items it tags.</summary>
public sealed record ThemeRow(
    int Id, string Name, int? ParentThemeId, string? ParentName, string Rule, ThemeStatus Status,
    int OwnerPersonId, string OwnerName, int Items, bool NeedsTagging, int Version)
{
    public string FullName => ParentName is null ? Name : ParentName + Theme.Separator + Name;
}

/// <summary>What a rule being typed would tag: its problem, or how many stored items it matches (up to a cap) and the newest of them.</summary>
public sealed record RulePreview(string? Problem, int Matches, bool AtLeast, IReadOnlyList<RuleExample> Examples)
{
    public static RulePreview Refused(string problem) => new(problem, 0, false, []);
}

public sealed record RuleExample(int FeedbackId, DateTime ReceivedAt, string Verbatim);

/// <summary>A new theme, or a change to one (with the version the person saw).</summary>
public sealed record ThemeDraft(int? Id, string Name, int? ParentThemeId, string Rule, int Version = 0);

/// <summary>Which feedback the theme figures count: received on the UTC days [From, To), optionally one channel and one journey stage.</summary>
public sealed record ThemeImpactQuery(DateOnly From, DateOnly To, int? ChannelId = null, int? JourneyStageId = null);

/// <summary>
/// A theme's figures over the feedback a <see cref="ThemeImpactQuery"/> counts: its volume and share, the
/// sentiment of what was said, and its effect on NPS.
/// </summary>
public sealed record ThemeImpactRow(int ThemeId, string Name, int Items, double Share, int Positive, int Neutral, int Negative, ThemeEffect Effect);

public sealed record ThemeImpact(int TotalItems, IReadOnlyList<ThemeImpactRow> Themes);

/// <summary>An emerging phrase with the newest verbatims of the last 7 days that use it.</summary>
public sealed record EmergingPhraseRow(EmergingPhrase Phrase, IReadOnlyList<RuleExample> Examples);

/// <summary>A theme a friction issue is about, with its feedback month by month.</summary>
public sealed record IssueThemeTrend(int ThemeId, string Name, IReadOnlyList<ThemeMonth> Months);

/// <param name="Share">The theme's items as a share of all feedback received that month.</param>
public sealed record ThemeMonth(DateOnly Month, int Items, double Share);
