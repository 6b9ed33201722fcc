using CxDashboard.Domain.Common;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Statistics;

namespace CxDashboard.Domain.Friction;

/// <summary>
/// A metric the issue is expected to move, with the before/after check that proves it did: the
/// metric's figures in two periods, frozen with their sample sizes, intervals and tested change when
/// checked, so the evidence does not shift when later data arrives. A significant improvement closes the check;
/// anything less needs a reason to close without one.
/// </summary>
public sealed class LinkedMetric
{
    private LinkedMetric() { }

    internal LinkedMetric(int metricId, double? before) { MetricDefinitionId = metricId; Before = before; }

    public int FrictionIssueId { get; private set; }
    public int MetricDefinitionId { get; private set; }
    public double? Before { get; private set; }
    public double? After { get; private set; }
    public DateTime? CheckedAt { get; private set; }

    public Period? BeforePeriod { get; private set; }
    public int? BeforeSampleSize { get; private set; }
    public double? BeforeLow { get; private set; }
    public double? BeforeHigh { get; private set; }
    public Period? AfterPeriod { get; private set; }
    public int? AfterSampleSize { get; private set; }
    public double? AfterLow { get; private set; }
    public double? AfterHigh { get; private set; }

    /// <summary>
    /// What the change amounted to when checked, tested at 95% on the answers of both periods, and its
    /// words ("+6.8, a real improvement"); null on checks recorded before changes were tested.
    /// </summary>
    public ChangeVerdict? Verdict { get; private set; }
    public string? Finding { get; private set; }

    /// <summary>Why the loop may close although the check shows no significant improvement.</summary>
    public string? ReasonToCloseWithoutImprovement { get; private set; }
    public int? ReasonGivenByPersonId { get; private set; }
    public DateTime? ReasonGivenAt { get; private set; }

    public bool IsChecked => After is not null && CheckedAt is not null;

    public bool ShowsRealImprovement => Verdict == ChangeVerdict.RealImprovement;

    /// <summary>Whether this metric no longer stands in the way of closing: a real improvement, or a reason given to close without one.</summary>
    public bool AllowsClosing => ShowsRealImprovement || ReasonToCloseWithoutImprovement is not null;

    internal void RecordCheck(MetricReading before, MetricReading after, Change change, Direction direction, MetricUnit unit, DateTime at)
    {
        if (after.Period.Start <= before.Period.Start)
        {
            throw new DomainException($"The after period ({after.Period}) must come after the before period ({before.Period}).");
        }
        if (!double.IsFinite(before.Figure.Value) || !double.IsFinite(after.Figure.Value))
        {
            throw new DomainException("The before and after figures must be numbers.");
        }
        if (Math.Abs(change.Delta - (after.Figure.Value - before.Figure.Value)) > 1e-6 && !double.IsNaN(change.Delta))
        {
            throw new ArgumentException("The change tested is not the change between the two figures.", nameof(change));
        }
        (BeforePeriod, Before, BeforeSampleSize, BeforeLow, BeforeHigh) =
            (before.Period, before.Figure.Value, before.Figure.SampleSize, before.Figure.Low, before.Figure.High);
        (AfterPeriod, After, AfterSampleSize, AfterLow, AfterHigh) =
            (after.Period, after.Figure.Value, after.Figure.SampleSize, after.Figure.Low, after.Figure.High);
        Verdict = change.Verdict(direction);
        Finding = FigureWording.Change(change, direction, FigurePrecision.Decimals(unit));
        CheckedAt = at;
    }

    internal void EraseWords(Redaction redaction) =>
        ReasonToCloseWithoutImprovement = redaction.Apply(ReasonToCloseWithoutImprovement, 1000);

    internal void GiveReasonToCloseWithoutImprovement(string reason, int byPersonId, DateTime at)
    {
        ReasonToCloseWithoutImprovement = Guard.Text(reason, "The reason to close without a significant improvement", 1000);
        ReasonGivenByPersonId = Guard.Id(byPersonId, "Who gave the reason");
        ReasonGivenAt = Guard.Utc(at);
    }
}
