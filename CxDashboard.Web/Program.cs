using CxDashboard.Web.Auth;
using CxDashboard.Web.Components;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features;
using CxDashboard.Web.Hosting;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

builder.AddCxDatabase();
builder.AddCxAuthentication();
builder.Services.AddCxFeatures();
builder.Services.AddMudServices();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();

if (await HostCommands.TryRunAsync(app, args))
{
    return;
}

await app.PrepareDatabaseAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);

app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapCxHealth();
app.MapCxAuthEndpoints();
app.MapStaticAssets().AllowAnonymous();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
