using Bunit;
using Bunit.TestDoubles;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Components.Account;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CxDashboard.Tests.Components.Account;

/// <summary>What Routes.razor shows when an interactive page refuses someone.</summary>
public sealed class AccountRedirectTests : BunitContext
{
    private readonly BunitAuthorizationContext authorization;
    private readonly CircuitAccess circuitAccess = new();

    public AccountRedirectTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        authorization = AddAuthorization();
        Services.AddSingleton(circuitAccess);
    }

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    [Fact]
    public void Anonymous_visitor_is_sent_to_sign_in_with_the_page_to_come_back_to()
    {
        authorization.SetNotAuthorized();
        Navigation.NavigateTo("metrics?channel=3");

        Render<RedirectToSignIn>();

        Assert.Equal("http://localhost/account/signin?returnUrl=%2Fmetrics%3Fchannel%3D3", Navigation.Uri);
    }

    [Theory]
    [InlineData(AccessChange.RolesChanged, "roles-changed")]
    [InlineData(AccessChange.SessionEnded, "session-ended")]
    public void Open_page_whose_sign_in_was_ended_by_revalidation_says_why_before_signing_in(AccessChange change, string reason)
    {
        authorization.SetNotAuthorized();
        circuitAccess.Ended = change;
        Navigation.NavigateTo("metrics?channel=3");

        Render<RedirectToSignIn>();

        Assert.Equal($"http://localhost/account/access-changed?reason={reason}&returnUrl=%2Fmetrics%3Fchannel%3D3", Navigation.Uri);
    }

    [Fact]
    public void Signed_in_person_without_any_role_is_sent_to_no_access()
    {
        authorization.SetAuthorized("Nina Novak");

        var page = Render<NotAllowed>();

        Assert.Equal("http://localhost" + AccountPaths.NoAccess, Navigation.Uri);
        Assert.DoesNotContain("not open to your role", page.Markup);
    }

    [Fact]
    public void Person_with_a_role_is_told_the_page_is_not_for_their_role_and_offered_the_way_home()
    {
        authorization.SetAuthorized("Evan Price");
        authorization.SetRoles(Roles.Executive);

        var page = Render<NotAllowed>();

        Assert.Contains("This page is not open to your role", page.Markup);
        Assert.Contains("Evan Price", page.Markup);
        Assert.Contains("Executive", page.Markup);
        Assert.NotNull(page.Find("a[href='/']"));
        Assert.Equal("http://localhost/", Navigation.Uri);
    }
}
