using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace CxDashboard.Tests.Support;

/// <summary>Where in a save the database connection drops.</summary>
public enum FaultPoint
{
    /// <summary>On the first write of the changed rows themselves.</summary>
    DataWrite,
    /// <summary>On the write of the audit entries that describe them.</summary>
    AuditWrite,
    /// <summary>When the transaction is about to commit.</summary>
    Commit,
    /// <summary>Just after the server committed: only the acknowledgement is lost.</summary>
    AfterCommit,
}

/// <summary>A fault the app must treat like a dropped connection: roll back and try again.</summary>
public sealed class InjectedTransientFault(FaultPoint point) : Exception($"The connection dropped at {point} (injected by the test).");

/// <summary>
/// Breaks one save, once, at the chosen point, the way a dropped connection or a failover breaks it on
/// SQL Server: the command or the commit throws and the transaction is rolled back.
/// </summary>
public sealed partial class TransientFaults : IDbCommandInterceptor, IDbTransactionInterceptor
{
    private FaultPoint? _armed;
    private bool _always;
    private Regex? _dataWrite;

    public int Fired { get; private set; }

    /// <summary>Fails the next write of <paramref name="table"/> (or of the audit trail, or the next commit, before or after it is made) once.</summary>
    public void Arm(FaultPoint point, string table)
    {
        _armed = point;
        _always = false;
        _dataWrite = new Regex($@"(INSERT INTO|UPDATE|DELETE FROM|MERGE)\s+[\[""]{Regex.Escape(table)}[\]""]", RegexOptions.IgnoreCase);
    }

    /// <summary>Fails every commit or audit write until disarmed: a connection that never comes back.</summary>
    public void ArmAlways(FaultPoint point)
    {
        Arm(point, "AuditEntries");
        _always = true;
    }

    public void Disarm() => _armed = null;

    private void OnCommand(DbCommand command)
    {
        var fires = _armed switch
        {
            FaultPoint.DataWrite => _dataWrite!.IsMatch(command.CommandText),
            FaultPoint.AuditWrite => AuditWrite().IsMatch(command.CommandText),
            _ => false,
        };
        if (fires)
        {
            Fire();
        }
    }

    private void Fire()
    {
        var point = _armed!.Value;
        if (!_always)
        {
            _armed = null;
        }
        Fired++;
        throw new InjectedTransientFault(point);
    }

    [GeneratedRegex(@"(INSERT INTO|MERGE)\s+[\[""]AuditEntries[\]""]", RegexOptions.IgnoreCase)]
    private static partial Regex AuditWrite();

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        OnCommand(command);
        return result;
    }

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        OnCommand(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        OnCommand(command);
        return result;
    }

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        OnCommand(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (_armed == FaultPoint.Commit)
        {
            Fire();
        }
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (_armed == FaultPoint.AfterCommit)
        {
            Fire();
        }
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (_armed == FaultPoint.AfterCommit)
        {
            Fire();
        }
        return Task.CompletedTask;
    }

    public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (_armed == FaultPoint.Commit)
        {
            Fire();
        }
        return ValueTask.FromResult(result);
    }
}

/// <summary>
/// Retries what <see cref="TransientFaults"/> breaks, as SQL Server's retry-on-failure strategy retries a
/// dropped connection, so the same tests show the app's saves survive a retry on both providers.
/// </summary>
public sealed class RetryOnInjectedFaults(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, maxRetryCount: 3, maxRetryDelay: TimeSpan.Zero)
{
    protected override bool ShouldRetryOn(Exception exception) => exception is InjectedTransientFault;
}
