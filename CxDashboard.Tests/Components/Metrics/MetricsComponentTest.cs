using System.Globalization;
using System.Security.Claims;
using Bunit;
using CxDashboard.Tests.Features.Metrics;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Metrics;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CxDashboard.Tests.Components.Metrics;

/// <summary>
/// A bUnit test of the metric pages and forms over a fresh database holding the metrics test data, signed in
/// as the head of CX, with the metric services registered, an interactive renderer and MudBlazor's popover host.
/// </summary>
public abstract class MetricsComponentTest : BunitContext, IAsyncLifetime
{
    protected MetricsData Data { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Data = await MetricsData.CreateAsync();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<IDbContextFactory<CxDbContext>>(Data.Database);
        Services.AddSingleton<TimeProvider>(Data.Clock);
        Services.AddScoped<MetricsService>();
        Services.AddScoped<MetricCommands>();
        Services.AddScoped<MetricValuesImporter>();
        Services.AddCxPageCommands();
        var auth = AddAuthorization();
        auth.SetAuthorized("Alex Morgan");
        auth.SetRoles(Roles.CxLead);
        auth.SetClaims(
            new Claim(Caller.PersonIdClaim, Data.CxLead.PersonId!.Value.ToString(CultureInfo.InvariantCulture)),
            new Claim(Caller.TeamIdClaim, Data.CxTeam.ToString(CultureInfo.InvariantCulture)));
        // Reaching the renderer builds the service provider, so this comes after the services.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Render<MudPopoverProvider>();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Data.DisposeAsync();
    }
}
