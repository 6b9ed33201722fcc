using Bunit;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Components.Shell;

public sealed class NavMenuTests : ShellTestContext
{
    private static readonly string[] ReadingAreas = ["Dashboard", "Metrics", "Feedback", "Themes", "Friction", "Actions", "Scorecards", "Governance"];

    private IReadOnlyList<string> AreasShownTo(params string[] roles)
    {
        SignInAs("Sam Taylor", roles);
        var nav = Render<NavMenu>();
        return nav.FindAll("a").Select(a => a.TextContent.Trim()).ToList();
    }

    [Fact]
    public void An_admin_sees_every_area_including_audit_and_admin()
    {
        Assert.Equal([.. ReadingAreas, "Audit", "Admin"], AreasShownTo(Roles.Admin));
    }

    [Fact]
    public void The_head_of_cx_sees_audit_but_not_admin()
    {
        Assert.Equal([.. ReadingAreas, "Audit"], AreasShownTo(Roles.CxLead));
    }

    [Theory]
    [InlineData(Roles.Executive)]
    [InlineData(Roles.ChannelLead)]
    [InlineData(Roles.Contributor)]
    public void Other_roles_see_the_reading_areas_but_neither_audit_nor_admin(string role)
    {
        Assert.Equal(ReadingAreas, AreasShownTo(role));
    }

    [Fact]
    public void Someone_signed_in_without_a_role_sees_no_area()
    {
        Assert.Empty(AreasShownTo());
    }

    [Fact]
    public void The_links_lead_to_the_areas_addresses()
    {
        SignInAs("Alex Morgan", Roles.Admin);
        var nav = Render<NavMenu>();

        var hrefs = nav.FindAll("a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Equal(["", "metrics", "feedback", "themes", "friction", "actions", "scorecards", "governance", "audit", "admin"], hrefs);
        Assert.NotNull(nav.Find("nav[aria-label='Main navigation']"));
    }

    [Theory]
    [InlineData("/", "Dashboard")]
    [InlineData("/feedback", "Feedback")]
    [InlineData("/feedback/2001?tab=follow-up", "Feedback")]
    [InlineData("/friction/new", "Friction")]
    [InlineData("/metricsx", null)]
    public void The_area_the_person_is_in_is_marked_as_the_current_page(string address, string? current)
    {
        SignInAs("Alex Morgan", Roles.Admin);
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);

        var nav = Render<NavMenu>();

        var marked = nav.FindAll("a[aria-current=page]").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(current is null ? [] : [current], marked);
        Assert.All(nav.FindAll("a[aria-current=page]"), a => Assert.Contains("active", a.ClassList));
    }

    [Fact]
    public void Moving_to_another_area_moves_the_mark()
    {
        SignInAs("Alex Morgan", Roles.Admin);
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/metrics");
        var nav = Render<NavMenu>();

        navigation.NavigateTo("/actions?overdue=true");

        nav.WaitForAssertion(() => Assert.Equal("Actions", nav.Find("a[aria-current=page]").TextContent.Trim()));
        Assert.Single(nav.FindAll("a.active"));
    }
}
