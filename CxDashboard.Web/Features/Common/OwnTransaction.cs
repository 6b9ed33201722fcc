using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CxDashboard.Web.Features.Common;

/// <summary>
/// Runs a command whose saves must commit together in a transaction of its own, through the execution
/// strategy: a dropped connection retries the whole command on a fresh context, so nothing a failed
/// attempt tracked is saved twice. A connection that drops after the commit went through is told apart
/// by the transaction's id, which every audit entry written in it carries: the command then counts as
/// done, with the result its last attempt produced, and is not run a second time.
/// </summary>
public static class OwnTransaction
{
    public static async Task<T> RunAsync<T>(IDbContextFactory<CxDbContext> factory, Func<CxDbContext, CancellationToken, Task<T>> command,
        CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(new Attempt<T>(),
            async (_, attempt, ct) =>
            {
                attempt.Committing = null;
                await using var context = await factory.CreateDbContextAsync(ct);
                await using var transaction = await context.Database.BeginTransactionAsync(ct);
                var result = await command(context, ct);
                attempt.Committing = (transaction.TransactionId, result);
                await transaction.CommitAsync(ct);
                return result;
            },
            async (_, attempt, ct) => attempt.Committing is { } committing && await db.WasSavedAsync(committing.TransactionId, ct)
                ? new ExecutionResult<T>(true, committing.Result)
                : new ExecutionResult<T>(false, default!),
            cancellationToken);
    }

    public static Task RunAsync(IDbContextFactory<CxDbContext> factory, Func<CxDbContext, CancellationToken, Task> command,
        CancellationToken cancellationToken) =>
        RunAsync(factory, async (db, ct) =>
        {
            await command(db, ct);
            return true;
        }, cancellationToken);

    /// <summary>The id of the transaction an attempt is committing, and what it produced, once its work is done.</summary>
    private sealed class Attempt<T>
    {
        public (Guid TransactionId, T Result)? Committing { get; set; }
    }
}
