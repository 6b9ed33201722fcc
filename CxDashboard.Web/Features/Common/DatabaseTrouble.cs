using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CxDashboard.Web.Features.Common;

/// <summary>Tells a database that cannot be reached apart from one that answered and refused.</summary>
public static class DatabaseTrouble
{
    public const string UnavailableMessage = "The database is unavailable just now. Nothing was saved; try again in a moment.";
    public const string UnavailableWhileLoadingMessage = "The database is unavailable just now, so this could not be loaded; try again in a moment.";

    // SQLite: busy, locked, disk I/O, corrupt, cannot open, not a database. Any of these means the file
    // could not be used at all, not that the data broke a rule.
    private static readonly HashSet<int> SqliteUnreachable = [5, 6, 10, 11, 14, 26];

    // SQL Server: timeout, network and login failures, and Azure SQL's "busy or failing over".
    private static readonly HashSet<int> SqlServerUnreachable =
        [-2, 2, 53, 64, 233, 4060, 10053, 10054, 10060, 10928, 10929, 11001, 40143, 40197, 40501, 40613, 49918, 49919, 49920];

    /// <summary>Whether the exception, or one it wraps, says the database could not be reached.</summary>
    public static bool IsUnreachable(Exception exception)
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
                SqliteException sqlite => SqliteUnreachable.Contains(sqlite.SqliteErrorCode),
                SqlException sql => sql.Class >= 20 || SqlServerUnreachable.Contains(sql.Number),
                DbException db => db.IsTransient,
                _ => false,
            })
            {
                return true;
            }
        }
        return false;
    }
}
