using Bunit;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Components.Layout;
using Microsoft.AspNetCore.Components;

namespace CxDashboard.Tests.Components.Shell;

public sealed class MainLayoutTests : ShellTestContext
{

    private IRenderedComponent<MainLayout> RenderLayout(RenderFragment? body = null) =>
        Render<MainLayout>(p => p.Add(l => l.Body, body ?? (b => b.AddMarkupContent(0, "<h1>Page</h1>"))));

    [Fact]
    public void The_app_bar_shows_the_product_name_the_person_and_their_highest_role()
    {
        SignInAs("Priya Shah", Roles.Contributor, Roles.CxLead);

        var layout = RenderLayout();

        Assert.Contains("CX Dashboard", layout.Find("header").TextContent);
        var person = layout.Find("[data-testid=signed-in-person]");
        Assert.Contains("Priya Shah", person.TextContent);
        Assert.Contains("Head of CX", person.TextContent);
    }

    [Fact]
    public void Sign_out_posts_a_form_with_an_antiforgery_token_to_the_sign_out_endpoint()
    {
        SignInAs("Priya Shah", Roles.Executive);

        var form = RenderLayout().Find("form");

        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("account/signout", form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("input[type=hidden][name=__RequestVerificationToken]"));
        var button = form.QuerySelector("button[type=submit]");
        Assert.NotNull(button);
        Assert.Equal("Sign out Priya Shah", button.GetAttribute("aria-label"));
    }

    [Fact]
    public void The_page_has_landmarks_and_every_icon_button_has_a_name()
    {
        SignInAs("Priya Shah", Roles.Admin);

        var layout = RenderLayout();

        Assert.NotNull(layout.Find("header"));
        Assert.NotNull(layout.Find("nav"));
        Assert.NotNull(layout.Find("main#main-content"));
        Assert.NotNull(layout.Find("a.cx-skip-link[href='#main-content']"));
        Assert.All(layout.FindAll("header button"), b => Assert.False(string.IsNullOrWhiteSpace(b.GetAttribute("aria-label"))));
        Assert.NotNull(layout.Find("#blazor-error-ui"));
    }

    [Fact]
    public void Turning_dark_mode_on_is_remembered_in_the_browser()
    {
        SignInAs("Priya Shah", Roles.Executive);
        JSInterop.Setup<bool?>("cxLayout.loadDarkMode").SetResult(null);
        JSInterop.SetupVoid("cxLayout.saveDarkMode", true).SetVoidResult();
        var layout = RenderLayout();

        layout.Find("[data-testid=dark-mode-toggle]").Click();

        JSInterop.VerifyInvoke("cxLayout.saveDarkMode");
        Assert.Equal("true", layout.Find("[data-testid=dark-mode-toggle]").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void A_dark_mode_saved_earlier_is_applied_once_the_page_is_interactive()
    {
        SignInAs("Priya Shah", Roles.Executive);
        JSInterop.Setup<bool?>("cxLayout.loadDarkMode").SetResult(true);

        var layout = RenderLayout();

        layout.WaitForAssertion(() =>
            Assert.Equal("true", layout.Find("[data-testid=dark-mode-toggle]").GetAttribute("aria-pressed")));
    }

    [Fact]
    public void A_page_that_fails_shows_a_friendly_error_inside_the_layout_instead_of_breaking_the_app()
    {
        SignInAs("Priya Shah", Roles.Executive);

        var layout = RenderLayout(b =>
        {
            b.OpenComponent<FailingPage>(0);
            b.CloseComponent();
        });

        Assert.Contains("Something went wrong", layout.Find("main h1").TextContent);
        Assert.Contains("CX Dashboard", layout.Find("header").TextContent);
        Assert.NotEmpty(layout.FindAll("nav a"));
    }

    private sealed class FailingPage : ComponentBase
    {
        protected override void OnInitialized() => throw new InvalidOperationException("The database is unavailable.");
    }
}
