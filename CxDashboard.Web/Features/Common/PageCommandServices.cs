namespace CxDashboard.Web.Features.Common;

public static class PageCommandServices
{
    /// <summary>The current caller and the one path every page's command runs through.</summary>
    public static IServiceCollection AddCxPageCommands(this IServiceCollection services) =>
        services.AddScoped<CurrentCaller>().AddScoped<PageCommands>();
}
