using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using CxDashboard.Domain.Feedback;

namespace CxDashboard.Web.Data;

/// <summary>
/// Inserts feedback items with a prepared, parameterised INSERT reused for every row, inside the
/// caller's transaction: a million rows would take minutes through the change tracker. Column names
/// follow the migrations; enums are stored as integers and the version token starts at 0, as EF does.
/// On SQLite one row per command is fastest (the statement is compiled once); on SQL Server several
/// rows share a command to save round trips. Used by the demo seeding and by the CSV feedback import;
/// neither goes through the change tracker, so neither gets per-row audit entries from the context.
/// </summary>
public sealed class FeedbackBulkWriter : IAsyncDisposable
{
    private static readonly string[] Columns =
    [
        "ExternalId", "ReceivedAt", "RecordedAt", "ChannelId", "JourneyStageId", "Source", "Category", "Sentiment",
        "ScoreScale", "Score", "ScoreBand", "Verbatim", "CustomerRef", "RecordedByPersonId", "FrictionIssueId",
        "FollowUpStatus", "FollowUpOwnerPersonId", "FollowUpDueAt", "ContactedAt", "FollowUpResolvedAt", "FollowUpNote", "Version",
    ];

    // Boxing every integer of a million rows costs more than the insert; small values are boxed once.
    private static readonly object[] BoxedInts = Enumerable.Range(0, 4096).Select(i => (object)i).ToArray();

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly bool _sqlite;
    private readonly int _rowsPerCommand;
    private readonly bool _returnIds;
    private readonly DbCommand _command;
    private readonly FeedbackItem?[] _pending;
    private int _pendingCount;

    /// <param name="returnIds">
    /// Read back the ids the database gave (RETURNING / OUTPUT), so that <see cref="FirstId"/> and
    /// <see cref="LastId"/> name exactly the rows written even while others insert at the same time.
    /// </param>
    public FeedbackBulkWriter(DbConnection connection, DbTransaction transaction, bool sqlite, bool returnIds = false)
    {
        _connection = connection;
        _transaction = transaction;
        _sqlite = sqlite;
        _returnIds = returnIds;
        // SQL Server allows 2,100 parameters per command: 50 rows × 22 columns stays well below.
        _rowsPerCommand = sqlite ? 1 : 50;
        _pending = new FeedbackItem?[_rowsPerCommand];
        _command = CreateCommand(_rowsPerCommand);
    }

    public long Written { get; private set; }

    /// <summary>The smallest id written (with <c>returnIds</c>), or null before the first row.</summary>
    public int? FirstId { get; private set; }

    /// <summary>The largest id written (with <c>returnIds</c>), or null before the first row.</summary>
    public int? LastId { get; private set; }

    public async ValueTask WriteAsync(FeedbackItem item, CancellationToken cancellationToken)
    {
        _pending[_pendingCount++] = item;
        if (_pendingCount == _rowsPerCommand)
        {
            await FlushAsync(_command, cancellationToken);
        }
    }

    /// <summary>Writes the rows still waiting for a full batch.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_pendingCount == 0)
        {
            return;
        }
        await using var rest = CreateCommand(_pendingCount);
        await FlushAsync(rest, cancellationToken);
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();

    private async Task FlushAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var parameters = command.Parameters;
        for (var row = 0; row < _pendingCount; row++)
        {
            Bind(parameters, row * Columns.Length, _pending[row]!);
            _pending[row] = null;
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
        Written += _pendingCount;
        _pendingCount = 0;
    }

    private void Bind(DbParameterCollection p, int at, FeedbackItem f)
    {
        p[at + 0].Value = (object?)f.ExternalId ?? DBNull.Value;
        p[at + 1].Value = Timestamp(f.ReceivedAt);
        p[at + 2].Value = Timestamp(f.RecordedAt);
        p[at + 3].Value = Box(f.ChannelId);
        p[at + 4].Value = Box(f.JourneyStageId);
        p[at + 5].Value = Box((int)f.Source);
        p[at + 6].Value = Box((int)f.Category);
        p[at + 7].Value = Box((int)f.Sentiment);
        p[at + 8].Value = Box((int?)f.ScoreScale);
        p[at + 9].Value = Box(f.Score);
        p[at + 10].Value = Box((int?)f.ScoreBand);
        p[at + 11].Value = f.Verbatim;
        p[at + 12].Value = (object?)f.CustomerRef ?? DBNull.Value;
        p[at + 13].Value = Box(f.RecordedByPersonId);
        p[at + 14].Value = Box(f.FrictionIssueId);
        p[at + 15].Value = Box((int)f.FollowUpStatus);
        p[at + 16].Value = Box(f.FollowUpOwnerPersonId);
        p[at + 17].Value = Timestamp(f.FollowUpDueAt);
        p[at + 18].Value = Timestamp(f.ContactedAt);
        p[at + 19].Value = Timestamp(f.FollowUpResolvedAt);
        p[at + 20].Value = (object?)f.FollowUpNote ?? DBNull.Value;
        p[at + 21].Value = BoxedInts[0];
    }

    /// <summary>
    /// EF Core keeps SQLite timestamps as TEXT in this exact form (and UTC, by the app's converter);
    /// writing the same text keeps ordering and comparisons in queries right. SQL Server takes datetime2.
    /// </summary>
    private object Timestamp(DateTime? value) => value is not { } v
        ? DBNull.Value
        : _sqlite ? v.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) : v;

    private static object Box(int? value) => value switch
    {
        null => DBNull.Value,
        >= 0 and < 4096 => BoxedInts[value.Value],
        _ => value.Value,
    };

    private DbCommand CreateCommand(int rows)
    {
        var sql = new StringBuilder("INSERT INTO ").Append(Quote("Feedback")).Append(" (")
            .AppendJoin(", ", Columns.Select(Quote)).Append(')')
            .Append(_returnIds && !_sqlite ? " OUTPUT INSERTED.[Id]" : "").Append(" VALUES ");
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < Columns.Length; column++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@p{row}_{column}");
                sql.Append(column == 0 ? "" : ", ").Append(name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.DbType = DbTypeOf(Columns[column]);
                if (parameter.DbType == DbType.String)
                {
                    // A fixed size lets SQL Server reuse one plan for every batch.
                    parameter.Size = Columns[column] == "Verbatim" ? FeedbackItem.MaxVerbatimLength : 2000;
                }
                command.Parameters.Add(parameter);
            }
            sql.Append(')');
        }
        if (_returnIds && _sqlite)
        {
            sql.Append(" RETURNING \"Id\"");
        }
        command.CommandText = sql.ToString();
        command.Prepare();
        return command;
    }

    private DbType DbTypeOf(string column) => column switch
    {
        "ExternalId" or "Verbatim" or "CustomerRef" or "FollowUpNote" => DbType.String,
        "ReceivedAt" or "RecordedAt" or "FollowUpDueAt" or "ContactedAt" or "FollowUpResolvedAt" => _sqlite ? DbType.String : DbType.DateTime2,
        _ => DbType.Int32,
    };

    private string Quote(string name) => _sqlite ? $"\"{name}\"" : $"[{name}]";
}
