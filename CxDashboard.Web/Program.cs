using CxDashboard.Web.Auth;
using CxDashboard.Web.Components;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features;
using CxDashboard.Web.Features.Api;
using CxDashboard.Web.Hosting;
using CxDashboard.Web.Hosting.Telemetry;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(HostCommands.ConfigurationArguments(args));

try
{
    builder.AddCxDatabase();
}
catch (StartupConfigurationException ex)
{
    Console.Error.WriteLine($"CX Dashboard cannot start: {ex.Message}");
    return 1;
}
builder.AddCxAuthentication();
builder.AddCxTelemetry();
builder.Services.AddCxFeatures();
builder.Services.AddCxHealth();
builder.Services.AddCxReverseProxy();
builder.Services.AddCxRateLimits();
builder.Services.AddMudServices();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();

try
{
    if (await HostCommands.TryRunAsync(app, args))
    {
        return 0;
    }
}
catch (StartupConfigurationException ex)
{
    Console.Error.WriteLine($"CX Dashboard cannot start: {ex.Message}");
    return 1;
}

await app.PrepareDatabaseAsync();

app.UseCxForwardedHeaders();
app.UseCxSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseCxHttpsOnly();
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.Use((context, next) =>
{
    // The friendly not-found page is for people browsing; a refused form post or an API or export
    // call keeps its own status code and body.
    if (!HttpMethods.IsGet(context.Request.Method)
        || context.Request.Path.StartsWithSegments("/api")
        || context.Request.Path.StartsWithSegments("/export"))
    {
        context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>()?.Enabled = false;
    }
    return next(context);
});

// Dates read day-first ("23 Nov 2026", 23/11/2026) in every page and picker, whatever the server's locale.
app.UseRequestLocalization(new RequestLocalizationOptions()
    .SetDefaultCulture("en-GB")
    .AddSupportedCultures("en-GB")
    .AddSupportedUICultures("en-GB"));
app.UseIngestionApiFaults();
app.UseAuthentication();
app.UseAuthorization();
// After authorization, so limits are counted per API key or person.
app.UseRateLimiter();
app.UseAntiforgery();

app.MapCxHealth();
app.MapCxAuthEndpoints();
app.MapCxFeatureEndpoints();
app.MapStaticAssets().AllowAnonymous();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

try
{
    await app.RunAsync();
}
catch (OptionsValidationException ex)
{
    Console.Error.WriteLine($"CX Dashboard cannot start: {string.Join(" ", ex.Failures)}");
    return 1;
}
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
