namespace CxDashboard.Web.Features.Metrics;

/// <summary>
/// One line of a <see cref="LineChart"/>: a value (or a gap) per label. <see cref="Band"/> is the 95% interval
/// drawn around it where known; <see cref="Hollow"/> marks the points that rest on too few answers.
/// </summary>
public sealed record ChartLine(string Name, string Color, IReadOnlyList<double?> Values, bool Dashed = false,
    IReadOnlyList<ChartBand?>? Band = null, IReadOnlyList<bool>? Hollow = null);

/// <summary>The low and high of a point's 95% interval.</summary>
public readonly record struct ChartBand(double Low, double High);
