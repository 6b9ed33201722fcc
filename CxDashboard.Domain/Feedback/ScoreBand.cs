namespace CxDashboard.Domain.Feedback;

public enum ScoreBand
{
    Promoter = 1,
    Passive = 2,
    Detractor = 3,
}
