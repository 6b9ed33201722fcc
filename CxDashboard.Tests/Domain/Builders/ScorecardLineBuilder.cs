using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Scorecards;
using CxDashboard.Domain.Statistics;

namespace CxDashboard.Tests.Domain.Builders;

/// <summary>
/// Total NPS at 42 against a target of 40 (tolerance 5), up from 38 the quarter before; typed in without
/// answers or intervals unless given, with the change tested from the intervals as a published line's is.
/// </summary>
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
    private (int? N, double? Margin) _answers;
    private (int? N, double? Margin) _previousAnswers;
    private int _minimum = MinimumSample.Default;

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

    /// <summary>This quarter's figure rests on <paramref name="sampleSize"/> answers, ± <paramref name="margin"/> at 95%.</summary>
    public ScorecardLineBuilder WithAnswers(int sampleSize, double? margin = null) { _answers = (sampleSize, margin); return this; }

    public ScorecardLineBuilder WithPreviousAnswers(int sampleSize, double? margin = null) { _previousAnswers = (sampleSize, margin); return this; }

    public ScorecardLineBuilder WithMinimumAnswers(int minimum) { _minimum = minimum; return this; }

    public ScorecardLine Build()
    {
        var figure = Figure(_actual, _answers);
        var previous = Figure(_previous, _previousAnswers);
        var change = figure is { } now && previous is { } then ? Change.Between(then, now, _minimum) : null;
        return new(_metricId, "NPS", "Net Promoter Score", MetricDimension.Advocacy, MetricUnit.NpsScore,
            _direction, null, "All channels", figure, _target, _tolerance, _threeAgo, _twoAgo, previous, change, _minimum, _commentary);
    }

    private static Estimate? Figure(double? value, (int? N, double? Margin) answers) => value is { } v
        ? new Estimate(v, answers.N, answers.Margin is { } m ? v - m : null, answers.Margin is { } m2 ? v + m2 : null)
        : null;
}
