using System.Globalization;
using System.Security.Claims;
using Bunit;
using CxDashboard.Tests.Features.Feedback;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CxDashboard.Tests.Components.Feedback;

/// <summary>
/// A bUnit test of a feedback or admin component over a fresh database holding the feedback test data: MudBlazor,
/// the database, the test clock and the feedback service are registered, then whatever the test adds in
/// <see cref="PrepareAsync"/>, and the renderer is made interactive last, once every service is in.
/// </summary>
public abstract class FeedbackComponentTest : BunitContext, IAsyncLifetime
{
    protected FeedbackComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    protected FeedbackData Data { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Data = await FeedbackData.CreateAsync();
        Services.AddSingleton<IDbContextFactory<CxDbContext>>(Data.Database);
        Services.AddSingleton<TimeProvider>(Data.Clock);
        Services.AddSingleton(Data.Service());
        await PrepareAsync();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    /// <summary>Registers the test's own services and signs its person in; runs before the renderer is made interactive.</summary>
    protected virtual Task PrepareAsync() => Task.CompletedTask;

    /// <summary>Signs in <paramref name="name"/> with one role, as the person (and team) the app's claims name.</summary>
    protected void SignInAs(string name, string role, int personId, int? teamId = null)
    {
        Services.AddCxPageCommands();
        var authorization = AddAuthorization();
        authorization.SetAuthorized(name);
        authorization.SetRoles(role);
        var claims = new List<Claim>
        {
            new(Caller.PersonIdClaim, personId.ToString(CultureInfo.InvariantCulture)),
            new("name", name),
        };
        if (teamId is { } team)
        {
            claims.Add(new Claim(Caller.TeamIdClaim, team.ToString(CultureInfo.InvariantCulture)));
        }
        authorization.SetClaims([.. claims]);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Data.Database.DisposeAsync();
    }
}
