using CxDashboard.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Tests.Support;

/// <summary>
/// A real, migrated SQLite database in a temporary file, handed out as the app's context factory.
/// Deleted when disposed.
/// </summary>
public sealed class TempSqliteDatabase : IDbContextFactory<CxDbContext>, IAsyncDisposable
{
    private readonly string _path;
    private readonly DbContextOptions<SqliteCxDbContext> _options;

    private TempSqliteDatabase(string path)
    {
        _path = path;
        // No pooling, so that nothing holds the file open once the test is over.
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        _options = new DbContextOptionsBuilder<SqliteCxDbContext>().UseSqlite(connectionString).Options;
    }

    public static async Task<TempSqliteDatabase> CreateAsync()
    {
        var database = new TempSqliteDatabase(Path.Combine(Path.GetTempPath(), $"cxdashboard-test-{Guid.NewGuid():N}.db"));
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        return database;
    }

    public CxDbContext CreateDbContext() => new SqliteCxDbContext(_options);

    /// <summary>Adds entities and saves them, so that their identities are known to the next step.</summary>
    public async Task<T[]> SaveAsync<T>(params T[] entities) where T : class
    {
        await using var db = CreateDbContext();
        db.AddRange(entities);
        await db.SaveChangesAsync();
        return entities;
    }

    public ValueTask DisposeAsync()
    {
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
        return ValueTask.CompletedTask;
    }
}
