using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Web.Features.Api;

namespace CxDashboard.Web.Features.Feedback;

/// <summary>
/// Turns one piece of feedback as another system sends it (codes and names as text) into a
/// <see cref="FeedbackItem"/>, or reports every problem with it by field. Shared by the API's batches
/// and the CSV import, so both accept and refuse exactly the same things.
/// </summary>
public static class FeedbackInputReader
{
    /// <summary>The fields problems are reported against; <see cref="Whole"/> for a rule about the item as a whole.</summary>
    public const string Whole = "", Channel = "channel", JourneyStage = "journeyStage", ReceivedAt = "receivedAt", Source = "source",
        Category = "category", Sentiment = "sentiment", ScoreScale = "scoreScale", Score = "score", Verbatim = "verbatim",
        CustomerRef = "customerRef", ExternalId = "externalId";

    /// <param name="channels">Channel ids by code (and by any other name the caller accepts), case-insensitive.</param>
    /// <param name="stages">Journey stage ids by code (and any other name the caller accepts), case-insensitive.</param>
    /// <param name="problem">Told (field, message) for each problem found.</param>
    /// <param name="externalSource">Whom the input's external id belongs to: the API client or the import's named source.</param>
    public static FeedbackItem? Read(FeedbackInput input, IReadOnlyDictionary<string, int> channels, IReadOnlyDictionary<string, int> stages,
        Action<string, string> problem, int? recordedByPersonId, DateTime now, string externalSource)
    {
        var found = false;
        void Problem(string field, string message)
        {
            found = true;
            problem(field, message);
        }

        int channelId = 0;
        if (string.IsNullOrWhiteSpace(input.Channel))
        {
            Problem(Channel, "The channel code is required.");
        }
        else if (!channels.TryGetValue(input.Channel.Trim(), out channelId))
        {
            Problem(Channel, $"There is no channel with the code '{input.Channel}'.");
        }
        int? stageId = null;
        if (!string.IsNullOrWhiteSpace(input.JourneyStage))
        {
            if (stages.TryGetValue(input.JourneyStage.Trim(), out var stage))
            {
                stageId = stage;
            }
            else
            {
                Problem(JourneyStage, $"There is no journey stage with the code '{input.JourneyStage}'.");
            }
        }
        if (input.ReceivedAt is null)
        {
            Problem(ReceivedAt, "When the feedback was received is required.");
        }
        var source = ReadName<FeedbackSource>(input.Source, Source, "source", required: true, Problem);
        var category = ReadName<FeedbackCategory>(input.Category, Category, "category", required: true, Problem);
        var sentiment = ReadName<Sentiment>(input.Sentiment, Sentiment, "sentiment", required: false, Problem);
        var scale = ReadName<ScoreScale>(input.ScoreScale, ScoreScale, "score scale", required: false, Problem);
        if (CustomerReference.Problem(input.CustomerRef) is { } refProblem)
        {
            Problem(CustomerRef, refProblem);
        }
        var hasScore = scale is not null && input.Score is not null;
        if (string.IsNullOrWhiteSpace(input.Verbatim) && (source is not { } known || FeedbackItem.IsVerbatimRequired(known, hasScore)))
        {
            Problem(Verbatim, FeedbackItem.VerbatimMissing);
        }
        if (found)
        {
            return null;
        }
        try
        {
            if (scale is { } s && input.Score is { } score)
            {
                Scores.Check(s, score);
            }
            var chosen = sentiment ?? SentimentRules.Suggest(scale, input.Score, input.Verbatim).Sentiment;
            return new FeedbackItem(
                new FeedbackDetails(input.ReceivedAt!.Value.UtcDateTime, channelId, stageId, source!.Value, category!.Value, chosen,
                    scale, input.Score, input.Verbatim ?? string.Empty, input.CustomerRef, input.ExternalId, externalSource),
                recordedByPersonId, now);
        }
        catch (DomainException ex)
        {
            Problem(Whole, ex.Message);
            return null;
        }
    }

    // Names only (any case, with or without '-' or '_'): a number would bind whatever the enum holds at that value.
    private static T? ReadName<T>(string? text, string field, string what, bool required, Action<string, string> problem) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                problem(field, $"The {what} is required.");
            }
            return null;
        }
        var name = text.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Trim();
        var match = Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            problem(field, $"'{text}' is not a {what}: use one of {string.Join(", ", Enum.GetNames<T>())}.");
            return null;
        }
        return Enum.Parse<T>(match);
    }
}
