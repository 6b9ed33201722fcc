using System.Globalization;
using System.Security.Claims;
using Bunit;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Metrics;
using CxDashboard.Tests.Components.Shell;
using CxDashboard.Tests.Features.Metrics;
using CxDashboard.Tests.Features.Scorecards;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Scorecards;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Components.Scorecards;

/// <summary>
/// The scorecard and the comparison of two quarters read each figure with its answers and margin of
/// error, and say in words whether a change is real or noise and where a figure stands against target.
/// </summary>
public sealed class ScorecardFiguresTests : ShellTestContext, IAsyncLifetime
{
    private ScorecardData _data = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        _data = await ScorecardData.CreateAsync();
        var m = _data.Metrics;
        // NPS from a survey tool: +35.2 from 760 answers in Q2, +42 from 800 in Q3, against a target of +40.
        var nps = await m.Metric("NPS").Named("Net Promoter Score").In(MetricDimension.Advocacy).Measured(MetricUnit.NpsScore)
            .Every(PeriodKind.Quarter).On(m.Web).Target("2026-Q2", 40, 5).Target("2026-Q3", 40, 5).AgreedBy(m.DigitalTeam).SaveAsync();
        await RecordAsync(nps, ("2026-Q2", 35.2, 760, 3.5), ("2026-Q3", 42, 800, 3.4));
        // Marketplace NPS: a handful of answers in Q3.
        var marketplace = await m.Metric("MKT").Named("Marketplace NPS").In(MetricDimension.Advocacy).Measured(MetricUnit.NpsScore)
            .Every(PeriodKind.Quarter).On(m.Web).Target("2026-Q3", 40, 5).AgreedBy(m.DigitalTeam).SaveAsync();
        await RecordAsync(marketplace, ("2026-Q2", 20, 40, 28), ("2026-Q3", 67, 9, 40));
        await _data.Service.StartDraftAsync(m.CxLead, ScorecardData.Q2);
        await _data.Service.StartDraftAsync(m.CxLead, ScorecardData.Q3);
        Services.AddSingleton(_data.Service);
        SignIn(m.CxLead, Roles.CxLead);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await _data.DisposeAsync();
        await DisposeAsync();
    }

    private async Task RecordAsync(int metricId, params (string Quarter, double Value, int SampleSize, double Margin)[] totals)
    {
        await using var db = _data.Metrics.Database.CreateDbContext();
        var metric = (await MetricsService.LoadAsync(db, metricId, CancellationToken.None))!;
        foreach (var (quarter, value, n, margin) in totals)
        {
            db.MetricValues.Add(MetricValue.Record(metric, Period.Parse(quarter), null, value, n, _data.Metrics.CxLead.PersonId!.Value,
                MetricsData.Now, DateOnly.FromDateTime(MetricsData.Now), Math.Max(-100, value - margin), Math.Min(100, value + margin)));
        }
        await db.SaveChangesAsync();
    }

    private void SignIn(Caller caller, string role)
    {
        Services.AddCxPageCommands();
        var authorization = AddAuthorization();
        authorization.SetAuthorized(caller.Name);
        authorization.SetRoles(role);
        authorization.SetClaims(new Claim("name", caller.Name),
            new Claim(CxClaimTypes.PersonId, caller.PersonId!.Value.ToString(CultureInfo.InvariantCulture)));
        Services.AddAuthorizationCore(Policies.Configure);
        Services.AddSingleton<IAuthorizationPolicyProvider, DefaultAuthorizationPolicyProvider>();
        Services.AddSingleton<IAuthorizationService, DefaultAuthorizationService>();
    }

    private static string Text(AngleSharp.Dom.IElement row, string cell) => row.QuerySelector(cell)!.TextContent.Trim();

    [Fact]
    public void Each_figure_shows_its_answers_and_margin_and_its_change_on_last_quarter_says_real_or_noise()
    {
        var page = Render<ScorecardPage>(p => p.Add(x => x.QuarterText, "2026-Q3"));

        page.WaitForAssertion(() => page.Find("[data-scope=total] tr[data-metric=NPS]"));
        var nps = page.Find("[data-scope=total] tr[data-metric=NPS]");
        Assert.Equal("n = 800, ±3.4", Text(nps, "[data-actual] [data-sample]"));
        Assert.Equal("n = 800, 95% interval +39 to +45", nps.QuerySelector("[data-actual] [title]")!.GetAttribute("title"));
        Assert.Equal("target within the margin of error", Text(nps, "[data-target-verdict]"));
        Assert.Equal("+6.8, a real improvement", Text(nps, "[data-change-cell]"));
        Assert.Equal("RealImprovement", nps.QuerySelector("[data-change-cell] [data-verdict]")!.GetAttribute("data-verdict"));
        Assert.NotNull(nps.QuerySelector("[data-change-cell] svg"));

        var csat = page.Find("[data-scope=total] tr[data-metric=CSAT]");
        Assert.Equal("+3.0, not tested", Text(csat, "[data-change-cell]"));
        Assert.Equal("on target", Text(csat, "[data-target-verdict]"));
        Assert.Null(csat.QuerySelector("[data-change-cell] svg"));
    }

    [Fact]
    public void A_figure_on_too_few_answers_says_so_without_rag_or_arrow_and_is_left_out_of_the_headline_count()
    {
        var page = Render<ScorecardPage>(p => p.Add(x => x.QuarterText, "2026-Q3"));

        page.WaitForAssertion(() => page.Find("[data-scope=total] tr[data-metric=MKT]"));
        var marketplace = page.Find("[data-scope=total] tr[data-metric=MKT]");
        Assert.Equal("too few answers (n = 9)", Text(marketplace, "[data-actual]"));
        Assert.Equal("Not rated", marketplace.QuerySelectorAll("td")[3].TextContent.Trim());
        Assert.Equal("+47.0, too few answers to tell", Text(marketplace, "[data-change-cell]"));
        Assert.Empty(marketplace.QuerySelectorAll("[data-change-cell] svg"));
        Assert.Empty(marketplace.QuerySelectorAll("[data-target-verdict]"));
        Assert.Equal("By the figures: 2 of 3 metrics with enough answers on target in total (0 amber, 1 red); 1 left out with too few answers.",
            page.Find("[data-testid=standing]").TextContent.Trim());
    }

    [Fact]
    public void Comparing_two_quarters_says_for_each_metric_whether_the_change_is_real_or_noise()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/scorecards/compare?a=2026-Q2&b=2026-Q3");
        var page = Render<ScorecardComparePage>();

        page.WaitForAssertion(() => page.Find("tr[data-metric=NPS]"));
        Assert.Equal("+6.8, a real improvement", Text(page.Find("tr[data-metric=NPS]"), "[data-change-cell]"));
        Assert.Equal("n = 760, ±3.5", Text(page.Find("tr[data-metric=NPS]"), "[data-actual=a] [data-sample]"));
        Assert.Equal("+47.0, too few answers to tell", Text(page.Find("tr[data-metric=MKT]"), "[data-change-cell]"));
        Assert.Equal("too few answers (n = 9)", Text(page.Find("tr[data-metric=MKT]"), "[data-actual=b]"));
        Assert.Equal("+3.0, not tested", Text(page.Find("tr[data-metric=CSAT]"), "[data-change-cell]"));
    }
}
