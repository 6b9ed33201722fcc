using Bunit;
using Bunit.Rendering;
using CxDashboard.Domain.Admin;
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

public sealed class ApiKeysPanelTests : FeedbackComponentTest
{
    private Caller Admin => new(Data.Eli, "Eli Novak", Data.DigitalTeam, new HashSet<string> { Roles.Admin });

    protected override Task PrepareAsync()
    {
        Services.AddScoped<AdminService>();
        SignInAs("Eli Novak", Roles.Admin, Data.Eli, Data.DigitalTeam);
        return Task.CompletedTask;
    }

    private IRenderedComponent<ContainerFragment> RenderPanel() => Render(builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<MudDialogProvider>(1);
        builder.CloseComponent();
        builder.OpenComponent<ApiKeysPanel>(2);
        builder.AddAttribute(3, nameof(ApiKeysPanel.Caller), Admin);
        builder.CloseComponent();
    });

    [Fact]
    public async Task A_key_past_its_expiry_is_listed_as_expired_with_the_day_it_stopped()
    {
        using (var scope = Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AdminService>().CreateApiKeyAsync("Old survey tool", ApiScopes.FeedbackWrite, Admin, validForDays: 30);
        }
        Data.Clock.Advance(TimeSpan.FromDays(31));

        var host = RenderPanel();

        var row = host.WaitForElement("[data-testid=api-keys] tbody tr");
        Assert.Contains("Expired 23 Dec 2026 09:00 UTC", row.TextContent);
        Assert.DoesNotContain("Active", row.TextContent);
    }

    [Fact]
    public async Task A_new_keys_secret_is_shown_once_in_a_dialog_and_only_its_prefix_stays_in_the_list()
    {
        var host = RenderPanel();
        host.WaitForElement("[data-testid=no-api-keys]");

        host.Find("input[data-testid=api-key-name]").Change("Qualtrics survey export");
        host.Find("form").Submit();

        var secretField = host.WaitForElement("input[data-testid=api-key-secret]");
        var secret = secretField.GetAttribute("value")!;
        Assert.StartsWith("cxk_", secret);
        Assert.Contains("cannot be shown again", host.Find("[data-testid=secret-shown-once]").TextContent);
        Assert.Contains("stops working on 21 Feb 2027 09:00 UTC", host.Find("[data-testid=api-key-expires]").TextContent);
        await using (var db = Data.Database.CreateDbContext())
        {
            var stored = await db.ApiKeys.SingleAsync();
            Assert.Equal(ApiScopes.FeedbackWrite, stored.Scopes);
            Assert.NotEqual(secret, stored.SecretHash);
        }

        host.FindAll("button").Single(b => b.TextContent.Trim() == "I have copied it").Click();

        host.WaitForAssertion(() => Assert.Empty(host.FindAll("[data-testid=api-key-secret]")));
        Assert.DoesNotContain(secret, host.Markup);
        var list = host.Find("[data-testid=api-keys]").TextContent;
        Assert.Contains("Qualtrics survey export", list);
        Assert.Contains(secret[..8], list);
        Assert.Contains("feedback:write", list);
        Assert.Contains("Never", list);
    }

    [Fact]
    public void A_key_without_anything_to_send_is_refused_beside_the_form()
    {
        var host = RenderPanel();
        host.WaitForElement("[data-testid=no-api-keys]");

        host.Find("input[data-testid=api-key-name]").Change("BI job");
        host.Find("input[data-testid=scope-feedback]").Change(false);
        host.Find("form").Submit();

        host.WaitForAssertion(() => Assert.Contains("Choose what the key may send", host.Find("[role=alert]").TextContent));
        Assert.Empty(host.FindAll("[data-testid=api-key-secret]"));
    }

    [Fact]
    public async Task A_key_without_a_name_is_refused_beside_the_name_and_none_is_created()
    {
        var host = RenderPanel();
        host.WaitForElement("[data-testid=no-api-keys]");

        host.Find("form").Submit();

        host.WaitForAssertion(() => Assert.Equal("Name the system that will use the key.", host.ErrorUnder("Name of the sending system")));
        Assert.Empty(host.FindAll("[data-testid=api-key-secret]"));
        await using var db = Data.Database.CreateDbContext();
        Assert.Equal(0, await db.ApiKeys.CountAsync());
    }
}
