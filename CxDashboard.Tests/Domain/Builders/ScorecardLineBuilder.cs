using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Scorecards;

namespace CxDashboard.Tests.Domain.Builders;

/// <summary>Total NPS at 42 against a target of 40 (tolerance 5), up from 38 the quarter before.</summary>
public sealed class ScorecardLineBuilder
{
    private int _metricId = 1;
    private Direction _direction = Direction.HigherIsBetter;
    private double? _actual = 42;
    private double? _target = 40;
    private double _tolerance = 5;
    private double? _threeAgo = 30;
    private double? _twoAgo = 35;
    private double? _previous = 38;
    private string? _commentary;

    public ScorecardLineBuilder ForMetric(int metricId) { _metricId = metricId; return this; }

    public ScorecardLineBuilder WithDirection(Direction direction) { _direction = direction; return this; }

    public ScorecardLineBuilder WithActual(double? actual) { _actual = actual; return this; }

    public ScorecardLineBuilder WithTarget(double? target, double tolerance = 5)
    {
        _target = target;
        _tolerance = tolerance;
        return this;
    }

    public ScorecardLineBuilder WithHistory(double? threeQuartersAgo, double? twoQuartersAgo, double? previousQuarter)
    {
        _threeAgo = threeQuartersAgo;
        _twoAgo = twoQuartersAgo;
        _previous = previousQuarter;
        return this;
    }

    public ScorecardLineBuilder WithCommentary(string commentary) { _commentary = commentary; return this; }

    public ScorecardLine Build() => new(_metricId, "NPS", "Net Promoter Score", MetricDimension.Advocacy, MetricUnit.NpsScore,
        _direction, null, "All channels", _actual, _target, _tolerance, _threeAgo, _twoAgo, _previous, _commentary);
}
