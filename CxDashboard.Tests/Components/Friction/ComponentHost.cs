using System.Security.Claims;
using Bunit;
using CxDashboard.Tests.Features.Friction;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Features.Actions;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Feedback;
using CxDashboard.Web.Features.Friction;
using CxDashboard.Web.Features.Themes;
using CxDashboard.Web.Hosting.Telemetry;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Bunit.Rendering;
using MudBlazor;
using MudBlazor.Services;
using CxDbContext = CxDashboard.Web.Data.CxDbContext;

namespace CxDashboard.Tests.Components.Friction;

/// <summary>
/// A bUnit context with MudBlazor, the friction and action services over a real SQLite database, and
/// a signed-in person; <see cref="RenderWithPopovers{T}"/> adds the provider menus open into.
/// </summary>
public static class ComponentHost
{
    public static void Prepare(BunitContext context, TestDatabase database, Caller caller)
    {
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddSingleton<IDbContextFactory<CxDbContext>>(database);
        context.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(FrictionData.Now)));
        context.Services.AddScoped<FrictionService>();
        context.Services.AddScoped<ActionService>();
        // The issue page's themes panel.
        context.Services.AddLogging();
        context.Services.AddSingleton(new VerbatimSearch(NullLogger<VerbatimSearch>.Instance));
        context.Services.AddSingleton(Options.Create(new FollowUpOptions()));
        context.Services.AddSingleton(new AppMetrics(MeterRecorder.NewMeterFactory()));
        context.Services.AddScoped<FeedbackService>();
        context.Services.AddCxThemes();
        context.Services.AddCxPageCommands();
        var auth = context.AddAuthorization();
        auth.SetAuthorized(caller.Name);
        auth.SetRoles([.. caller.Roles]);
        auth.SetClaims(
            new Claim(Caller.PersonIdClaim, caller.PersonId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(Caller.TeamIdClaim, caller.TeamId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// Renders a page or component after the popover provider its menus open into; search the
    /// returned host, which holds both the component and its open menus.
    /// </summary>
    public static IRenderedComponent<ContainerFragment> RenderWithPopovers<T>(BunitContext context, Action<RenderTreeBuilder>? parameters = null) where T : IComponent =>
        context.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<T>(1);
            parameters?.Invoke(builder);
            builder.CloseComponent();
        });
}
