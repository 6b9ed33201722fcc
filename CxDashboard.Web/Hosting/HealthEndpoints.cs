namespace CxDashboard.Web.Hosting;

public static class HealthEndpoints
{
    public static WebApplication MapCxHealth(this WebApplication app) => app;
}
