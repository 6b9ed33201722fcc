using CxDashboard.Web.Features.Dashboard;
using CxDashboard.Web.Features.Exports;
using CxDashboard.Web.Features.Feedback;
using CxDashboard.Web.Features.Actions;
using CxDashboard.Web.Features.Admin;
using CxDashboard.Web.Features.Api;
using CxDashboard.Web.Features.Audit;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Friction;
using CxDashboard.Web.Features.Governance;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Notifications;
using CxDashboard.Web.Features.Scorecards;
using CxDashboard.Web.Features.Themes;

namespace CxDashboard.Web.Features;

/// <summary>Registers each area's services and maps its endpoints (downloads, imports, API).</summary>
public static class FeatureServices
{
    public static IServiceCollection AddCxFeatures(this IServiceCollection services)
    {
        services.AddCxPageCommands();
        services.AddScoped<DashboardService>();
        services.AddSingleton<DashboardFigures>();
        services.AddOptions<FollowUpOptions>().BindConfiguration(FollowUpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<VerbatimSearch>();
        services.AddScoped<FeedbackService>();
        services.AddScoped<FeedbackImporter>();
        services.AddScoped<FeedbackIntake>();
        services.AddScoped<ImportPresetService>();
        services.AddScoped<MetricsService>();
        services.AddScoped<MetricCommands>();
        services.AddScoped<MetricValuesImporter>();
        services.AddScoped<FrictionService>();
        services.AddScoped<ActionService>();
        services.AddScoped<ScorecardService>();
        services.AddScoped<GovernanceService>();
        services.AddScoped<ExportService>();
        services.AddScoped<ExportAuditTrail>();
        services.AddIngestionApi();
        services.AddScoped<AdminService>();
        services.AddScoped<AuditService>();
        services.AddCxNotifications();
        services.AddCxThemes();
        return services;
    }

    public static WebApplication MapCxFeatureEndpoints(this WebApplication app)
    {
        app.MapMetricsEndpoints();
        app.MapScorecardEndpoints();
        app.MapExportEndpoints();
        app.MapIngestionApi();
        app.MapNotificationEndpoints();
        return app;
    }
}
