using System.ComponentModel;

namespace CxDashboard.Web.Features.Api;

/// <summary>A batch of feedback from a survey tool, review site or contact centre.</summary>
[Description("Up to 1,000 feedback items. Items whose externalId this API key delivered before are skipped, so a batch can be re-sent safely.")]
public sealed record FeedbackBatch(IReadOnlyList<FeedbackInput?>? Items);

[Description("One piece of feedback as the sending system knows it.")]
public sealed record FeedbackInput(
    [property: Description("The sending system's id for this feedback, unique per API key and compared without regard to case; re-sending the same id creates nothing new. Required, at most 100 characters.")]
    string? ExternalId,
    [property: Description("When the customer gave the feedback (ISO 8601; a time without offset is taken as UTC). Required; not in the future.")]
    DateTimeOffset? ReceivedAt,
    [property: Description("Channel code, e.g. stores, web, app, contact-centre. Required.")]
    string? Channel,
    [property: Description("Journey stage code, e.g. discover, buy, deliver. Optional.")]
    string? JourneyStage,
    [property: Description("Survey, Review, Social, ContactCentre, Complaint or FrontLineObservation. Required.")]
    string? Source,
    [property: Description("Product, Service or Experience. Required.")]
    string? Category,
    [property: Description("Positive, Neutral or Negative. Optional: suggested from the score or the words when absent.")]
    string? Sentiment,
    [property: Description("Nps (0-10), Csat (1-5), Ces (1-7) or StarRating (1-5). Optional; given together with score.")]
    string? ScoreScale,
    [property: Description("The customer's score on scoreScale. Optional; given together with scoreScale.")]
    int? Score,
    [property: Description("What was said, at most 4,000 characters. Only a survey answer with a score may leave it empty.")]
    string? Verbatim,
    [property: Description("A pseudonymous customer reference (loyalty or order number), never a name or e-mail: no '@' or spaces. Optional.")]
    string? CustomerRef);

[Description("What the batch changed.")]
public sealed record FeedbackIngested(
    [property: Description("Items stored now.")] int Created,
    [property: Description("Items whose externalId was already stored; they were left as they are.")] int AlreadyPresent,
    [property: Description("Follow-ups opened for detractors and complaints among the new items.")] int FollowUpsOpened,
    [property: Description("The externalIds that were already stored.")] IReadOnlyList<string> AlreadyPresentExternalIds);

/// <summary>A batch of values of one metric from a BI job.</summary>
[Description("Up to 1,000 values of one metric. A value for a period and channel already stored is corrected, so a batch can be re-sent safely.")]
public sealed record MetricValueBatch(IReadOnlyList<MetricValueInput?>? Values);

[Description("A metric's value for one period, on one channel or in total.")]
public sealed record MetricValueInput(
    [property: Description("The period in the metric's cadence: a quarter 2026-Q3, a month 2026-09 or a week 2026-W38. Not a future period.")]
    string? Period,
    [property: Description("Channel code, or null for the total across channels.")]
    string? Channel,
    [property: Description("The value, in the metric's unit.")]
    double? Value,
    [property: Description("How many responses the value stands on. Optional; at least 1.")]
    int? SampleSize,
    [property: Description("The low end of the value's 95% interval. Optional; give both Low and High or neither, Low at or below the value.")]
    double? Low = null,
    [property: Description("The high end of the value's 95% interval. Optional; at or above the value.")]
    double? High = null);

[Description("What the batch changed.")]
public sealed record MetricValuesIngested(
    [property: Description("Values stored for the first time.")] int Created,
    [property: Description("Values that replaced a different stored value.")] int Updated,
    [property: Description("Values equal to what was already stored.")] int Unchanged);
