using CxDashboard.Domain.Governance;

namespace CxDashboard.Web.Features.Governance;

/// <summary>How reviews are named on pages and in exports.</summary>
public static class ReviewLabels
{
    public static string Kind(ReviewKind kind) => kind switch
    {
        ReviewKind.MonthlyCxCouncil => "Monthly CX council",
        ReviewKind.QuarterlyExecutiveReview => "Quarterly executive review",
        _ => kind.ToString(),
    };
}
