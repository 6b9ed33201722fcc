using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Data;

/// <summary>The store on SQLite, with its own migrations under Data/Migrations/Sqlite.</summary>
public sealed class SqliteCxDbContext(DbContextOptions<SqliteCxDbContext> options) : CxDbContext(options);

/// <summary>The store on SQL Server or Azure SQL, with its own migrations under Data/Migrations/SqlServer.</summary>
public sealed class SqlServerCxDbContext(DbContextOptions<SqlServerCxDbContext> options) : CxDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // The daily counts are indexed views here (created by the FeedbackDailyCounts migration), not tables.
        modelBuilder.Entity<FeedbackDayVolume>().ToTable((string?)null).ToSqlQuery(FeedbackDayCounts.SqlServerVolumeQuery);
        modelBuilder.Entity<FeedbackDayScore>().ToTable((string?)null).ToSqlQuery(FeedbackDayCounts.SqlServerScoresQuery);
        // So are the themes page's (created by the ThemeDailyFigures migration).
        modelBuilder.Entity<FeedbackDayFigure>().ToTable((string?)null).ToSqlQuery(ThemeDayCounts.SqlServerFeedbackQuery);
        modelBuilder.Entity<ThemeDayFigure>().ToTable((string?)null).ToSqlQuery(ThemeDayCounts.SqlServerThemesQuery);
    }
}
