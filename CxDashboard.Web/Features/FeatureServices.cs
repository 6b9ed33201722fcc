using CxDashboard.Web.Features.Dashboard;

namespace CxDashboard.Web.Features;

public static class FeatureServices
{
    public static IServiceCollection AddCxFeatures(this IServiceCollection services)
    {
        services.AddScoped<DashboardService>();
        return services;
    }
}
