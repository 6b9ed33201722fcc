using System.Globalization;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Web.Features.Common;

namespace CxDashboard.Web.Features.Feedback;

/// <summary>The inbox's filter inputs as the person edits them; the address holds them, so a view of the inbox is a link.</summary>
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
    public int? ThemeId { get; set; }
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
        ThemeId = ThemeId,
    };

    /// <summary>
    /// Reads <c>period=2026-Q4</c> (or a month or week), <c>from</c>/<c>to</c> (yyyy-MM-dd), <c>channel</c> and
    /// <c>stage</c> (code or id), <c>source</c>, <c>category</c>, <c>sentiment</c>, <c>band</c>, <c>followUp</c>
    /// and <c>sort</c> (names, any case), <c>linked</c> (yes/no), <c>issue</c> (id) and <c>q</c> (text): the
    /// inbox's address and its export link alike. Values it cannot read are ignored.
    /// </summary>
    public static InboxFilterModel FromQuery(ViewQuery query, FeedbackLookups lookups)
    {
        static DateTime? ReadDate(DateOnly? day) => day?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        static int? Find(IReadOnlyList<NamedItem> items, string? value) =>
            value is null ? null
            : items.FirstOrDefault(i => string.Equals(i.Code, value, StringComparison.OrdinalIgnoreCase)
                || i.Id.ToString(CultureInfo.InvariantCulture) == value)?.Id;

        var model = new InboxFilterModel
        {
            From = ReadDate(query.Day("from")),
            To = ReadDate(query.Day("to")),
            ChannelId = Find(lookups.Channels, query.Text("channel")),
            JourneyStageId = Find(lookups.Stages, query.Text("stage")),
            Source = query.Choice<FeedbackSource>("source"),
            Category = query.Choice<FeedbackCategory>("category"),
            Sentiment = query.Choice<Sentiment>("sentiment"),
            Band = query.Choice<ScoreBand>("band"),
            FollowUp = query.Choice<FollowUpFilter>("followUp"),
            Linked = query.YesNo("linked"),
            FrictionIssueId = query.Id("issue"),
            ThemeId = query.Id("theme") is { } themeId && lookups.Themes.Any(t => t.Id == themeId) ? themeId : null,
            // As typed: trimming here would take a space from under the cursor while the search box is in use.
            Text = query.Raw("q"),
            Sort = query.Choice<FeedbackSort>("sort") ?? FeedbackSort.NewestFirst,
        };
        if (Period.TryParse(query.Text("period"), out var period))
        {
            model.From = period.StartUtc;
            model.To = period.End.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        }
        return model;
    }

    /// <summary>The view as <see cref="FromQuery"/> reads it back; what is left at its default is left out.</summary>
    public Dictionary<string, object?> ToQuery() => new()
    {
        ["period"] = null,
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["channel"] = ChannelId,
        ["stage"] = JourneyStageId,
        ["source"] = Source?.ToString(),
        ["category"] = Category?.ToString(),
        ["sentiment"] = Sentiment?.ToString(),
        ["band"] = Band?.ToString(),
        ["followUp"] = FollowUp?.ToString(),
        ["linked"] = Linked switch { true => "yes", false => "no", null => null },
        ["issue"] = FrictionIssueId,
        ["theme"] = ThemeId,
        ["q"] = string.IsNullOrWhiteSpace(Text) ? null : Text,
        ["sort"] = Sort == FeedbackSort.NewestFirst ? null : Sort.ToString(),
    };
}
