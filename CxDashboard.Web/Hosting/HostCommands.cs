namespace CxDashboard.Web.Hosting;

public static class HostCommands
{
    public static Task<bool> TryRunAsync(WebApplication app, string[] args) => Task.FromResult(false);
}
