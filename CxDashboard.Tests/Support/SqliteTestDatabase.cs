using CxDashboard.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CxDashboard.Tests.Support;

/// <summary>A migrated SQLite database in a file of its own temporary folder, removed on dispose.</summary>
public sealed class SqliteTestDatabase : IAsyncDisposable
{
    private SqliteTestDatabase(string folder)
    {
        Folder = folder;
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "cx.db") }.ToString();
        Factory = new TestDbContextFactory(ConnectionString);
    }

    public string Folder { get; }
    public string ConnectionString { get; }
    public IDbContextFactory<CxDbContext> Factory { get; }

    public static async Task<SqliteTestDatabase> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cxdashboard-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = new SqliteTestDatabase(folder);
        await using var db = database.CreateContext();
        await DatabaseSetup.MigrateAsync(db, NullLogger.Instance);
        return database;
    }

    public CxDbContext CreateContext() => Factory.CreateDbContext();

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp folder behind.
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>Hands out SQLite contexts the way the app's provider factory does, as the shared base type.</summary>
public sealed class TestDbContextFactory(string connectionString) : IDbContextFactory<CxDbContext>
{
    public CxDbContext CreateDbContext() =>
        new SqliteCxDbContext(new DbContextOptionsBuilder<SqliteCxDbContext>().UseSqlite(connectionString).Options);
}
