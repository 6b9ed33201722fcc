using CxDashboard.Domain.Themes;

namespace CxDashboard.Web.Data;

/// <summary>An active theme's rule, parsed once for matching many verbatims.</summary>
public sealed record ActiveRule(int ThemeId, ThemeRule Rule);
