using CxDashboard.Domain.Common;
using CxDashboard.Domain.Statistics;

namespace CxDashboard.Domain.Friction;

/// <summary>A linked metric's figure in one period, with the answers behind it and its 95% interval, as the data gave it.</summary>
public sealed record MetricReading(Period Period, Estimate Figure);
