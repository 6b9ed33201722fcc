using CxDashboard.Web.Data.Seeding;
using CxDashboard.Web.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Data;

public static class DatabaseSetup
{
    /// <summary>
    /// Registers <see cref="IDbContextFactory{CxDbContext}"/> for the configured provider. With no
    /// configuration: SQLite in App_Data/cxdashboard.db under the app's content root.
    /// </summary>
    public static WebApplicationBuilder AddCxDatabase(this WebApplicationBuilder builder)
    {
        var options = Resolve(builder.Configuration, builder.Environment.ContentRootPath, builder.Environment.IsDevelopment());
        builder.Services.AddSingleton(options);

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.Services.AddDbContextFactory<SqliteCxDbContext>(o => o.UseSqlite(options.ConnectionString));
                builder.Services.AddSingleton<IDbContextFactory<CxDbContext>, ProviderContextFactory<SqliteCxDbContext>>();
                break;
            case DatabaseProvider.SqlServer:
                builder.Services.AddDbContextFactory<SqlServerCxDbContext>(o => o.UseSqlServer(options.ConnectionString,
                    sql => sql.EnableRetryOnFailure(maxRetryCount: 5, maxRetryDelay: TimeSpan.FromSeconds(10), errorNumbersToAdd: null)));
                builder.Services.AddSingleton<IDbContextFactory<CxDbContext>, ProviderContextFactory<SqlServerCxDbContext>>();
                break;
        }

        builder.Services.AddCxDataProtection(builder.Configuration);
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContext());
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddTransient<DemoDataSeeder>();
        builder.Services.AddScoped<Auth.IUserDirectory, UserDirectory>();
        return builder;
    }

    /// <param name="development">Whether the app runs in the Development environment, the only one that seeds demo data at start.</param>
    public static DatabaseOptions Resolve(IConfiguration configuration, string contentRoot, bool development = false)
    {
        var options = new DatabaseOptions();
        var section = configuration.GetSection(DatabaseOptions.Section);
        var provider = section["Provider"];
        if (!string.IsNullOrWhiteSpace(provider) && !Enum.TryParse(provider, ignoreCase: true, out DatabaseProvider parsed))
        {
            throw new StartupConfigurationException($"Database:Provider '{provider}' is not known: use Sqlite or SqlServer.");
        }
        section.Bind(options);
        // The demo retailer includes a demo Admin: a real deployment never gets it by a setting left on.
        if (options.SeedDemoDataWhenEmpty == true && !development)
        {
            throw new StartupConfigurationException(
                "Database:SeedDemoDataWhenEmpty=true is for the Development environment only (the demo data includes a demo Admin); " +
                "remove it, or run the 'seed-demo' command to fill a database with the demo retailer on purpose.");
        }
        options.SeedDemoDataWhenEmpty ??= development && options.Provider == DatabaseProvider.Sqlite;
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);

        if (options.Provider == DatabaseProvider.SqlServer)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new StartupConfigurationException(
                    "Database:Provider is SqlServer but ConnectionStrings:CxDashboard is empty: set it to the SQL Server connection string.");
            }
            options.ConnectionString = connectionString;
            return options;
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var folder = Path.Combine(contentRoot, "App_Data");
            connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(folder, "cxdashboard.db"),
                Pooling = true,
                DefaultTimeout = 30,
            }.ToString();
        }
        options.ConnectionString = connectionString;
        return options;
    }

    /// <summary>Migrates (SQLite by default; SQL Server only when asked) and, in Development, seeds an empty database.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseSetup));
        var factory = app.Services.GetRequiredService<IDbContextFactory<CxDbContext>>();

        await using var db = await factory.CreateDbContextAsync();
        if (options.ShouldMigrateOnStart)
        {
            await MigrateAsync(db, logger);
        }
        else
        {
            var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
            if (pending.Count > 0)
            {
                logger.LogWarning("The database lacks {Count} migrations ({Migrations}); run 'dotnet run --project CxDashboard.Web -- migrate'.",
                    pending.Count, string.Join(", ", pending));
                return;
            }
        }

        // Known, and logged, before the first search.
        await app.Services.GetRequiredService<Features.Feedback.VerbatimSearch>().MatchesWordsAsync(db);

        if (options.ShouldSeedWhenEmpty && !await db.Teams.AnyAsync())
        {
            var seeder = app.Services.GetRequiredService<DemoDataSeeder>();
            await seeder.SeedAsync(options.DemoFeedbackCount, reset: false);
        }
    }

    public static async Task MigrateAsync(CxDbContext db, ILogger logger, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            var builder = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
            var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(folder) && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
            {
                Directory.CreateDirectory(folder);
            }
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migrations: {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }
        if (db.Database.IsSqlite())
        {
            // Readers never wait for a writer in WAL mode; the setting is kept in the database file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.ExecuteSqlRawAsync(FeedbackSearchIndex.SecureDeleteSql, cancellationToken);
        }
    }
}

/// <summary>Hands out the provider's own context type (which carries its migrations) as the shared base type.</summary>
internal sealed class ProviderContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<CxDbContext>
    where TContext : CxDbContext
{
    public CxDbContext CreateDbContext() => inner.CreateDbContext();
}
