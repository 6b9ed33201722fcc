using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CxDashboard.Web.Data;

/// <summary>How a bulk-written column is stored by each provider.</summary>
public enum BulkType
{
    Int,
    Double,
    Bool,
    Text,
    /// <summary>A UTC <see cref="DateTime"/>.</summary>
    Timestamp,
    /// <summary>A <see cref="DateOnly"/>.</summary>
    Date,
    /// <summary>A <see cref="System.Guid"/>: on SQLite, the upper-case text EF Core stores and compares.</summary>
    Guid,
}

/// <param name="Name">The property the values belong to; in a <see cref="BulkTable"/>, the column the model maps it to.</param>
public readonly record struct BulkColumn(string Name, BulkType Type);

/// <summary>
/// Inserts rows into one table inside the caller's transaction, for volumes the change tracker cannot
/// carry (a million feedback items, the benchmark's 50,000 friction issues, 200,000 actions and close to a
/// million metric values). Values are stored as EF Core stores them: enums as integers, SQLite timestamps
/// and dates as its TEXT forms, the version token from 0. On SQLite a prepared one-row INSERT is fastest,
/// run on the connection's own SQLite handle (bound by position) when no ids are read back;
/// on SQL Server rows go in through <see cref="SqlBulkCopy"/>, which streams them without a statement per
/// batch and checks constraints and fires triggers as an INSERT would.
/// </summary>
public sealed class BulkRowWriter : IAsyncDisposable
{
    // Big enough that a copy's round trip is noise, small enough that the buffer stays a few megabytes.
    private const int RowsPerCopy = 10_000;

    // Foreign keys and checks are enforced (SqlBulkCopy skips them by default, leaving the constraints
    // untrusted), triggers fire, and a null is stored as null rather than a column default: as an INSERT does.
    internal const SqlBulkCopyOptions CopyOptions = SqlBulkCopyOptions.CheckConstraints | SqlBulkCopyOptions.FireTriggers | SqlBulkCopyOptions.KeepNulls;

    private readonly DbTransaction _transaction;
    private readonly BulkTable _table;
    private readonly bool _returnIds;
    private readonly DbCommand? _insert;
    private readonly sqlite3_stmt? _rowInsert;
    private readonly DataTable? _buffer;
    private DbCommand? _returningCommand;
    private long? _lastIdBefore;

    /// <param name="returnIds">
    /// Read back the ids the database gave every row, so that <see cref="FirstId"/> and <see cref="LastId"/>
    /// name exactly the rows written even while others insert at the same time. On SQL Server the table is
    /// locked for the rest of the transaction to keep the range the writer's alone.
    /// </param>
    public BulkRowWriter(DbTransaction transaction, BulkTable table, bool returnIds = false)
    {
        _transaction = transaction;
        _table = table;
        _returnIds = returnIds;
        if (table.Sqlite && !returnIds)
        {
            _rowInsert = PrepareRowInsert();
        }
        else if (table.Sqlite)
        {
            _insert = CreateCommand(returning: true);
        }
        else
        {
            _buffer = new DataTable(table.Name);
            foreach (var column in table.Columns)
            {
                _buffer.Columns.Add(column.Name, ClrTypeOf(column.Type));
            }
            Mappings = table.Columns.Select((c, ordinal) => new SqlBulkCopyColumnMapping(ordinal, c.Name)).ToList();
        }
    }

    /// <summary>Whether rows go in through <see cref="SqlBulkCopy"/> (SQL Server) rather than prepared INSERTs (SQLite).</summary>
    public bool CopiesInBulk => _buffer is not null;

    /// <summary>Which value of a row (by position) fills which column, on SQL Server; empty on SQLite.</summary>
    public IReadOnlyList<SqlBulkCopyColumnMapping> Mappings { get; } = [];

    public long Written { get; private set; }

    /// <summary>The smallest id written (with <c>returnIds</c>), or null before the first row.</summary>
    public int? FirstId { get; private set; }

    /// <summary>The largest id written (with <c>returnIds</c>), or null before the first row.</summary>
    public int? LastId { get; private set; }

    /// <summary>Writes a row (values in column order), on SQL Server with the next full copy.</summary>
    public async ValueTask WriteAsync(object?[] values, CancellationToken cancellationToken)
    {
        if (_rowInsert is not null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            InsertRow(values);
            return;
        }
        if (_buffer is null)
        {
            await InsertAsync(values, cancellationToken);
            return;
        }
        var row = _buffer.NewRow();
        for (var column = 0; column < values.Length; column++)
        {
            row[column] = Stored(_table.Columns[column].Type, values[column]);
        }
        _buffer.Rows.Add(row);
        if (_buffer.Rows.Count == RowsPerCopy)
        {
            await CopyAsync(cancellationToken);
        }
    }

    /// <summary>Writes one row at once and gives back the id the database chose, for rows others point at.</summary>
    public async Task<int> InsertReturningIdAsync(object?[] values, CancellationToken cancellationToken)
    {
        _returningCommand ??= CreateCommand(returning: true);
        Bind(_returningCommand.Parameters, values);
        Written++;
        return Convert.ToInt32(await _returningCommand.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>Writes the rows still waiting for a full copy, and on SQL Server reads back the range of ids written.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_buffer is null)
        {
            return;
        }
        await CopyAsync(cancellationToken);
        if (_returnIds && _lastIdBefore is { } before)
        {
            await using var range = NewCommand(SqlServerRangeSql(_table));
            var after = range.CreateParameter();
            after.ParameterName = "@after";
            after.DbType = DbType.Int64;
            after.Value = before;
            range.Parameters.Add(after);
            await using var ids = await range.ExecuteReaderAsync(cancellationToken);
            if (await ids.ReadAsync(cancellationToken) && !ids.IsDBNull(0))
            {
                (FirstId, LastId) = (ids.GetInt32(0), ids.GetInt32(1));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _rowInsert?.Dispose();
        if (_insert is not null)
        {
            await _insert.DisposeAsync();
        }
        if (_returningCommand is not null)
        {
            await _returningCommand.DisposeAsync();
        }
        _buffer?.Dispose();
    }

    /// <summary>Locks the table for the rest of the transaction and reads its largest id, before a copy whose ids are read back.</summary>
    internal static string SqlServerLockSql(BulkTable table) =>
        $"SELECT ISNULL(MAX({Bracket(table.KeyColumn)}), 0) FROM {SqlServerName(table)} WITH (TABLOCKX, HOLDLOCK)";

    /// <summary>The ids of the rows copied since the lock: nobody else could insert meanwhile.</summary>
    internal static string SqlServerRangeSql(BulkTable table) =>
        $"SELECT MIN({Bracket(table.KeyColumn)}), MAX({Bracket(table.KeyColumn)}) FROM {SqlServerName(table)} WHERE {Bracket(table.KeyColumn)} > @after";

    internal static string SqlServerName(BulkTable table) => table.Schema is { } schema ? $"{Bracket(schema)}.{Bracket(table.Name)}" : Bracket(table.Name);

    private async Task CopyAsync(CancellationToken cancellationToken)
    {
        if (_buffer!.Rows.Count == 0)
        {
            return;
        }
        if (_returnIds && _lastIdBefore is null)
        {
            await using var lockTable = NewCommand(SqlServerLockSql(_table));
            _lastIdBefore = Convert.ToInt64(await lockTable.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }
        var transaction = (SqlTransaction)_transaction;
        using var copy = new SqlBulkCopy(transaction.Connection, CopyOptions, transaction)
        {
            DestinationTableName = SqlServerName(_table),
            BulkCopyTimeout = 0,
        };
        foreach (var mapping in Mappings)
        {
            copy.ColumnMappings.Add(mapping.SourceOrdinal, mapping.DestinationColumn);
        }
        await copy.WriteToServerAsync(_buffer, cancellationToken);
        Written += _buffer.Rows.Count;
        _buffer.Clear();
    }

    private async Task InsertAsync(object?[] values, CancellationToken cancellationToken)
    {
        Bind(_insert!.Parameters, values);
        if (_returnIds)
        {
            var id = Convert.ToInt32(await _insert.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            FirstId = FirstId is { } first && first < id ? first : id;
            LastId = LastId is { } last && last > id ? last : id;
        }
        else
        {
            await _insert.ExecuteNonQueryAsync(cancellationToken);
        }
        Written++;
    }

    /// <summary>
    /// The one-row INSERT prepared on the SQLite connection's handle: binding each value by its position, with no
    /// command around it, costs a fraction of what the ADO.NET command's per-row work does (looking each parameter
    /// up by name, a reader per execution), which was most of a bulk load's time once the indexes are built after it.
    /// </summary>
    private sqlite3_stmt PrepareRowInsert()
    {
        var handle = ((SqliteConnection)_transaction.Connection!).Handle!;
        var sql = new StringBuilder("INSERT INTO ").Append(Quote(_table.Name)).Append(" (")
            .AppendJoin(", ", _table.Columns.Select(c => Quote(c.Name))).Append(") VALUES (")
            .AppendJoin(", ", _table.Columns.Select((_, column) => string.Create(CultureInfo.InvariantCulture, $"?{column + 1}"))).Append(')');
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(handle, sql.ToString(), out var statement), handle);
        return statement;
    }

    private void InsertRow(object?[] values)
    {
        var handle = ((SqliteConnection)_transaction.Connection!).Handle!;
        var statement = _rowInsert!;
        for (var column = 0; column < _table.Columns.Count; column++)
        {
            var position = column + 1;
            var bound = Stored(_table.Columns[column].Type, values[column]) switch
            {
                DBNull => raw.sqlite3_bind_null(statement, position),
                int i => raw.sqlite3_bind_int(statement, position, i),
                long l => raw.sqlite3_bind_int64(statement, position, l),
                double d => raw.sqlite3_bind_double(statement, position, d),
                string text => raw.sqlite3_bind_text(statement, position, text),
                var other => throw new InvalidOperationException(
                    $"The bulk write of {_table.Name} cannot store a {other.GetType().Name} in {_table.Columns[column].Name}."),
            };
            SqliteException.ThrowExceptionForRC(bound, handle);
        }
        var stepped = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (stepped != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(stepped, handle);
        }
        Written++;
    }

    private void Bind(DbParameterCollection parameters, object?[] values)
    {
        for (var column = 0; column < _table.Columns.Count; column++)
        {
            parameters[column].Value = Stored(_table.Columns[column].Type, values[column]);
        }
    }

    private object Stored(BulkType type, object? value) => value switch
    {
        null => DBNull.Value,
        DateTime t when _table.Sqlite => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateOnly d when _table.Sqlite => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        Guid g when _table.Sqlite => g.ToString("D", CultureInfo.InvariantCulture).ToUpperInvariant(),
        bool b when _table.Sqlite => b ? 1 : 0,
        Enum e => Convert.ToInt32(e, CultureInfo.InvariantCulture),
        _ when type == BulkType.Double => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        _ => value,
    };

    private DbCommand NewCommand(string sql)
    {
        var command = _transaction.Connection!.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>A one-row INSERT, prepared once and run for each row.</summary>
    private DbCommand CreateCommand(bool returning)
    {
        var sqlite = _table.Sqlite;
        var sql = new StringBuilder("INSERT INTO ").Append(sqlite ? Quote(_table.Name) : SqlServerName(_table)).Append(" (")
            .AppendJoin(", ", _table.Columns.Select(c => sqlite ? Quote(c.Name) : Bracket(c.Name))).Append(')')
            .Append(returning && !sqlite ? $" OUTPUT INSERTED.{Bracket(_table.KeyColumn)}" : "").Append(" VALUES (");
        var command = NewCommand("");
        for (var column = 0; column < _table.Columns.Count; column++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"@p{column}");
            sql.Append(column == 0 ? "" : ", ").Append(name);
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.DbType = DbTypeOf(_table.Columns[column].Type);
            if (parameter.DbType == DbType.String)
            {
                // A fixed size lets SQL Server reuse one plan for every row.
                parameter.Size = 4000;
            }
            command.Parameters.Add(parameter);
        }
        sql.Append(')');
        if (returning && sqlite)
        {
            sql.Append(" RETURNING ").Append(Quote(_table.KeyColumn));
        }
        command.CommandText = sql.ToString();
        command.Prepare();
        return command;
    }

    private DbType DbTypeOf(BulkType type) => type switch
    {
        BulkType.Int => DbType.Int32,
        BulkType.Double => DbType.Double,
        BulkType.Bool => _table.Sqlite ? DbType.Int32 : DbType.Boolean,
        BulkType.Timestamp => _table.Sqlite ? DbType.String : DbType.DateTime2,
        BulkType.Date => _table.Sqlite ? DbType.String : DbType.Date,
        BulkType.Guid => _table.Sqlite ? DbType.String : DbType.Guid,
        _ => DbType.String,
    };

    private static Type ClrTypeOf(BulkType type) => type switch
    {
        BulkType.Int => typeof(int),
        BulkType.Double => typeof(double),
        BulkType.Bool => typeof(bool),
        BulkType.Timestamp or BulkType.Date => typeof(DateTime),
        BulkType.Guid => typeof(Guid),
        _ => typeof(string),
    };

    private static string Quote(string name) => $"\"{name}\"";

    private static string Bracket(string name) => $"[{name.Replace("]", "]]", StringComparison.Ordinal)}]";
}
