namespace CxDashboard.Web.Features.Common;

/// <summary>A team, channel, journey stage, person or metric as a form or filter offers it.</summary>
public sealed record NamedItem(int Id, string Name);
