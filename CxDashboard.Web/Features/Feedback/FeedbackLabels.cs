using System.Globalization;
using CxDashboard.Domain.Feedback;
using MudBlazor;

namespace CxDashboard.Web.Features.Feedback;

/// <summary>How the feedback pages name and colour the feedback vocabulary, in one place.</summary>
public static class FeedbackLabels
{
    public static string Of(FeedbackSource source) => source switch
    {
        FeedbackSource.Survey => "Survey",
        FeedbackSource.Review => "Review",
        FeedbackSource.Social => "Social",
        FeedbackSource.ContactCentre => "Contact centre",
        FeedbackSource.Complaint => "Complaint",
        FeedbackSource.FrontLineObservation => "Front-line observation",
        _ => source.ToString(),
    };

    public static string Of(FeedbackCategory category) => category.ToString();

    public static string Of(Sentiment sentiment) => sentiment.ToString();

    public static string Of(ScoreBand band) => band.ToString();

    public static string Of(FollowUpFilter state) => state switch
    {
        FollowUpFilter.None => "No follow-up",
        FollowUpFilter.Open => "Open",
        FollowUpFilter.Overdue => "Overdue",
        FollowUpFilter.Contacted => "Contacted",
        FollowUpFilter.Resolved => "Resolved",
        _ => state.ToString(),
    };

    public static string Of(FollowUpStatus status) => status switch
    {
        FollowUpStatus.None => "None",
        FollowUpStatus.Open => "Open",
        FollowUpStatus.Contacted => "Contacted",
        FollowUpStatus.Resolved => "Resolved",
        _ => status.ToString(),
    };

    public static string Of(ScoreScale scale) => scale switch
    {
        ScoreScale.Nps => "NPS (0–10)",
        ScoreScale.Csat => "CSAT (1–5)",
        ScoreScale.Ces => "CES (1–7)",
        ScoreScale.StarRating => "Star rating (1–5)",
        _ => scale.ToString(),
    };

    public static string Of(FeedbackSort sort) => sort switch
    {
        FeedbackSort.NewestFirst => "Newest first",
        FeedbackSort.OldestFirst => "Oldest first",
        FeedbackSort.HighestScoreFirst => "Highest score first",
        FeedbackSort.LowestScoreFirst => "Lowest score first",
        _ => sort.ToString(),
    };

    /// <summary>"NPS 3 · detractor", or an empty string without a score.</summary>
    public static string Score(ScoreScale? scale, int? score, ScoreBand? band) =>
        scale is { } s && score is { } value
            ? string.Create(CultureInfo.InvariantCulture, $"{Scores.Name(s)} {value}") + (band is { } b ? $" · {Of(b).ToLowerInvariant()}" : string.Empty)
            : string.Empty;

    public static Color ColorOf(Sentiment sentiment) => sentiment switch
    {
        Sentiment.Positive => Color.Success,
        Sentiment.Negative => Color.Error,
        _ => Color.Default,
    };

    /// <summary>How a follow-up's state is shown as a chip, or null when there is no follow-up.</summary>
    public static FollowUpLook? FollowUpLookOf(FollowUpStatus status, DateTime? dueAt, bool isOverdue) =>
        isOverdue ? new FollowUpLook("Overdue" + (dueAt is { } since ? $" since {Time(since)}" : ""), Variant.Filled, Color.Error, Icons.Material.Filled.AlarmOn)
        : status == FollowUpStatus.None ? null
        : new FollowUpLook(Of(status) + (status == FollowUpStatus.Open && dueAt is { } due ? $", due {Time(due)}" : ""), Variant.Outlined,
            status == FollowUpStatus.Resolved ? Color.Success : status == FollowUpStatus.Contacted ? Color.Info : Color.Warning, null);

    public static string Time(DateTime utc) => utc.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture) + " UTC";

    public static string Date(DateTime utc) => utc.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}

/// <summary>A follow-up's chip: its text, variant, colour and icon.</summary>
public sealed record FollowUpLook(string Text, Variant Variant, Color Color, string? Icon);
