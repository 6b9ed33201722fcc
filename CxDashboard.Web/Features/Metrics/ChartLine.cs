namespace CxDashboard.Web.Features.Metrics;

/// <summary>One line of a <see cref="LineChart"/>: a value (or a gap) per label.</summary>
public sealed record ChartLine(string Name, string Color, IReadOnlyList<double?> Values, bool Dashed = false);
