using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CxDashboard.Web.Data;

/// <summary>
/// Tells apart what a failed database call means for the caller: the database could not be reached (try
/// again later), another writer stored the same row first (a real conflict), or neither (a fault of ours).
/// </summary>
public static class DatabaseFailures
{
    // SQLite: busy, locked, I/O error, cannot open. SQL Server: timeout, deadlock, cannot reach or log in to
    // the server or database, and Azure SQL's "busy, try again".
    private static readonly HashSet<int> SqliteUnavailable = [5, 6, 10, 14];
    private static readonly HashSet<int> SqlServerUnavailable = [-2, 2, 53, 121, 233, 1205, 4060, 10053, 10054, 10060, 10928, 10929, 40197, 40501, 40613, 49918, 49919, 49920];

    /// <summary>The database was down, unreachable or too busy to answer: nothing was saved and the same request may succeed later.</summary>
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => false,
        RetryLimitExceededException or TimeoutException => true,
        SqliteException sqlite => SqliteUnavailable.Contains(sqlite.SqliteErrorCode),
        SqlException sql => sql.Class >= 20 || SqlServerUnavailable.Contains(sql.Number),
        { InnerException: { } inner } => IsUnavailable(inner),
        _ => false,
    };

    /// <summary>A unique index refused a row another writer stored in the meantime.</summary>
    public static bool IsUniqueViolation(Exception exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        SqlException sql => sql.Number is 2601 or 2627,
        { InnerException: { } inner } => IsUniqueViolation(inner),
        _ => false,
    };
}
