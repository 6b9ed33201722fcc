namespace CxDashboard.Tests.Domain.Builders;

/// <summary>Entry point for test data: <c>A.Metric().WithStakeholders(2, 3).Build()</c>.</summary>
public static class A
{
    public static MetricBuilder Metric() => new();

    public static FeedbackBuilder Feedback() => new();

    public static FrictionIssueBuilder FrictionIssue() => new();

    public static ActionBuilder Action() => new();

    public static ReviewBuilder Review() => new();

    public static ScorecardBuilder Scorecard() => new();

    public static ScorecardLineBuilder ScorecardLine() => new();
}
