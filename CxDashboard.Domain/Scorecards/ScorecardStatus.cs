namespace CxDashboard.Domain.Scorecards;

public enum ScorecardStatus
{
    Draft = 1,
    Published = 2,
}
