using CxDashboard.Domain.Governance;

namespace CxDashboard.Tests.Domain.Builders;

/// <summary>The September 2026 CX council, attended by Stores and Digital, chaired by the head of CX.</summary>
public sealed class ReviewBuilder
{
    private ReviewKind _kind = ReviewKind.MonthlyCxCouncil;
    private string _title = "CX council, September 2026";
    private int[] _teams = [Known.Teams.Stores, Known.Teams.Digital];

    public ReviewBuilder Of(ReviewKind kind) { _kind = kind; return this; }

    public ReviewBuilder Titled(string title) { _title = title; return this; }

    public ReviewBuilder AttendedBy(params int[] teamIds) { _teams = teamIds; return this; }

    public Review Build() => new(_kind, _title, Known.Today, _teams, Known.People.HeadOfCx);
}
