namespace CxDashboard.Domain.Governance;

public enum ReviewKind
{
    MonthlyCxCouncil = 1,
    QuarterlyExecutiveReview = 2,
}
