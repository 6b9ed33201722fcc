using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CxDashboard.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public void Sqlite_migrations_are_up_to_date_with_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a SQLite migration: run 'dotnet ef migrations add <Name> --context SqliteCxDbContext --output-dir Data/Migrations/Sqlite'.");
    }

    [Fact]
    public void Sql_server_migrations_are_up_to_date_with_the_model()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a SQL Server migration: run 'dotnet ef migrations add <Name> --context SqlServerCxDbContext --output-dir Data/Migrations/SqlServer'.");
    }

    [Fact]
    public void Sql_server_idempotent_script_generates_without_a_server()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [Feedback]", script);
        Assert.Contains("IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL", script);
        foreach (var migration in db.Database.GetMigrations())
        {
            Assert.Contains($"WHERE [MigrationId] = N'{migration}'", script);
        }
        Assert.Contains("[Version] int NOT NULL", script);
        // A CREATE VIEW inside the script's IF blocks would be refused; each runs in a batch of its own.
        Assert.DoesNotMatch(@"BEGIN\s+CREATE VIEW", script);
        Assert.Contains("EXEC(N'CREATE VIEW [dbo].[FeedbackDailyVolume] WITH SCHEMABINDING", script);
        Assert.Contains("EXEC(N'CREATE VIEW [dbo].[FeedbackDailyScores] WITH SCHEMABINDING", script);
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);
        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_') + 1)..]);

        Assert.Equal(Names(sqlite), Names(sqlServer));
    }
}
