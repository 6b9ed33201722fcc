using System.Globalization;
using System.Security.Claims;
using Bunit;
using CxDashboard.Tests.Features.Governance;
using CxDashboard.Web.Features.Actions;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Friction;
using CxDashboard.Web.Features.Governance;
using CxDashboard.Web.Features.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using CxDbContext = CxDashboard.Web.Data.CxDbContext;

namespace CxDashboard.Tests.Components.Governance;

/// <summary>MudBlazor, the governance services over the test database and a signed-in person, ready for a review form.</summary>
public static class GovernanceHost
{
    public static void Prepare(BunitContext context, GovernanceData data, Caller caller)
    {
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddSingleton<IDbContextFactory<CxDbContext>>(data.Metrics.Database);
        context.Services.AddSingleton<TimeProvider>(data.Metrics.Clock);
        context.Services.AddScoped<MetricsService>();
        context.Services.AddScoped<GovernanceService>();
        context.Services.AddScoped<ActionService>();
        context.Services.AddScoped<FrictionService>();
        context.Services.AddCxPageCommands();
        var auth = context.AddAuthorization();
        auth.SetAuthorized(caller.Name);
        auth.SetRoles([.. caller.Roles]);
        auth.SetClaims(
            new Claim(Caller.PersonIdClaim, caller.PersonId!.Value.ToString(CultureInfo.InvariantCulture)),
            new Claim(Caller.TeamIdClaim, caller.TeamId!.Value.ToString(CultureInfo.InvariantCulture)));
        context.Render<MudPopoverProvider>();
    }
}
