using Bunit;
using CxDashboard.Domain.Feedback;
using CxDashboard.Tests.Features.Feedback;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Feedback;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CxDashboard.Tests.Components.Feedback;

public sealed class FeedbackInboxPageTests : BunitContext, IAsyncLifetime
{
    private FeedbackData _data = null!;

    public FeedbackInboxPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    public async Task InitializeAsync() => _data = await FeedbackData.CreateAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _data.Database.DisposeAsync();
    }

    private void SignInAs(string name, int personId, string role)
    {
        Services.AddCxPageCommands();
        var authorization = AddAuthorization();
        authorization.SetAuthorized(name);
        authorization.SetRoles(role);
        authorization.SetClaims(new System.Security.Claims.Claim(Caller.PersonIdClaim, personId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Services.AddSingleton<TimeProvider>(_data.Clock);
        Services.AddSingleton(_data.Service());
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public async Task A_contributor_sees_the_feedback_without_customer_references_or_the_create_issue_button()
    {
        await _data.Feedback().Saying("The fitting rooms were closed.").ForCustomer("L0099").AddAsync();
        SignInAs("Cara Moss", _data.Cara, Roles.Contributor);

        var inbox = Render<FeedbackInbox>();

        inbox.WaitForAssertion(() => Assert.Contains("The fitting rooms were closed.", inbox.Markup));
        Assert.DoesNotContain("L0099", inbox.Markup);
        Assert.DoesNotContain("Customer ref", inbox.Markup);
        Assert.DoesNotContain("Create friction issue", inbox.Markup);
        Assert.Contains("1–1 of 1", inbox.Markup);
    }

    [Fact]
    public async Task The_head_of_CX_sees_customer_references_and_an_overdue_follow_up_stands_out()
    {
        await _data.Feedback().Nps(1).Feeling(Sentiment.Negative).ForCustomer("L0042")
            .ReceivedAt(FeedbackData.Now.AddDays(-5)).WithFollowUp().AddAsync();
        SignInAs("Dana Reid", _data.Dana, Roles.CxLead);

        var inbox = Render<FeedbackInbox>();

        inbox.WaitForAssertion(() => Assert.Contains("L0042", inbox.Markup));
        Assert.NotEmpty(inbox.FindAll("tr.cx-overdue"));
        Assert.Contains("My follow-ups (1 overdue)", inbox.Find("a[href='/feedback/follow-ups']").TextContent);
        Assert.Contains("Create friction issue", inbox.Markup);
    }
}
