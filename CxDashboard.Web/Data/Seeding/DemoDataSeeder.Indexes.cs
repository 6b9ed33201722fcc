using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CxDashboard.Web.Data.Seeding;

public sealed partial class DemoDataSeeder
{
    /// <summary>
    /// The tables the top-up to scale fills with millions of rows (at 10,000,000 feedback items, seven million
    /// metric values and two million actions), whose indexes are built once after it rather than row by row.
    /// </summary>
    private static readonly string[] VolumeTables =
    [
        "FrictionIssues", "FrictionChannel", "ContributingTeam", "FrictionStatusChange", "Actions", "MetricValues",
        "MetricTarget", "MetricSignOff",
    ];

    /// <summary>
    /// Drops the secondary indexes of <paramref name="tables"/> (SQLite only; inside the seed's transaction) and
    /// gives back the statements that create them again, exactly as the migrations left them. Keeping an index
    /// right while millions of rows go in costs a search of it for every row (the feedback's sixteen were nearly
    /// all of a row's insert); building it afterwards is one sort of the table. Unique indexes are checked when built,
    /// and a duplicate then fails the seed, which rolls everything back. The indexes SQLite makes for a table's own
    /// constraints (no SQL of their own) cannot be dropped and stay.
    /// </summary>
    private static async Task<IReadOnlyList<string>> DropIndexesAsync(CxDbContext db, IReadOnlyList<string> tables, CancellationToken ct)
    {
        var indexes = new List<(string Name, string Sql)>();
        await using (var command = db.Database.GetDbConnection().CreateCommand())
        {
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            // The table names are constants of this class, never input.
            command.CommandText = "SELECT \"name\", \"sql\" FROM \"sqlite_master\" WHERE \"type\" = 'index' AND \"sql\" IS NOT NULL AND \"tbl_name\" IN ("
                + string.Join(", ", tables.Select(t => "'" + t + "'")) + ") ORDER BY \"name\"";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        foreach (var (name, _) in indexes)
        {
            // The names come from the schema itself, never from input.
            var drop = "DROP INDEX \"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            await db.Database.ExecuteSqlRawAsync(drop, ct);
        }
        return indexes.Select(i => i.Sql).ToList();
    }

    /// <summary>Creates the indexes <see cref="DropIndexesAsync"/> dropped, and logs how long that took.</summary>
    private async Task CreateIndexesAsync(CxDbContext db, IReadOnlyList<string> indexes, string what, CancellationToken ct)
    {
        if (indexes.Count == 0)
        {
            return;
        }
        var started = clock.GetTimestamp();
        foreach (var sql in indexes)
        {
            await db.Database.ExecuteSqlRawAsync(sql, ct);
        }
        logger.LogInformation("Built the {Count} indexes of {What} in {Seconds:0.0} s", indexes.Count, what, clock.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>
    /// Takes an empty SQLite database out of WAL mode for the seed (its rollback journal then holds only the few
    /// pages the migrations wrote, since pages added to the end of the file are not journalled), so that the
    /// gigabytes written are written once, to the file, rather than to the write-ahead log and copied into the file
    /// again at the end; the seed puts WAL mode back. The switch needs the file to itself: the pool's idle connections
    /// are closed first, and if another connection still has it open, the seed goes through the log as before.
    /// </summary>
    private async Task<bool> LeaveWriteAheadLogAsync(CxDbContext db, CancellationToken ct)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        SqliteConnection.ClearPool(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        if (await command.ExecuteScalarAsync(ct) is not "wal")
        {
            return false;
        }
        // Not waiting: another connection that holds the file now will still hold it in a second.
        command.CommandTimeout = 1;
        command.CommandText = "PRAGMA journal_mode=DELETE";
        try
        {
            if (await command.ExecuteScalarAsync(ct) is "delete")
            {
                return true;
            }
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6)
        {
            // Busy or locked: another connection has the file open.
        }
        logger.LogInformation("Another connection has the database open; seeding through the write-ahead log");
        return false;
    }
}
