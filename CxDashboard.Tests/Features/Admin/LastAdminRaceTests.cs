using System.Data.Common;
using CxDashboard.Domain.Audit;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Organisation;
using CxDashboard.Tests.Features.Feedback;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Admin;
using CxDashboard.Web.Features.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CxDashboard.Tests.Features.Admin;

/// <summary>Two Admins taking the role from each other at the same moment.</summary>
public sealed class LastAdminRaceTests : IAsyncLifetime
{
    private FeedbackData _data = null!;

    public async Task InitializeAsync() => _data = await FeedbackData.CreateAsync();

    public async Task DisposeAsync() => await _data.Database.DisposeAsync();

    private Caller Eli => new(_data.Eli, "Eli Novak", _data.DigitalTeam, new HashSet<string> { Roles.Admin });
    private Caller Finn => new(_data.Finn, "Finn Hale", _data.DigitalTeam, new HashSet<string> { Roles.Admin });

    [Fact]
    public async Task Two_admins_revoking_each_other_at_once_leave_exactly_one_admin()
    {
        var setup = new AdminService(_data.Database, _data.Clock);
        await setup.GrantRoleAsync(_data.Eli, Role.Admin, Eli);
        await setup.GrantRoleAsync(_data.Finn, Role.Admin, Eli);

        // The first revocation stops right after it has counted two Admins; the second starts while it waits.
        // Each runs on its own thread, as two circuits would: SQLite waits for a lock without yielding.
        var pause = new PauseAfterCountingAdmins();
        var first = Task.Run(() => new AdminService(new InterceptedDatabase(_data.Database, pause), _data.Clock)
            .RevokeRoleAsync(_data.Finn, Role.Admin, Eli));
        await pause.Counted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var starting = new SignalOnFirstCommand();
        var second = Task.Run(() => new AdminService(new InterceptedDatabase(_data.Database, starting), _data.Clock)
            .RevokeRoleAsync(_data.Eli, Role.Admin, Finn));
        await starting.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.WhenAny(second, Task.Delay(TimeSpan.FromMilliseconds(300)));
        pause.Release.SetResult();

        var outcomes = await Task.WhenAll(Outcome(first), Outcome(second));

        Assert.Single(outcomes, o => o is null);
        var refused = Assert.IsType<DomainException>(Assert.Single(outcomes, o => o is not null));
        Assert.Equal("This is the last Admin: grant the role to someone else first, or nobody could manage the app.", refused.Message);
        await using var db = _data.Database.CreateDbContext();
        Assert.Equal(1, await db.RoleGrants.CountAsync(g => g.Role == Role.Admin));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityType == nameof(RoleGrant) && a.Action == AuditAction.Deleted));
    }

    private static async Task<Exception?> Outcome(Task revocation)
    {
        try
        {
            await revocation;
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    private sealed class InterceptedDatabase(TestDatabase database, IInterceptor interceptor) : IDbContextFactory<CxDbContext>
    {
        public CxDbContext CreateDbContext()
        {
            if (database.Provider == DatabaseProvider.SqlServer)
            {
                return new SqlServerCxDbContext(new DbContextOptionsBuilder<SqlServerCxDbContext>()
                    .UseSqlServer(database.ConnectionString).AddInterceptors(interceptor).Options);
            }
            return new SqliteCxDbContext(new DbContextOptionsBuilder<SqliteCxDbContext>()
                .UseSqlite(database.ConnectionString).AddInterceptors(interceptor).Options);
        }
    }

    private sealed class PauseAfterCountingAdmins : DbCommandInterceptor
    {
        public TaskCompletionSource Counted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData,
            DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("COUNT(*)", StringComparison.OrdinalIgnoreCase)
                && command.CommandText.Contains("RoleGrants", StringComparison.Ordinal) && !Counted.Task.IsCompleted)
            {
                Counted.SetResult();
                await Release.Task;
            }
            return result;
        }
    }

    private sealed class SignalOnFirstCommand : DbConnectionInterceptor
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default)
        {
            Started.TrySetResult();
            return ValueTask.FromResult(result);
        }
    }
}
