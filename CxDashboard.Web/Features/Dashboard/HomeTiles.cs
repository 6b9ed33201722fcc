using CxDashboard.Domain.Common;

namespace CxDashboard.Web.Features.Dashboard;

/// <summary>The four numbers on the home page, each counted by the database.</summary>
public sealed record HomeTiles(int MetricsAgreed, int OpenFrictionIssues, int OverdueActions, int FeedbackThisQuarter, Period Quarter);
