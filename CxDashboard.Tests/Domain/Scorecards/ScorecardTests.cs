using CxDashboard.Domain.Common;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Scorecards;
using CxDashboard.Tests.Domain.Builders;

namespace CxDashboard.Tests.Domain.Scorecards;

public class ScorecardTests
{
    private const int HeadOfCx = Known.People.HeadOfCx;
    private const string Frozen = "The 2026-Q3 scorecard is published and can no longer change.";

    private static string Refused(Action attempt) => Assert.Throws<DomainException>(attempt).Message;

    [Fact]
    public void A_scorecard_covers_a_quarter() =>
        Assert.Equal("A scorecard covers a quarter; 2026-09 is not one.", Refused(() => A.Scorecard().For(Period.Month(2026, 9)).Build()));

    [Fact]
    public void A_new_scorecard_is_a_draft_without_lines()
    {
        var scorecard = A.Scorecard().Build();

        Assert.Equal(ScorecardStatus.Draft, scorecard.Status);
        Assert.False(scorecard.IsPublished);
        Assert.Empty(scorecard.Lines);
    }

    [Fact]
    public void Owners_write_rewrite_and_clear_their_commentary_on_the_draft()
    {
        var scorecard = A.Scorecard().Build();

        scorecard.WriteCommentary(7, "Up thanks to click & collect fix", Known.People.StoresLead, Known.Now);
        scorecard.WriteCommentary(7, "Up four points thanks to click & collect fix", Known.People.StoresLead, Known.Now.AddHours(1));
        scorecard.WriteCommentary(8, "Flat", Known.People.DigitalLead, Known.Now);
        scorecard.WriteCommentary(8, "  ", Known.People.DigitalLead, Known.Now.AddHours(1));

        Assert.Equal("Up four points thanks to click & collect fix", scorecard.CommentaryFor(7));
        Assert.Equal(Known.Now.AddHours(1), Assert.Single(scorecard.Commentary).At);
        Assert.Null(scorecard.CommentaryFor(8));
    }

    [Fact]
    public void A_headline_or_commentary_longer_than_2000_characters_is_refused_and_the_draft_keeps_what_it_had()
    {
        var scorecard = A.Scorecard().Build();
        scorecard.WriteHeadline("Loyalty up, effort down");
        scorecard.WriteCommentary(7, "Up four points", Known.People.StoresLead, Known.Now);
        var tooLong = new string('x', 2001);

        Assert.Equal("The headline must be at most 2000 characters.", Refused(() => scorecard.WriteHeadline(tooLong)));
        Assert.Equal("The commentary must be at most 2000 characters.",
            Refused(() => scorecard.WriteCommentary(7, tooLong, Known.People.StoresLead, Known.Now.AddHours(1))));
        Assert.Equal("Loyalty up, effort down", scorecard.Headline);
        Assert.Equal("Up four points", scorecard.CommentaryFor(7));
    }

    [Fact]
    public void Publishing_freezes_the_lines_given_at_that_moment()
    {
        var scorecard = A.Scorecard().Build();
        var lines = new List<ScorecardLine> { A.ScorecardLine().ForMetric(7).Build(), A.ScorecardLine().ForMetric(8).Build() };

        scorecard.Publish(lines, HeadOfCx, Known.Now);
        lines.Add(A.ScorecardLine().ForMetric(9).Build());
        lines.Clear();

        Assert.Equal([7, 8], scorecard.Lines.Select(l => l.MetricDefinitionId));
        Assert.Equal(ScorecardStatus.Published, scorecard.Status);
        Assert.Equal((HeadOfCx, Known.Now), (scorecard.PublishedByPersonId!.Value, scorecard.PublishedAt!.Value));
    }

    [Fact]
    public void A_scorecard_with_no_lines_cannot_be_published()
    {
        var scorecard = A.Scorecard().Build();

        Assert.Equal("A scorecard with no agreed metrics cannot be published.", Refused(() => scorecard.Publish([], HeadOfCx, Known.Now)));
        Assert.False(scorecard.IsPublished);
    }

    [Fact]
    public void A_refused_publication_leaves_the_draft_without_lines()
    {
        var scorecard = A.Scorecard().Build();

        Assert.Equal("Who published the scorecard is required.",
            Refused(() => scorecard.Publish([A.ScorecardLine().Build()], 0, Known.Now)));
        Assert.False(scorecard.IsPublished);
        Assert.Empty(scorecard.Lines);
    }

    [Fact]
    public void A_published_scorecard_refuses_new_commentary() =>
        Assert.Equal(Frozen, Refused(() => A.Scorecard().Published().Build().WriteCommentary(7, "Late thought", HeadOfCx, Known.Now)));

    [Fact]
    public void A_published_scorecard_refuses_clearing_commentary() =>
        Assert.Equal(Frozen, Refused(() => A.Scorecard().Published().Build().WriteCommentary(7, null, HeadOfCx, Known.Now)));

    [Fact]
    public void A_published_scorecard_refuses_a_new_headline() =>
        Assert.Equal(Frozen, Refused(() => A.Scorecard().Published().Build().WriteHeadline("Better headline")));

    [Fact]
    public void A_published_scorecard_cannot_be_published_again()
    {
        var scorecard = A.Scorecard().Published(A.ScorecardLine().ForMetric(7).Build()).Build();

        Assert.Equal(Frozen, Refused(() => scorecard.Publish([A.ScorecardLine().ForMetric(8).Build()], HeadOfCx, Known.Now)));
        Assert.Equal([7], scorecard.Lines.Select(l => l.MetricDefinitionId));
    }

    [Fact]
    public void The_headline_is_written_on_the_draft()
    {
        var scorecard = A.Scorecard().Build();

        scorecard.WriteHeadline("  NPS up, delivery promise slipping  ");

        Assert.Equal("NPS up, delivery promise slipping", scorecard.Headline);
    }
}
