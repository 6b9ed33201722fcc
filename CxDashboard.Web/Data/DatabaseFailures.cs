using System.Data.Common;
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
    // SQLite: busy, locked, disk I/O, corrupt, cannot open, not a database: the file could not be used at
    // all, not that the data broke a rule. SQL Server: timeout, deadlock, network and login failures, and
    // Azure SQL's "busy or failing over".
    private static readonly HashSet<int> SqliteUnavailable = [5, 6, 10, 11, 14, 26];
    private static readonly HashSet<int> SqlServerUnavailable =
        [-2, 2, 53, 64, 121, 233, 1205, 4060, 10053, 10054, 10060, 10928, 10929, 11001, 40143, 40197, 40501, 40613, 49918, 49919, 49920];

    /// <summary>
    /// The database was down, unreachable or too busy to answer: nothing was saved and the same request may
    /// succeed later. The one rule for pages, the error page and the API alike.
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbUpdateConcurrencyException)
            {
                return false;
            }
            if (current switch
            {
                RetryLimitExceededException or TimeoutException => true,
                SqliteException sqlite => SqliteUnavailable.Contains(sqlite.SqliteErrorCode),
                SqlException sql => sql.Class >= 20 || SqlServerUnavailable.Contains(sql.Number),
                DbException db => db.IsTransient,
                _ => false,
            })
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A unique index refused a row another writer stored in the meantime.</summary>
    public static bool IsUniqueViolation(Exception exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        SqlException sql => sql.Number is 2601 or 2627,
        { InnerException: { } inner } => IsUniqueViolation(inner),
        _ => false,
    };
}
