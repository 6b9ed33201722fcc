using Microsoft.Data.Sqlite;

namespace CxDashboard.Web.Features.Feedback;

/// <summary>
/// The external ids of a file being checked, each with the line it first appears on, kept in a scratch SQLite file
/// beside the spooled upload rather than in memory: a 200 MB export holds hundreds of thousands of ids, and the
/// import's memory must not grow with the file. All it holds in memory is SQLite's page cache (2 MB). Deleted when
/// disposed. The app's own database is not used for it, since that may be SQL Server and is shared.
/// </summary>
internal sealed class ExternalIdLedger : IDisposable
{
    private readonly string _path;
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _firstLine;

    public ExternalIdLedger()
    {
        var folder = Path.Combine(Path.GetTempPath(), ImportFile.Folder);
        Directory.CreateDirectory(folder);
        _path = Path.Combine(folder, Path.GetRandomFileName() + ".ids");
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString());
        _connection.Open();
        using (var setup = _connection.CreateCommand())
        {
            // A scratch file: nothing to recover after a crash, so no journal and no waiting for the disk.
            setup.CommandText = """
                PRAGMA journal_mode = OFF;
                PRAGMA synchronous = OFF;
                CREATE TABLE ids (key TEXT NOT NULL PRIMARY KEY, line INTEGER NOT NULL) WITHOUT ROWID;
                """;
            setup.ExecuteNonQuery();
        }
        _transaction = _connection.BeginTransaction();
        _insert = Command("INSERT INTO ids (key, line) VALUES ($key, $line) ON CONFLICT (key) DO NOTHING", "$key", "$line");
        _firstLine = Command("SELECT line FROM ids WHERE key = $key", "$key");
    }

    /// <summary>Ids added, each once.</summary>
    public int Count { get; private set; }

    /// <summary>Adds <paramref name="key"/> (<see cref="Domain.Feedback.FeedbackItem.KeyOf"/>) first seen on <paramref name="line"/>.</summary>
    /// <returns>Null for a new id; for one already added, the line it was first seen on.</returns>
    public int? Add(string key, int line)
    {
        _insert.Parameters[0].Value = key;
        _insert.Parameters[1].Value = line;
        if (_insert.ExecuteNonQuery() == 1)
        {
            Count++;
            return null;
        }
        _firstLine.Parameters[0].Value = key;
        return Convert.ToInt32(_firstLine.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Every id added, <paramref name="size"/> at a time, for looking up which of them are stored.</summary>
    public IEnumerable<string[]> Chunks(int size)
    {
        using var all = Command("SELECT key FROM ids");
        using var reader = all.ExecuteReader();
        var chunk = new List<string>(size);
        while (reader.Read())
        {
            chunk.Add(reader.GetString(0));
            if (chunk.Count == size)
            {
                yield return [.. chunk];
                chunk.Clear();
            }
        }
        if (chunk.Count > 0)
        {
            yield return [.. chunk];
        }
    }

    private SqliteCommand Command(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        return command;
    }

    public void Dispose()
    {
        _insert.Dispose();
        _firstLine.Dispose();
        _transaction.Dispose();
        _connection.Dispose();
        File.Delete(_path);
    }
}
