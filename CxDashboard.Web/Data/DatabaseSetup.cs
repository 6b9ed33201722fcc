namespace CxDashboard.Web.Data;

public static class DatabaseSetup
{
    public static WebApplicationBuilder AddCxDatabase(this WebApplicationBuilder builder) => builder;

    public static Task PrepareDatabaseAsync(this WebApplication app) => Task.CompletedTask;
}
