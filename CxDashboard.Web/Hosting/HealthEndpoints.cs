using CxDashboard.Web.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CxDashboard.Web.Hosting;

public static class HealthEndpoints
{
    public const string Path = "/health";

    public static IServiceCollection AddCxHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    /// <summary><c>/health</c>: 200 when the database answers, 503 when it does not; no sign-in needed.</summary>
    public static WebApplication MapCxHealth(this WebApplication app)
    {
        app.MapHealthChecks(Path, new HealthCheckOptions
        {
            ResponseWriter = async (context, report) =>
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsJsonAsync(new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
                });
            },
        }).AllowAnonymous();
        return app;
    }
}

/// <summary>Reads one row of a real table: a missing, locked or unreachable database fails.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<CxDbContext> factory, ILogger<DatabaseHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await db.Teams.AsNoTracking().Select(t => t.Id).FirstOrDefaultAsync(timeout.Token);
            return HealthCheckResult.Healthy("The database answers.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Anyone may call /health: the reason goes to the log, not to the caller.
            logger.LogWarning(ex, "The health check could not read the database.");
            return HealthCheckResult.Unhealthy("The database does not answer.");
        }
    }
}
