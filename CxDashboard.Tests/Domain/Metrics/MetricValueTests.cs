using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Metrics;
using CxDashboard.Tests.Domain.Builders;
using static CxDashboard.Tests.Domain.Builders.Known.Channels;

namespace CxDashboard.Tests.Domain.Metrics;

public class MetricValueTests
{
    private static readonly Period September = Period.Month(2026, 9);
    private const int By = Known.People.DigitalLead;

    private static MetricValue Record(MetricDefinition metric, Period period, int? channel, double value, int? sampleSize = null) =>
        MetricValue.Record(metric, period, channel, value, sampleSize, By, Known.Now, Known.Today);

    private static string Refused(Action attempt) => Assert.Throws<DomainException>(attempt).Message;

    [Fact]
    public void A_value_is_recorded_for_a_channel_and_period_that_has_started()
    {
        var metric = A.Metric().AgreedBy(Known.Teams.Digital).WithId(7).Build();

        var value = Record(metric, September, Website, 3.4, 1200);

        Assert.Equal(7, value.MetricDefinitionId);
        Assert.Equal(September, value.Period);
        Assert.Equal(PeriodKind.Month, value.PeriodKind);
        Assert.Equal(new DateOnly(2026, 9, 1), value.PeriodStart);
        Assert.Equal(Website, value.ChannelId);
        Assert.Equal(3.4, value.Value);
        Assert.Equal(1200, value.SampleSize);
        Assert.Equal(By, value.RecordedByPersonId);
        Assert.Equal(Known.Now, value.RecordedAt);
    }

    [Fact]
    public void A_total_without_a_channel_can_be_recorded() =>
        Assert.Null(Record(A.Metric().AgreedBy().Build(), September, null, 3.1).ChannelId);

    [Fact]
    public void The_current_quarter_can_be_recorded_before_it_ends() =>
        Assert.Equal(40, Record(A.Metric().AgreedBy().Build(), Period.Quarter(2026, 3), null, 40).Value);

    [Fact]
    public void A_future_period_is_refused()
    {
        var metric = A.Metric().AgreedBy().Build();

        Assert.Equal("2026-10 has not started yet; values cannot be recorded for future periods.",
            Refused(() => Record(metric, Period.Month(2026, 10), null, 3)));
        Assert.Equal("2026-Q4 has not started yet; values cannot be recorded for future periods.",
            Refused(() => Record(metric, Period.Quarter(2026, 4), null, 3)));
    }

    [Fact]
    public void A_metric_computed_from_feedback_refuses_typed_values()
    {
        var nps = A.Metric().Named("Net Promoter Score").ComputedFrom(ScoreScale.Nps).AgreedBy().Build();

        Assert.Equal("Net Promoter Score is computed from feedback scores; its values cannot be typed in.",
            Refused(() => Record(nps, September, null, 35)));
    }

    [Fact]
    public void A_channel_the_metric_is_not_measured_on_is_refused()
    {
        var metric = A.Metric().WithChannels(Store, Website).AgreedBy().Build();

        Assert.Equal("Conversion rate is not measured on that channel.", Refused(() => Record(metric, September, ContactCentre, 3)));
    }

    [Fact]
    public void The_agreed_definition_decides_while_a_revision_is_pending()
    {
        var metric = A.Metric().WithChannels(Store, Website).AgreedBy(Known.Teams.Stores).Build();
        metric.Revise(MetricBuilder.DefaultSpec() with { ChannelIds = [Store, Website, ContactCentre] }, [],
            Known.People.HeadOfCx, Known.Now);

        Assert.Equal("Conversion rate is not measured on that channel.", Refused(() => Record(metric, September, ContactCentre, 3)));
    }

    [Theory]
    [InlineData(MetricUnit.Percent, 120, "A percentage must be between 0 and 100.")]
    [InlineData(MetricUnit.RatingOutOf5, 0, "A rating out of 5 must be between 1 and 5.")]
    [InlineData(MetricUnit.Number, -3, "A value cannot be negative.")]
    public void A_value_outside_the_unit_range_is_refused(MetricUnit unit, double value, string message)
    {
        var metric = A.Metric().WithUnit(unit).WithTargets().AgreedBy().Build();

        Assert.Equal(message, Refused(() => Record(metric, September, null, value)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_sample_of_fewer_than_one_response_is_refused(int sampleSize) =>
        Assert.Equal("The sample size must be at least 1.",
            Refused(() => Record(A.Metric().AgreedBy().Build(), September, null, 3, sampleSize)));

    [Fact]
    public void A_retired_metric_takes_no_new_values() =>
        Assert.Equal("Conversion rate is retired; no new values are recorded.",
            Refused(() => Record(A.Metric().AgreedBy().Retired().Build(), September, null, 3)));

    [Fact]
    public void A_correction_is_checked_like_a_new_value()
    {
        var metric = A.Metric().AgreedBy().Build();
        var value = Record(metric, September, Store, 3);

        Assert.Equal("A percentage must be between 0 and 100.",
            Refused(() => value.Correct(metric, 300, null, By, Known.Now, Known.Today)));
        value.Correct(metric, 3.3, 900, Known.People.HeadOfCx, Known.Now.AddHours(1), Known.Today);

        Assert.Equal((3.3, (int?)900, Known.People.HeadOfCx, Known.Now.AddHours(1)),
            (value.Value, value.SampleSize, value.RecordedByPersonId, value.RecordedAt));
    }
}
