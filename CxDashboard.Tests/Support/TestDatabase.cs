using CxDashboard.Web.Data;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

namespace CxDashboard.Tests.Support;

/// <summary>
/// A real, migrated database for one test class: a SQLite file in a temp folder, or, when the
/// environment variable <see cref="SqlServerVariable"/> holds a connection string, a fresh database
/// on that SQL Server (dropped afterwards), so the same tests run against both providers.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<CxDbContext>, IAsyncDisposable
{
    public const string SqlServerVariable = "CXDASHBOARD_TEST_SQLSERVER";

    private readonly Func<CxDbContext> _create;
    private readonly string? _folder;

    private TestDatabase(Func<CxDbContext> create, string connectionString, DatabaseProvider provider, string? folder)
    {
        _create = create;
        ConnectionString = connectionString;
        Provider = provider;
        _folder = folder;
    }

    public string ConnectionString { get; }
    public DatabaseProvider Provider { get; }

    public static bool UsesSqlServer => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(SqlServerVariable));

    public static Task<TestDatabase> CreateAsync() => CreateAsync(faults: null);

    /// <summary>
    /// A database whose connection drops where <paramref name="faults"/> is armed, with the app's saves
    /// retried as SQL Server's retry-on-failure strategy retries them.
    /// </summary>
    /// <param name="appServices">The app's services its contexts see, as the app's own do (whether e-mail is sent, say).</param>
    public static async Task<TestDatabase> CreateAsync(TransientFaults? faults, IServiceProvider? appServices = null)
    {
        TestDatabase database;
        if (UsesSqlServer)
        {
            var builder = new SqlConnectionStringBuilder(Environment.GetEnvironmentVariable(SqlServerVariable))
            {
                InitialCatalog = $"CxDashboardTests_{Guid.NewGuid():N}",
            };
            var options = new DbContextOptionsBuilder<SqlServerCxDbContext>().UseSqlServer(builder.ConnectionString, sql =>
            {
                if (faults is not null)
                {
                    sql.ExecutionStrategy(dependencies => new RetryOnInjectedFaults(dependencies));
                }
            }).AddInterceptors(Interceptors(faults)).UseApplicationServiceProvider(appServices).Options;
            database = new TestDatabase(() => new SqlServerCxDbContext(options), builder.ConnectionString, DatabaseProvider.SqlServer, null);
        }
        else
        {
            var folder = Path.Combine(Path.GetTempPath(), "cxdashboard-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            var connectionString = $"Data Source={Path.Combine(folder, "test.db")};Pooling=False";
            var options = new DbContextOptionsBuilder<SqliteCxDbContext>().UseSqlite(connectionString, sqlite =>
            {
                if (faults is not null)
                {
                    sqlite.ExecutionStrategy(dependencies => new RetryOnInjectedFaults(dependencies));
                }
            }).AddInterceptors(Interceptors(faults)).UseApplicationServiceProvider(appServices).Options;
            database = new TestDatabase(() => new SqliteCxDbContext(options), connectionString, DatabaseProvider.Sqlite, folder);
        }
        await using var db = database.CreateDbContext();
        await DatabaseSetup.MigrateAsync(db, NullLogger.Instance);
        return database;
    }

    private static IInterceptor[] Interceptors(TransientFaults? faults) => faults is null ? [] : [faults];

    public CxDbContext CreateDbContext() => _create();

    /// <summary>Adds entities and saves them, so that their identities are known to the next step.</summary>
    public async Task<T[]> SaveAsync<T>(params T[] entities) where T : class
    {
        await using var db = CreateDbContext();
        db.AddRange(entities);
        await db.SaveChangesAsync();
        return entities;
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.SqlServer)
        {
            await using var db = CreateDbContext();
            await db.Database.EnsureDeletedAsync();
        }
        if (_folder is not null)
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A pooled handle may outlive the test on some systems; the temp folder is cleaned by the OS.
            }
        }
    }
}
