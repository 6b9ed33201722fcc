using CxDashboard.Web.Features.Metrics;

namespace CxDashboard.Web.Features;

public static class FeatureServices
{
    public static IServiceCollection AddCxFeatures(this IServiceCollection services)
    {
        services.AddScoped<MetricsService>();
        services.AddScoped<MetricCommands>();
        services.AddScoped<MetricValuesImporter>();
        return services;
    }
}
