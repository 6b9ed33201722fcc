using CxDashboard.Domain.Common;
using CxDashboard.Domain.Scorecards;

namespace CxDashboard.Tests.Domain.Builders;

/// <summary>A draft 2026-Q3 scorecard started by the head of CX, optionally already published.</summary>
public sealed class ScorecardBuilder
{
    private Period _quarter = Period.Quarter(2026, 3);
    private List<ScorecardLine>? _published;

    public ScorecardBuilder For(Period quarter) { _quarter = quarter; return this; }

    public ScorecardBuilder Published(params ScorecardLine[] lines)
    {
        _published = lines.Length > 0 ? [.. lines] : [A.ScorecardLine().Build()];
        return this;
    }

    public Scorecard Build()
    {
        var scorecard = new Scorecard(_quarter, Known.People.HeadOfCx, Known.Now.AddDays(-3));
        if (_published is not null)
        {
            scorecard.Publish(_published, Known.People.HeadOfCx, Known.Now);
        }
        return scorecard;
    }
}
