namespace CxDashboard.Web.Features;

public static class FeatureServices
{
    public static IServiceCollection AddCxFeatures(this IServiceCollection services) => services
        .AddScoped<Friction.FrictionService>()
        .AddScoped<Actions.ActionService>();
}
