using System.Collections;
using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using CxDashboard.Web.Data;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CxDashboard.Tests.Data.SqlServer;

/// <summary>
/// The app's SQL Server context with no server behind it: EF Core translates every query for SQL Server
/// as in production, and each command it would send is kept instead of sent. Opening the connection and
/// starting a transaction do nothing; a query gets no rows, except an aggregate (COUNT, SUM, EXISTS…),
/// which gets the one row a server always answers with, so the code after it runs on.
/// </summary>
internal sealed class SqlServerWithoutServer : IDbContextFactory<CxDbContext>
{
    private readonly ConcurrentQueue<string> _sent = new();
    private readonly DbContextOptions<SqlServerCxDbContext> _options;

    /// <param name="aRowForEveryQuery">
    /// Answer every query with one row of default values, so that code which stops when it finds nothing
    /// (a record asked for by id) runs on to the queries after.
    /// </param>
    public SqlServerWithoutServer(bool aRowForEveryQuery = false)
    {
        _options = new DbContextOptionsBuilder<SqlServerCxDbContext>()
            // As DatabaseSetup configures it: the retrying strategy is why commands must run their transactions through it.
            // MARS only turns off EF Core's savepoints, which it would send on SqlClient's own command, past the interceptor.
            .UseSqlServer("Server=no-server.invalid;Database=CxDashboard;TrustServerCertificate=true;MultipleActiveResultSets=true",
                sql => sql.EnableRetryOnFailure(maxRetryCount: 5, maxRetryDelay: TimeSpan.FromSeconds(10), errorNumbersToAdd: null))
            .AddInterceptors(new NoConnection(), new NoTransaction(), new KeptCommands(_sent, aRowForEveryQuery))
            .Options;
    }

    public CxDbContext CreateDbContext() => new SqlServerCxDbContext(_options);

    /// <summary>The commands sent since the last call, in order.</summary>
    public IReadOnlyList<string> TakeSent()
    {
        var sent = new List<string>();
        while (_sent.TryDequeue(out var text))
        {
            sent.Add(text);
        }
        return sent;
    }

    private sealed class NoConnection : DbConnectionInterceptor
    {
        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            InterceptionResult.Suppress();

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default) => ValueTask.FromResult(InterceptionResult.Suppress());
    }

    private sealed class NoTransaction : DbTransactionInterceptor
    {
        public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
            InterceptionResult<DbTransaction> result) =>
            InterceptionResult<DbTransaction>.SuppressWithResult(new NothingTransaction(connection, eventData.IsolationLevel));

        public override ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
            TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(TransactionStarting(connection, eventData, result));
    }

    /// <summary>
    /// Hands EF Core a command of its own (a SqlCommand refuses a transaction that is not SqlClient's) and
    /// answers each execution without a server, keeping the text.
    /// </summary>
    private sealed class KeptCommands(ConcurrentQueue<string> sent, bool aRowForEveryQuery) : DbCommandInterceptor
    {
        public override InterceptionResult<DbCommand> CommandCreating(CommandCorrelatedEventData eventData, InterceptionResult<DbCommand> result) =>
            InterceptionResult<DbCommand>.SuppressWithResult(new UnsentCommand());

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result) => InterceptionResult<DbDataReader>.SuppressWithResult(Answer(command.CommandText));

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(ReaderExecuting(command, eventData, result));

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            sent.Enqueue(command.CommandText);
            return InterceptionResult<object>.SuppressWithResult(0);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(ScalarExecuting(command, eventData, result));

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            sent.Enqueue(command.CommandText);
            return InterceptionResult<int>.SuppressWithResult(0);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(NonQueryExecuting(command, eventData, result));

        private DbDataReader Answer(string text)
        {
            sent.Enqueue(text);
            var script = TSql.Parse(text, out _);
            var select = script.Batches.SelectMany(b => b.Statements).FirstOrDefault(s => s is not PredicateSetStatement) as SelectStatement;
            if (select?.QueryExpression is QuerySpecification query && (aRowForEveryQuery || AlwaysOneRow(query)))
            {
                return new DefaultsReader(query.SelectElements.Count, rows: 1);
            }
            return new DefaultsReader(fieldCount: select?.QueryExpression is { } expression ? Columns(expression) : 0, rows: 0);
        }

        // A UNION's columns are its first query's.
        private static int Columns(QueryExpression expression) => expression switch
        {
            QuerySpecification query => query.SelectElements.Count,
            BinaryQueryExpression union => Columns(union.FirstQueryExpression),
            QueryParenthesisExpression inner => Columns(inner.QueryExpression),
            _ => 0,
        };

        // A SELECT without FROM, or one aggregating every row without GROUP BY, answers one row even from empty tables;
        // so does an unfiltered SELECT from such a SELECT, as EF Core wraps a raw SQL query.
        private static bool AlwaysOneRow(QuerySpecification query)
        {
            if (query.FromClause is null)
            {
                return true;
            }
            if (query.GroupByClause is not null)
            {
                return false;
            }
            var aggregatesAll = query.SelectElements.All(e =>
            {
                var aggregates = new TopLevelAggregates();
                e.Accept(aggregates);
                return aggregates.Found;
            });
            return aggregatesAll
                || (query.WhereClause is null
                    && query.FromClause.TableReferences is [QueryDerivedTable { QueryExpression: QuerySpecification inner }]
                    && AlwaysOneRow(inner));
        }
    }

    private sealed class TopLevelAggregates : TSqlFragmentVisitor
    {
        private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
            { "COUNT", "COUNT_BIG", "SUM", "MIN", "MAX", "AVG" };

        public bool Found { get; private set; }

        public override void Visit(FunctionCall node) => Found |= Names.Contains(node.FunctionName.Value) && node.OverClause is null;

        // An aggregate inside a subquery is worked out per row of the outer query: it does not make one row.
        public override void ExplicitVisit(ScalarSubquery node) { }
    }
}

/// <summary>
/// Rows of default values (0, false, empty text, no NULLs): the one row an aggregate over no rows gives,
/// or no rows at all.
/// </summary>
internal sealed class DefaultsReader(int fieldCount, int rows) : DbDataReader
{
    private int _read;

    public override int FieldCount => fieldCount;
    public override bool HasRows => rows > 0;
    public override bool IsClosed => false;
    public override int RecordsAffected => -1;
    public override int Depth => 0;
    public override object this[int ordinal] => GetValue(ordinal);
    public override object this[string name] => GetValue(GetOrdinal(name));

    public override bool Read() => _read++ < rows;
    public override bool NextResult() => false;
    public override bool IsDBNull(int ordinal) => false;
    public override bool GetBoolean(int ordinal) => false;
    public override byte GetByte(int ordinal) => 0;
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => 0;
    public override char GetChar(int ordinal) => '\0';
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => 0;
    public override string GetDataTypeName(int ordinal) => "int";
    public override DateTime GetDateTime(int ordinal) => default;
    public override decimal GetDecimal(int ordinal) => 0;
    public override double GetDouble(int ordinal) => 0;
    public override Type GetFieldType(int ordinal) => typeof(int);
    public override float GetFloat(int ordinal) => 0;
    public override Guid GetGuid(int ordinal) => Guid.Empty;
    public override short GetInt16(int ordinal) => 0;
    public override int GetInt32(int ordinal) => 0;
    public override long GetInt64(int ordinal) => 0;
    public override string GetName(int ordinal) => $"Column{ordinal}";
    public override int GetOrdinal(string name) => 0;
    public override string GetString(int ordinal) => string.Empty;
    public override object GetValue(int ordinal) => 0;

    public override T GetFieldValue<T>(int ordinal) =>
        typeof(T) == typeof(string) ? (T)(object)string.Empty : default!;

    public override int GetValues(object[] values)
    {
        Array.Fill(values, 0, 0, Math.Min(values.Length, fieldCount));
        return Math.Min(values.Length, fieldCount);
    }

    public override IEnumerator GetEnumerator() => Array.Empty<object>().GetEnumerator();
}

/// <summary>A transaction on no server: committing and rolling back do nothing.</summary>
internal sealed class NothingTransaction(DbConnection connection, System.Data.IsolationLevel isolationLevel) : DbTransaction
{
    public override System.Data.IsolationLevel IsolationLevel => isolationLevel;
    protected override DbConnection DbConnection => connection;
    public override void Commit() { }
    public override void Rollback() { }
    public override void Save(string savepointName) { }
    public override void Rollback(string savepointName) { }
    public override void Release(string savepointName) { }
}

/// <summary>
/// A command that is never sent: EF Core fills it in and the interceptor answers for it; code that executes
/// it itself (the bulk writers) gets it answered by <paramref name="executed"/>, which sees its text and parameters.
/// </summary>
internal sealed class UnsentCommand(Action<UnsentCommand>? executed = null) : DbCommand
{
    // SqlClient's parameters, which EF Core's SQL Server type mappings configure, in SqlClient's collection.
    private readonly SqlCommand _parameters = new();

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string CommandText { get; set; } = string.Empty;
    public override int CommandTimeout { get; set; }
    public override CommandType CommandType { get; set; } = CommandType.Text;
    public override UpdateRowSource UpdatedRowSource { get; set; }
    public override bool DesignTimeVisible { get; set; }
    protected override DbConnection? DbConnection { get; set; }
    protected override DbTransaction? DbTransaction { get; set; }
    protected override DbParameterCollection DbParameterCollection => _parameters.Parameters;

    public override void Cancel() { }
    public override void Prepare() { }
    protected override DbParameter CreateDbParameter() => new SqlParameter();

    public override int ExecuteNonQuery()
    {
        Answer();
        return 0;
    }

    public override object ExecuteScalar()
    {
        Answer();
        return 1;
    }

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
    {
        Answer();
        return new DefaultsReader(fieldCount: 1, rows: 0);
    }

    protected override void Dispose(bool disposing)
    {
        _parameters.Dispose();
        base.Dispose(disposing);
    }

    private void Answer() =>
        (executed ?? throw new InvalidOperationException("There is no SQL Server here: the interceptor answers every command."))(this);
}
