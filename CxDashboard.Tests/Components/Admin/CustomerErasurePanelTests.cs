using Bunit;
using Bunit.Rendering;
using CxDashboard.Tests.Components.Feedback;
using CxDashboard.Tests.Components.Forms;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Features.Admin;
using CxDashboard.Web.Features.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CxDashboard.Tests.Components.Admin;

/// <summary>The customer reference an Admin enters to find, then erase, a customer's personal data.</summary>
public sealed class CustomerErasurePanelTests : FeedbackComponentTest
{
    private Caller Admin => new(Data.Eli, "Eli Novak", Data.DigitalTeam, new HashSet<string> { Roles.Admin });

    protected override async Task PrepareAsync()
    {
        Services.AddScoped<AdminService>();
        SignInAs("Eli Novak", Roles.Admin, Data.Eli, Data.DigitalTeam);
        await Data.Feedback().ForCustomer("LOY-4411").Saying("The manager was rude to me.").AddAsync();
    }

    private IRenderedComponent<ContainerFragment> RenderPanel()
    {
        var host = Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<CustomerErasurePanel>(2);
            builder.AddAttribute(3, nameof(CustomerErasurePanel.Caller), Admin);
            builder.CloseComponent();
        });
        host.WaitForElement("input[data-testid=erase-reference]");
        return host;
    }

    private async Task AssertNothingErasedAsync()
    {
        await using var db = Data.Database.CreateDbContext();
        var item = await db.Feedback.SingleAsync();
        Assert.Equal(("LOY-4411", "The manager was rude to me."), (item.CustomerRef, item.Verbatim));
    }

    [Fact]
    public async Task Searching_without_a_reference_asks_for_one_beside_the_field()
    {
        var host = RenderPanel();

        host.Find("form").Submit();

        host.WaitForAssertion(() => Assert.Equal("Enter the customer reference.", host.ErrorUnder("Customer reference")));
        Assert.Empty(host.FindAll("[data-testid=erase-confirm]"));
        await AssertNothingErasedAsync();
    }

    [Fact]
    public async Task An_e_mail_address_is_refused_as_a_reference_with_what_a_reference_is()
    {
        var host = RenderPanel();

        host.Find("input[data-testid=erase-reference]").Change("jo@example.com");
        host.Find("form").Submit();

        host.WaitForAssertion(() => Assert.Equal(
            "A customer reference is a pseudonymous id such as a loyalty or order number: never a name or an e-mail address.",
            host.ErrorUnder("Customer reference")));
        Assert.Empty(host.FindAll("[data-testid=erase-confirm]"));
        await AssertNothingErasedAsync();
    }

    [Fact]
    public async Task A_known_reference_submitted_with_enter_is_counted_and_nothing_is_erased_before_confirmation()
    {
        var host = RenderPanel();

        host.Find("input[data-testid=erase-reference]").Change(" LOY-4411 ");
        host.Find("form").Submit();

        host.WaitForAssertion(() => Assert.Equal("1 feedback item carries this reference.", host.Find("[data-testid=erase-count]").TextContent.Trim()));
        Assert.Null(host.ErrorUnder("Customer reference"));
        await AssertNothingErasedAsync();
    }
}
