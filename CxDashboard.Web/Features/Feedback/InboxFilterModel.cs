using System.Globalization;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;

namespace CxDashboard.Web.Features.Feedback;

/// <summary>The inbox's filter inputs as the person edits them; the query string presets them (the dashboard links here).</summary>
public sealed class InboxFilterModel
{
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
    public int? ChannelId { get; set; }
    public FeedbackSource? Source { get; set; }
    public int? JourneyStageId { get; set; }
    public FeedbackCategory? Category { get; set; }
    public Sentiment? Sentiment { get; set; }
    public ScoreBand? Band { get; set; }
    public bool? Linked { get; set; }
    public int? FrictionIssueId { get; set; }
    public FollowUpFilter? FollowUp { get; set; }
    public string? Text { get; set; }
    public FeedbackSort Sort { get; set; }

    public bool IsEmpty => ToFilter() == FeedbackFilter.All;

    /// <summary>The filter for the service: dates are whole days, the "to" day included.</summary>
    public FeedbackFilter ToFilter() => new()
    {
        FromUtc = From is { } from ? DateTime.SpecifyKind(from.Date, DateTimeKind.Utc) : null,
        ToUtc = To is { } to ? DateTime.SpecifyKind(to.Date.AddDays(1), DateTimeKind.Utc) : null,
        ChannelId = ChannelId,
        Source = Source,
        JourneyStageId = JourneyStageId,
        Category = Category,
        Sentiment = Sentiment,
        Band = Band,
        Linked = Linked,
        FrictionIssueId = FrictionIssueId,
        FollowUp = FollowUp,
        Text = string.IsNullOrWhiteSpace(Text) ? null : Text.Trim(),
    };

    /// <summary>
    /// Reads <c>period=2026-Q4</c> (or a month or week), <c>from</c>/<c>to</c> (yyyy-MM-dd), <c>channel</c> and
    /// <c>stage</c> (code or id), <c>source</c>, <c>category</c>, <c>sentiment</c>, <c>band</c>, <c>followUp</c>
    /// (names, any case), <c>linked</c> (yes/no), <c>issue</c> (id) and <c>q</c> (text). Values it cannot read are ignored.
    /// </summary>
    public static InboxFilterModel FromQuery(IReadOnlyDictionary<string, string?> query, FeedbackLookups lookups)
    {
        string? Get(string key) => query.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        static TEnum? ReadEnum<TEnum>(string? value) where TEnum : struct, Enum =>
            value is not null && !int.TryParse(value, out _) && Enum.TryParse<TEnum>(value.Replace("-", "", StringComparison.Ordinal), true, out var parsed)
                ? parsed : null;
        static DateTime? ReadDate(string? value) =>
            DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : null;
        static int? Find(IReadOnlyList<NamedItem> items, string? value) =>
            value is null ? null
            : items.FirstOrDefault(i => string.Equals(i.Code, value, StringComparison.OrdinalIgnoreCase)
                || i.Id.ToString(CultureInfo.InvariantCulture) == value)?.Id;

        var model = new InboxFilterModel
        {
            From = ReadDate(Get("from")),
            To = ReadDate(Get("to")),
            ChannelId = Find(lookups.Channels, Get("channel")),
            JourneyStageId = Find(lookups.Stages, Get("stage")),
            Source = ReadEnum<FeedbackSource>(Get("source")),
            Category = ReadEnum<FeedbackCategory>(Get("category")),
            Sentiment = ReadEnum<Sentiment>(Get("sentiment")),
            Band = ReadEnum<ScoreBand>(Get("band")),
            FollowUp = ReadEnum<FollowUpFilter>(Get("followUp")),
            Linked = Get("linked")?.ToLowerInvariant() switch
            {
                "yes" or "true" => true,
                "no" or "false" => false,
                _ => null,
            },
            FrictionIssueId = int.TryParse(Get("issue"), NumberStyles.None, CultureInfo.InvariantCulture, out var issue) && issue > 0 ? issue : null,
            Text = Get("q"),
        };
        if (Period.TryParse(Get("period"), out var period))
        {
            model.From = period.StartUtc;
            model.To = period.End.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        }
        return model;
    }
}
