using CxDashboard.Web.Features.Dashboard;
using CxDashboard.Web.Features.Feedback;

namespace CxDashboard.Web.Features;

public static class FeatureServices
{
    public static IServiceCollection AddCxFeatures(this IServiceCollection services)
    {
        services.AddScoped<DashboardService>();
        services.AddOptions<FollowUpOptions>().BindConfiguration(FollowUpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<FeedbackService>();
        return services;
    }
}
