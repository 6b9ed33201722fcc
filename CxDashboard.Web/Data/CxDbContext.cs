using Microsoft.EntityFrameworkCore.Infrastructure;
using System.Data.Common;
using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Admin;
using CxDashboard.Domain.Audit;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Friction;
using CxDashboard.Domain.Governance;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Notifications;
using CxDashboard.Domain.Organisation;
using CxDashboard.Domain.Scorecards;
using CxDashboard.Domain.Themes;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Data.Configurations;
using CxDashboard.Web.Features.Notifications;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Data;

/// <summary>
/// The one store of the app. Each provider has its own derived context so that its migrations live
/// apart (<see cref="SqliteCxDbContext"/>, <see cref="SqlServerCxDbContext"/>); the app only ever
/// speaks to this base type.
/// </summary>
public abstract class CxDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>The optimistic-concurrency token on every aggregate root: an integer the app increments, portable across providers.</summary>
    public const string VersionProperty = "Version";

    private readonly DbContextOptions _options = options;

    /// <summary>The save under way whose audit entries ride on the commit of its own transaction, if any.</summary>
    private SaveUnderWay? _saving;

    /// <summary>Who a save under way is made by and the clock that dates it; for the length of that save only.</summary>
    private (AuditActor Actor, TimeProvider Clock)? _savingAs;

    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Channel> Channels => Set<Channel>();
    public DbSet<JourneyStage> JourneyStages => Set<JourneyStage>();
    public DbSet<RoleGrant> RoleGrants => Set<RoleGrant>();
    public DbSet<ProviderSignIn> ProviderSignIns => Set<ProviderSignIn>();
    public DbSet<MetricDefinition> Metrics => Set<MetricDefinition>();
    public DbSet<MetricRevision> MetricRevisions => Set<MetricRevision>();
    public DbSet<MetricValue> MetricValues => Set<MetricValue>();
    public DbSet<FeedbackItem> Feedback => Set<FeedbackItem>();
    public DbSet<ImportPreset> ImportPresets => Set<ImportPreset>();
    public DbSet<FeedbackDayVolume> FeedbackDailyVolume => Set<FeedbackDayVolume>();
    public DbSet<FeedbackDayScore> FeedbackDailyScores => Set<FeedbackDayScore>();
    public DbSet<FrictionIssue> FrictionIssues => Set<FrictionIssue>();
    public DbSet<ActionItem> Actions => Set<ActionItem>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<Scorecard> Scorecards => Set<Scorecard>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<NotificationDigest> NotificationDigests => Set<NotificationDigest>();
    public DbSet<Theme> Themes => Set<Theme>();
    public DbSet<FeedbackTheme> FeedbackThemes => Set<FeedbackTheme>();
    public DbSet<FrictionIssueTheme> FrictionIssueThemes => Set<FrictionIssueTheme>();
    public DbSet<FeedbackDayFigure> FeedbackDailyFigures => Set<FeedbackDayFigure>();
    public DbSet<ThemeDayFigure> ThemeDailyFigures => Set<ThemeDayFigure>();

    // The inbox counts its matches only up to a cap (Take(cap + 1).Count()): which rows are counted does
    // not matter, and an ORDER BY would make the database sort what it only has to count. EF Core cannot
    // silence its "Take without OrderBy" warning for one query, so it is off for the context; every list
    // the app shows orders its rows explicitly. The interceptor writes the audit trail of a save.
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder
            .ConfigureWarnings(w => w.Ignore(CoreEventId.RowLimitingOperationWithoutOrderByWarning))
            .AddInterceptors(TrailBeforeCommit.Instance);

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CxDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<Period>().HaveConversion<PeriodConverter>().HaveMaxLength(8).AreUnicode(false);
    }

    /// <summary>Off only for bulk loads whose every row would otherwise get an entry (demo data, benchmarks).</summary>
    public bool AuditEnabled { get; set; } = true;

    /// <summary>
    /// Saves the changes as <paramref name="actor"/>: the audit entries name them and carry the time of
    /// <paramref name="clock"/> (the service's, so tests set it). A save without them is the app's own
    /// (demo data, maintenance) and is attributed to <see cref="AuditActor.System"/>.
    /// </summary>
    public async Task<int> SaveChangesAsync(AuditActor actor, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        _savingAs = (actor, clock);
        try
        {
            return await SaveChangesAsync(cancellationToken);
        }
        finally
        {
            _savingAs = null;
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Saves the changes and, in the same transaction, an audit entry for each created, changed or
    /// deleted row. The entries are written just before the commit of the save's own transaction, when
    /// new rows have their stored keys, so a dropped connection anywhere (the rows, the entries, the
    /// commit) fails the save as a whole, and the execution strategy retries the changes and their entries
    /// together: the trail never names a change that was not kept, nor misses one that was. A connection
    /// that drops after the commit went through is told apart by the save's id on its entries, so the
    /// retry does not write the save a second time.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await NotificationRouting.RouteAddedAsync(this, cancellationToken);
        BumpVersions();
        if (!AuditEnabled || !AuditRecorder.HasAuditableChanges(ChangeTracker))
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        if (Database.CurrentTransaction is { } ownTransaction)
        {
            // The caller owns the transaction and commits it; its execution strategy retries the whole operation.
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
            await WriteTrailAsync(ownTransaction.GetDbTransaction(), ownTransaction.TransactionId, save: null, cancellationToken);
            if (acceptAllChangesOnSuccess)
            {
                ChangeTracker.AcceptAllChanges();
            }
            return written;
        }
        // Even a one-row save gets a transaction, whose commit the trail rides on.
        Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        var save = new SaveUnderWay(PendingKeys.Capture(ChangeTracker));
        _saving = save;
        try
        {
            return await Database.CreateExecutionStrategy().ExecuteAsync(save,
                async (_, attempt, ct) =>
                {
                    attempt.Pending.Restore();
                    return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
                },
                (_, attempt, ct) => WasCommittedAsync(attempt, acceptAllChangesOnSuccess, ct),
                cancellationToken);
        }
        finally
        {
            _saving = null;
        }
    }

    /// <summary>Adds an entry a service writes itself, marked with the id of the save it belongs to (see <see cref="WasSavedAsync"/>).</summary>
    public void AddAuditEntry(Guid saveId, AuditEntry entry) =>
        AuditEntries.Add(entry).Property(AuditEntryConfiguration.SaveIdProperty).CurrentValue = saveId;

    /// <summary>Whether the save with this id was committed: its audit entries are stored only if it was.</summary>
    public Task<bool> WasSavedAsync(Guid saveId, CancellationToken cancellationToken) =>
        AuditEntries.AsNoTracking().AnyAsync(e => EF.Property<Guid?>(e, AuditEntryConfiguration.SaveIdProperty) == saveId, cancellationToken);

    /// <summary>
    /// Asked by the execution strategy before it retries: a connection that drops just after the server
    /// committed loses only the acknowledgement, and a retry would write the change and its entries a second
    /// time. The save's entries carry its id, so finding them proves the commit; the tracked rows then take
    /// the keys they were stored with, as if the save had returned normally.
    /// </summary>
    private async Task<ExecutionResult<int>> WasCommittedAsync(SaveUnderWay save, bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        if (save.Stored is not { } stored || !await WasSavedAsync(save.Id, cancellationToken))
        {
            return new ExecutionResult<int>(false, 0);
        }
        stored.Keys.KeepAsStored();
        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }
        return new ExecutionResult<int>(true, stored.Rows);
    }

    /// <summary>How long after a person's last sign-in the roles the identity provider gave them still decide whom notifications go to.</summary>
    public TimeSpan ProviderRolesCountFor =>
        AppService<IOptions<CxAuthenticationOptions>>()?.Value.ProviderRolesCountFor ?? CxAuthenticationOptions.DefaultProviderRolesCountFor;

    /// <summary>Whether a notification written now is also to go out by e-mail: only where e-mail is configured.</summary>
    public bool NotifiesByEmail => AppService<EmailDelivery>()?.Sends == true;

    // A save made for the system (seeding, host commands) is dated by the app's clock, as every other save is.
    private TimeProvider AppClock() => AppService<TimeProvider>() ?? TimeProvider.System;

    private T? AppService<T>() where T : class =>
        _options.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<T>();

    /// <summary>
    /// Writes the entries for the changes being saved, and the notifications they cause, through a second
    /// context on the same connection and transaction (through this one, the save would send the pending
    /// changes a second time): both commit with the changes or not at all, retries included.
    /// </summary>
    /// <param name="saveId">Written on every entry: the save's own, or the caller's transaction, whose saves commit as one.</param>
    /// <param name="save">The save whose own transaction this is, told what was stored in case the commit's acknowledgement is lost.</param>
    private async Task WriteTrailAsync(DbTransaction transaction, Guid saveId, SaveUnderWay? save, CancellationToken cancellationToken)
    {
        var (actor, clock) = _savingAs ?? (AuditActor.System, AppClock());
        var at = clock.GetUtcNow().UtcDateTime;
        var entries = AuditRecorder.Describe(ChangeTracker, actor, at);
        if (entries.Count == 0)
        {
            return;
        }
        var notifications = NotificationRecorder.Describe(ChangeTracker, actor, at, NotifiesByEmail);
        if (save is not null)
        {
            // In the middle of the save, as the entries were described: the changes were detected when it began.
            var detecting = ChangeTracker.AutoDetectChangesEnabled;
            ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                save.Stored = (PendingKeys.Capture(ChangeTracker),
                    ChangeTracker.Entries().Count(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted));
            }
            finally
            {
                ChangeTracker.AutoDetectChangesEnabled = detecting;
            }
        }
        await using var trail = (CxDbContext)Activator.CreateInstance(GetType(), _options)!;
        trail.AuditEnabled = false;
        trail.Database.SetDbConnection(transaction.Connection);
        await trail.Database.UseTransactionAsync(transaction, cancellationToken);
        notifications.AddRange(await NotificationEvents.DescribeAsync(trail, ChangeTracker, actor, at, NotifiesByEmail, cancellationToken));
        foreach (var entry in entries)
        {
            trail.AddAuditEntry(saveId, entry);
        }
        trail.Notifications.AddRange(notifications);
        await trail.SaveChangesAsync(cancellationToken);
    }

    /// <summary>One save of the changes, through however many attempts the execution strategy makes.</summary>
    private sealed class SaveUnderWay(PendingKeys pending)
    {
        /// <summary>Written on each of the save's audit entries, by which a commit whose acknowledgement was lost is recognised.</summary>
        public Guid Id { get; } = Guid.NewGuid();

        /// <summary>The keys of new rows before the first attempt, put back before each retry.</summary>
        public PendingKeys Pending { get; } = pending;

        /// <summary>The stored keys of new rows and the number of rows, as the last attempt wrote them just before its commit.</summary>
        public (PendingKeys Keys, int Rows)? Stored { get; set; }
    }

    /// <summary>Hands the commit of a save's own transaction to the context, to write the trail first.</summary>
    private sealed class TrailBeforeCommit : DbTransactionInterceptor
    {
        public static readonly TrailBeforeCommit Instance = new();

        public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context is CxDbContext { _saving: { } save } db)
            {
                await db.WriteTrailAsync(transaction, save.Id, save, cancellationToken);
            }
            return result;
        }

        public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result) =>
            TransactionCommittingAsync(transaction, eventData, result).AsTask().GetAwaiter().GetResult();
    }

    /// <summary>
    /// Makes the save of <paramref name="root"/> conditional on the version the person saw: another
    /// save in between turns this one into a <see cref="DbUpdateConcurrencyException"/>.
    /// </summary>
    public void ExpectVersion(object root, int versionSeen)
    {
        var version = Entry(root).Property(VersionProperty);
        version.OriginalValue = versionSeen;
        version.CurrentValue = versionSeen + 1;
        version.IsModified = true;
    }

    public int VersionOf(object root) => (int)Entry(root).Property(VersionProperty).CurrentValue!;

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Metadata.FindProperty(VersionProperty) is null || entry.State != EntityState.Modified)
            {
                continue;
            }
            var version = entry.Property(VersionProperty);
            if (!version.IsModified)
            {
                version.CurrentValue = (int)version.OriginalValue! + 1;
            }
        }
    }
}
