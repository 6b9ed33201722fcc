namespace CxDashboard.Web.Features.Common;

public static class PageCommandServices
{
    /// <summary>
    /// The current caller, the one path every page's command runs through, and the page shown when a
    /// request fails because the database cannot be reached.
    /// </summary>
    public static IServiceCollection AddCxPageCommands(this IServiceCollection services) =>
        services.AddScoped<CurrentCaller>().AddScoped<PageCommands>().AddExceptionHandler<DatabaseUnavailableHandler>();
}
