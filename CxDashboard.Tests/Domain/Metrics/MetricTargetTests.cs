using CxDashboard.Domain.Common;
using CxDashboard.Domain.Metrics;
using CxDashboard.Tests.Domain.Builders;
using static CxDashboard.Tests.Domain.Builders.Known.Channels;

namespace CxDashboard.Tests.Domain.Metrics;

public class MetricTargetTests
{
    private static readonly Period Q3 = Period.Quarter(2026, 3);
    private static readonly Period Q4 = Period.Quarter(2026, 4);

    private static string Refused(Action attempt) => Assert.Throws<DomainException>(attempt).Message;

    [Fact]
    public void Targets_are_set_per_quarter_only() =>
        Assert.Equal("Targets are set per quarter; 2026-09 is not a quarter.",
            Refused(() => A.Metric().WithTargets(new TargetSpec(Period.Month(2026, 9), null, 40, 5)).Build()));

    [Fact]
    public void A_target_for_a_channel_the_metric_does_not_cover_is_refused() =>
        Assert.Equal("A target for 2026-Q3 names a channel the metric does not apply to.",
            Refused(() => A.Metric().WithChannels(Store, Website).WithTargets(new TargetSpec(Q3, ContactCentre, 40, 5)).Build()));

    [Fact]
    public void Two_total_targets_for_one_quarter_are_refused() =>
        Assert.Equal("There are two targets for 2026-Q3 in total.",
            Refused(() => A.Metric().WithTargets(new TargetSpec(Q3, null, 40, 5), new(Q3, null, 42, 5)).Build()));

    [Fact]
    public void Two_targets_for_one_channel_and_quarter_are_refused() =>
        Assert.Equal("There are two targets for 2026-Q3 on one channel.",
            Refused(() => A.Metric().WithTargets(new TargetSpec(Q3, Store, 40, 5), new(Q3, Store, 42, 5)).Build()));

    [Fact]
    public void A_target_outside_the_unit_range_is_refused() =>
        Assert.Equal("A percentage must be between 0 and 100.",
            Refused(() => A.Metric().WithUnit(MetricUnit.Percent).WithTargets(new TargetSpec(Q3, null, 140, 5)).Build()));

    [Fact]
    public void A_channel_uses_its_own_target_when_set()
    {
        var revision = A.Metric().WithTargets(new TargetSpec(Q3, null, 40, 5), new(Q3, Website, 55, 3)).Build().Current;

        Assert.Equal(55, revision.TargetFor(Q3, Website)!.Value);
        Assert.Equal(3, revision.TargetFor(Q3, Website)!.AmberTolerance);
    }

    [Fact]
    public void A_channel_without_its_own_target_falls_back_to_the_total()
    {
        var revision = A.Metric().WithTargets(new TargetSpec(Q3, null, 40, 5), new(Q3, Website, 55, 3)).Build().Current;

        Assert.Equal(40, revision.TargetFor(Q3, Store)!.Value);
        Assert.Equal(40, revision.TargetFor(Q3, null)!.Value);
    }

    [Fact]
    public void A_quarter_without_targets_has_none()
    {
        var revision = A.Metric().WithTargets(new TargetSpec(Q3, Website, 55, 3)).Build().Current;

        Assert.Null(revision.TargetFor(Q4, null));
        Assert.Null(revision.TargetFor(Q4, Website));
        Assert.Null(revision.TargetFor(Q3, null));
    }

    [Fact]
    public void A_negative_tolerance_is_kept_as_its_size() =>
        Assert.Equal(5, A.Metric().WithTargets(new TargetSpec(Q3, null, 40, -5)).Build().Current.Targets.Single().AmberTolerance);
}
