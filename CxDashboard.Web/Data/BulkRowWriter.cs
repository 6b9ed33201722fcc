using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;

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
}

public readonly record struct BulkColumn(string Name, BulkType Type);

/// <summary>
/// Inserts rows into one table with a prepared, parameterised INSERT, inside the caller's transaction,
/// for volumes the change tracker cannot carry (a million feedback items, the benchmark's 50,000 friction issues, 200,000 actions
/// and close to a million metric values). Values are stored as EF Core stores them: enums as integers,
/// SQLite timestamps and dates as its TEXT forms, the version token from 0. On SQLite one row per command
/// is fastest; on SQL Server several rows share a command to save round trips.
/// </summary>
public sealed class BulkRowWriter : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly bool _sqlite;
    private readonly string _table;
    private readonly IReadOnlyList<BulkColumn> _columns;
    private readonly int _rowsPerCommand;
    private readonly DbCommand _command;
    private readonly List<object?[]> _pending;
    private readonly bool _returnIds;
    private DbCommand? _returningCommand;

    /// <param name="returnIds">
    /// Read back the ids the database gave every row (RETURNING / OUTPUT), so that <see cref="FirstId"/> and
    /// <see cref="LastId"/> name exactly the rows written even while others insert at the same time.
    /// </param>
    public BulkRowWriter(DbConnection connection, DbTransaction transaction, bool sqlite, string table, IReadOnlyList<BulkColumn> columns,
        bool returnIds = false)
    {
        _connection = connection;
        _transaction = transaction;
        _sqlite = sqlite;
        _table = table;
        _columns = columns;
        // SQL Server allows 2,100 parameters per command.
        _rowsPerCommand = sqlite ? 1 : Math.Clamp(2000 / columns.Count, 1, 100);
        _pending = new List<object?[]>(_rowsPerCommand);
        _returnIds = returnIds;
        _command = CreateCommand(_rowsPerCommand, returning: returnIds);
    }

    public long Written { get; private set; }

    /// <summary>The smallest id written (with <c>returnIds</c>), or null before the first row.</summary>
    public int? FirstId { get; private set; }

    /// <summary>The largest id written (with <c>returnIds</c>), or null before the first row.</summary>
    public int? LastId { get; private set; }

    /// <summary>Queues a row (values in column order) and writes it with the next full batch.</summary>
    public async ValueTask WriteAsync(object?[] values, CancellationToken cancellationToken)
    {
        _pending.Add(values);
        if (_pending.Count == _rowsPerCommand)
        {
            await FlushAsync(_command, cancellationToken);
        }
    }

    /// <summary>Writes one row at once and gives back the id the database chose, for rows others point at.</summary>
    public async Task<int> InsertReturningIdAsync(object?[] values, CancellationToken cancellationToken)
    {
        _returningCommand ??= CreateCommand(1, returning: true);
        Bind(_returningCommand.Parameters, 0, values);
        Written++;
        return Convert.ToInt32(await _returningCommand.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>Writes the rows still waiting for a full batch.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }
        await using var rest = CreateCommand(_pending.Count, returning: _returnIds);
        await FlushAsync(rest, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _command.DisposeAsync();
        if (_returningCommand is not null)
        {
            await _returningCommand.DisposeAsync();
        }
    }

    private async Task FlushAsync(DbCommand command, CancellationToken cancellationToken)
    {
        for (var row = 0; row < _pending.Count; row++)
        {
            Bind(command.Parameters, row * _columns.Count, _pending[row]);
        }
        if (_returnIds)
        {
            await using var ids = await command.ExecuteReaderAsync(cancellationToken);
            while (await ids.ReadAsync(cancellationToken))
            {
                var id = ids.GetInt32(0);
                FirstId = FirstId is { } first && first < id ? first : id;
                LastId = LastId is { } last && last > id ? last : id;
            }
        }
        else
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        Written += _pending.Count;
        _pending.Clear();
    }

    private void Bind(DbParameterCollection parameters, int at, object?[] values)
    {
        for (var column = 0; column < _columns.Count; column++)
        {
            parameters[at + column].Value = Stored(_columns[column].Type, values[column]);
        }
    }

    private object Stored(BulkType type, object? value) => value switch
    {
        null => DBNull.Value,
        DateTime t when _sqlite => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateOnly d when _sqlite => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        bool b when _sqlite => b ? 1 : 0,
        Enum e => Convert.ToInt32(e, CultureInfo.InvariantCulture),
        _ when type == BulkType.Double => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        _ => value,
    };

    private DbCommand CreateCommand(int rows, bool returning)
    {
        var sql = new StringBuilder("INSERT INTO ").Append(Quote(_table)).Append(" (")
            .AppendJoin(", ", _columns.Select(c => Quote(c.Name))).Append(')')
            .Append(returning && !_sqlite ? " OUTPUT INSERTED.[Id]" : "").Append(" VALUES ");
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < _columns.Count; column++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@p{row}_{column}");
                sql.Append(column == 0 ? "" : ", ").Append(name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.DbType = DbTypeOf(_columns[column].Type);
                if (parameter.DbType == DbType.String)
                {
                    // A fixed size lets SQL Server reuse one plan for every batch.
                    parameter.Size = 4000;
                }
                command.Parameters.Add(parameter);
            }
            sql.Append(')');
        }
        if (returning && _sqlite)
        {
            sql.Append(" RETURNING \"Id\"");
        }
        command.CommandText = sql.ToString();
        command.Prepare();
        return command;
    }

    private DbType DbTypeOf(BulkType type) => type switch
    {
        BulkType.Int => DbType.Int32,
        BulkType.Double => DbType.Double,
        BulkType.Bool => _sqlite ? DbType.Int32 : DbType.Boolean,
        BulkType.Timestamp => _sqlite ? DbType.String : DbType.DateTime2,
        BulkType.Date => _sqlite ? DbType.String : DbType.Date,
        _ => DbType.String,
    };

    private string Quote(string name) => _sqlite ? $"\"{name}\"" : $"[{name}]";
}
