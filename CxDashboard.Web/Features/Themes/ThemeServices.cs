namespace CxDashboard.Web.Features.Themes;

public static class ThemeServices
{
    public static IServiceCollection AddCxThemes(this IServiceCollection services)
    {
        services.AddSingleton<ThemeTagger>();
        services.AddSingleton<ThemeRetagging>();
        services.AddHostedService(provider => provider.GetRequiredService<ThemeRetagging>());
        services.AddScoped<ThemeService>();
        services.AddScoped<EmergingPhrases>();
        return services;
    }
}
