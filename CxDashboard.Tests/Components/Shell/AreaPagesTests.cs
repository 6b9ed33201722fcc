using Bunit;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Features.Actions;
using CxDashboard.Web.Features.Feedback;
using CxDashboard.Web.Features.Friction;
using CxDashboard.Web.Features.Governance;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Scorecards;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using System.Reflection;
using System.Text.RegularExpressions;

namespace CxDashboard.Tests.Components.Shell;

public sealed class AreaPagesTests : ShellTestContext
{
    public static TheoryData<Type, string, string, string> Areas => new()
    {
        { typeof(ScorecardsPage), "/scorecards", Policies.Reader, "Scorecards" },
        { typeof(GovernancePage), "/governance", Policies.Reader, "Governance" },
    };

    [Theory]
    [MemberData(nameof(Areas))]
    public void An_area_not_built_yet_has_its_address_and_policy_and_says_honestly_that_it_is_being_built(
        Type page, string route, string policy, string title)
    {
        Assert.Equal(route, page.GetCustomAttribute<RouteAttribute>()?.Template);
        Assert.Equal(policy, page.GetCustomAttribute<AuthorizeAttribute>()?.Policy);

        var rendered = Render(builder =>
        {
            builder.OpenComponent(0, page);
            builder.CloseComponent();
        });

        Assert.Equal(title, rendered.Find("h1").TextContent.Trim());
        var notice = rendered.Find("[data-testid=area-coming-soon]").TextContent;
        Assert.Contains("This area is being built:", notice);
        Assert.DoesNotMatch(new Regex(@"\d"), string.Concat(rendered.Nodes.Select(n => n.TextContent)));
    }
}
